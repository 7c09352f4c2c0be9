using NnViz.Projection.Neighbors;

namespace NnViz.Projection.Umap;

/// <summary>A symmetric weighted graph in coordinate form (both directions of every edge), rows in ascending order.</summary>
public sealed record FuzzyGraph(int N, int[] Heads, int[] Tails, double[] Weights);

/// <summary>
/// UMAP's fuzzy simplicial set (McInnes, Healy &amp; Melville 2018, sec. 3.1 and umap-learn's smooth_knn_dist):
/// for each point rho_i = distance to its nearest neighbour and sigma_i such that
/// sum_j exp(-max(0, d_ij - rho_i) / sigma_i) = log2(k) over its k - 1 neighbours (k counts the point itself);
/// memberships w_ij = exp(-max(0, d_ij - rho_i) / sigma_i), then the fuzzy union W = A + A^T - A o A^T.
/// </summary>
public static class FuzzySimplicialSet
{
    /// <summary>sigma and rho for one point's neighbour distances (nearest first, self excluded).</summary>
    public static (double Sigma, double Rho) Calibrate(ReadOnlySpan<double> distances, int k)
    {
        double target = Math.Log2(k);
        double rho = 0;
        foreach (var dd in distances) if (dd > 0) { rho = dd; break; }
        double lo = 0, hi = double.PositiveInfinity, mid = 1;
        for (int it = 0; it < 64; it++)
        {
            double psum = 0;
            foreach (var dd in distances)
            {
                double x = dd - rho;
                psum += x > 0 ? Math.Exp(-x / mid) : 1.0;
            }
            if (Math.Abs(psum - target) < 1e-5) break;
            if (psum > target) { hi = mid; mid = (lo + hi) / 2; }
            else { lo = mid; mid = double.IsPositiveInfinity(hi) ? mid * 2 : (lo + hi) / 2; }
        }
        // umap-learn's floor keeps sigma from vanishing for points in very dense spots.
        double mean = 0;
        foreach (var dd in distances) mean += dd;
        mean /= distances.Length + 1; // umap-learn averages over its k columns including the zero self-distance
        if (rho > 0 && mid < 1e-3 * mean) mid = 1e-3 * mean;
        return (mid, rho);
    }

    /// <summary>The symmetric fuzzy graph over a kNN graph that excludes self (so knn.K = k - 1).</summary>
    public static FuzzyGraph Build(KnnGraph knn)
    {
        int n = knn.N, kk = knn.K;
        var directed = new Dictionary<long, double>(n * kk);
        for (int i = 0; i < n; i++)
        {
            var (sigma, rho) = Calibrate(knn.Distances.AsSpan(i * kk, kk), kk + 1);
            for (int t = 0; t < kk; t++)
            {
                double x = knn.Distances[i * kk + t] - rho;
                double w = x > 0 ? Math.Exp(-x / sigma) : 1.0;
                directed[(long)i * n + knn.Indices[i * kk + t]] = w;
            }
        }
        var entries = new List<(int Row, int Col, double W)>(2 * directed.Count);
        foreach (var (key, a) in directed)
        {
            int i = (int)(key / n), j = (int)(key % n);
            double b = directed.GetValueOrDefault((long)j * n + i);
            double w = a + b - a * b;
            entries.Add((i, j, w));
            if (b == 0 && !directed.ContainsKey((long)j * n + i)) entries.Add((j, i, w));
        }
        entries.Sort((p, q) => p.Row != q.Row ? p.Row.CompareTo(q.Row) : p.Col.CompareTo(q.Col));
        var heads = new int[entries.Count]; var tails = new int[entries.Count]; var weights = new double[entries.Count];
        for (int e = 0; e < entries.Count; e++) { heads[e] = entries[e].Row; tails[e] = entries[e].Col; weights[e] = entries[e].W; }
        return new FuzzyGraph(n, heads, tails, weights);
    }
}
