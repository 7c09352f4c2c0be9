using NnViz.Projection.Linear;

namespace NnViz.Projection.Neighbors;

/// <summary>
/// Brute-force k nearest neighbours: O(N^2 D), exact, parallel over fixed chunks of query rows.
/// Fine up to a few ten thousand points in tens of dimensions (10,000 x 50 takes about a second on 2 cores).
/// </summary>
public static class ExactKnn
{
    public static KnnGraph Search(double[] x, int n, int d, int k)
    {
        DataMatrix.Check(x, n, d, nameof(x));
        if (k < 1 || k >= n) throw new ArgumentException($"k: expected 1 <= k < n = {n}, received {k}");
        var indices = new int[n * k];
        var dists = new double[n * k];
        Parallelism.ForChunks(n, 32, (start, end) =>
        {
            var bd = new double[k];
            var bi = new int[k];
            for (int i = start; i < end; i++)
            {
                var top = new TopK(bd, bi, k);
                var xi = new ReadOnlySpan<double>(x, i * d, d);
                for (int j = 0; j < n; j++)
                {
                    if (j == i) continue;
                    top.Offer(Distances.SquaredEuclidean(xi, new ReadOnlySpan<double>(x, j * d, d)), j);
                }
                for (int t = 0; t < k; t++) { indices[i * k + t] = bi[t]; dists[i * k + t] = Math.Sqrt(bd[t]); }
            }
        });
        return new KnnGraph(n, k, indices, dists);
    }
}
