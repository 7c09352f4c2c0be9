using NnViz.Projection.Linear;
using NnViz.Projection.Neighbors;

namespace NnViz.Projection.Quality;

/// <summary>How well a projection keeps neighbourhoods: all three in [0, 1], higher is better.</summary>
public sealed record NeighborhoodScores(double Trustworthiness, double Continuity, double KnnRecall, int K);

/// <summary>
/// Trustworthiness and continuity (Venna &amp; Kaski 2001; Venna et al. 2010, eqs. 2-3) and recall@k of the
/// high-dimensional neighbours. T(k) = 1 - 2/(n k (2n - 3k - 1)) * sum_i sum_{j in U_k(i)} (r(i, j) - k), U_k(i) the
/// points among i's k nearest in the layout but not in the data, r their rank in the data; continuity swaps the roles.
/// Matches sklearn.manifold.trustworthiness. O(n^2 d) time but O(n) memory per thread: no n x n matrix is formed
/// and ranks are counted only for the few intruders, so 10,000 points take about a second.
/// </summary>
public static class NeighborhoodQuality
{
    public static NeighborhoodScores Compute(double[] high, int n, int dHigh, double[] low, int dLow, int k = 10)
    {
        DataMatrix.Check(high, n, dHigh, nameof(high));
        DataMatrix.Check(low, n, dLow, nameof(low));
        if (k < 1 || k >= n / 2.0) throw new ArgumentException($"k: expected 1 <= k < n/2 = {n / 2.0}, received {k}");
        var trustPenalty = new long[n];
        var contPenalty = new long[n];
        var shared = new int[n];
        Parallelism.ForChunks(n, 32, (start, end) =>
        {
            var dh = new double[n];
            var dl = new double[n];
            var hb = new double[k]; var hi = new int[k];
            var lb = new double[k]; var li = new int[k];
            for (int i = start; i < end; i++)
            {
                Distances.RowToAll(high, n, dHigh, i, dh);
                Distances.RowToAll(low, n, dLow, i, dl);
                var th = new TopK(hb, hi, k);
                var tl = new TopK(lb, li, k);
                for (int j = 0; j < n; j++)
                {
                    if (j == i) continue;
                    th.Offer(dh[j], j);
                    tl.Offer(dl[j], j);
                }
                int common = 0;
                long tp = 0, cp = 0;
                for (int a = 0; a < k; a++)
                {
                    if (Array.IndexOf(hi, li[a]) >= 0) common++;
                    else tp += Rank(dh, i, li[a]) - k;
                    if (Array.IndexOf(li, hi[a]) < 0) cp += Rank(dl, i, hi[a]) - k;
                }
                shared[i] = common; trustPenalty[i] = tp; contPenalty[i] = cp;
            }
        });
        long sumT = 0, sumC = 0, sumS = 0;
        for (int i = 0; i < n; i++) { sumT += trustPenalty[i]; sumC += contPenalty[i]; sumS += shared[i]; }
        double norm = 2.0 / ((double)n * k * (2.0 * n - 3.0 * k - 1.0));
        return new NeighborhoodScores(1 - norm * sumT, 1 - norm * sumC, (double)sumS / ((double)n * k), k);
    }

    public static NeighborhoodScores Compute(float[] high, int n, int dHigh, double[] low, int dLow, int k = 10) =>
        Compute(DataMatrix.ToDouble(high), n, dHigh, low, dLow, k);

    /// <summary>1-based rank of j among i's neighbours by distance (ties to the smaller index), self excluded.</summary>
    private static int Rank(double[] dist, int i, int j)
    {
        double dj = dist[j];
        int rank = 1;
        for (int l = 0; l < dist.Length; l++)
        {
            if (l == i || l == j) continue;
            double dlv = dist[l];
            if (dlv < dj || (dlv == dj && l < j)) rank++;
        }
        return rank;
    }
}
