using NnViz.Projection.Linear;
using NnViz.Projection.Neighbors;

namespace NnViz.Projection.Tsne;

/// <summary>Symmetric joint probabilities P (sum 1) in compressed sparse rows: row i holds Cols[RowStart[i]..RowStart[i+1]).</summary>
internal sealed record SparseP(int N, int[] RowStart, int[] Cols, double[] Values);

/// <summary>
/// t-SNE input similarities (van der Maaten &amp; Hinton 2008, eqs. 1 and 4): for each point a Gaussian over its
/// neighbours whose precision is found by binary search so that the entropy equals log(perplexity), then
/// P_ij = (P_j|i + P_i|j) / 2n. The sparse form keeps 3 x perplexity neighbours (van der Maaten 2014, sec. 4.1).
/// </summary>
internal static class Affinities
{
    /// <summary>Conditional P_j|i over the given squared distances, written into <paramref name="p"/>; returns the precision beta.</summary>
    public static double Conditional(ReadOnlySpan<double> sqDist, double perplexity, Span<double> p)
    {
        double target = Math.Log(perplexity);
        double beta = 1, lo = double.NegativeInfinity, hi = double.PositiveInfinity;
        double minD = double.PositiveInfinity;
        foreach (var v in sqDist) minD = Math.Min(minD, v);
        for (int step = 0; step < 200; step++)
        {
            // Subtracting the smallest distance leaves P unchanged and keeps exp() from underflowing.
            double sum = 0, weighted = 0;
            for (int j = 0; j < sqDist.Length; j++)
            {
                double e = Math.Exp(-beta * (sqDist[j] - minD));
                p[j] = e; sum += e; weighted += e * (sqDist[j] - minD);
            }
            double entropy = Math.Log(sum) + beta * weighted / sum;
            double diff = entropy - target;
            for (int j = 0; j < sqDist.Length; j++) p[j] /= sum;
            if (Math.Abs(diff) < 1e-5) break;
            if (diff > 0) { lo = beta; beta = double.IsPositiveInfinity(hi) ? beta * 2 : (beta + hi) / 2; }
            else { hi = beta; beta = double.IsNegativeInfinity(lo) ? beta / 2 : (beta + lo) / 2; }
        }
        return beta;
    }

    /// <summary>Sparse P over a kNN graph (k about 3 x perplexity).</summary>
    public static SparseP FromNeighbors(KnnGraph knn, double perplexity)
    {
        int n = knn.N, k = knn.K;
        var cond = new double[n * k];
        Parallelism.ForChunks(n, 256, (start, end) =>
        {
            var sq = new double[k];
            for (int i = start; i < end; i++)
            {
                for (int t = 0; t < k; t++) { double dd = knn.Distances[i * k + t]; sq[t] = dd * dd; }
                Conditional(sq, perplexity, cond.AsSpan(i * k, k));
            }
        });
        return Symmetrise(n, k, knn.Indices, cond);
    }

    /// <summary>P_ij = (P_j|i + P_i|j) / 2n from conditionals on a kNN graph, merged into sorted sparse rows.</summary>
    public static SparseP Symmetrise(int n, int k, int[] neighbors, double[] cond)
    {
        var counts = new int[n + 1];
        for (int i = 0; i < n; i++)
            for (int t = 0; t < k; t++) { counts[i]++; counts[neighbors[i * k + t]]++; }
        var start = new int[n + 1];
        for (int i = 0; i < n; i++) start[i + 1] = start[i] + counts[i];
        var fill = (int[])start.Clone();
        var cols = new int[start[n]];
        var vals = new double[start[n]];
        for (int i = 0; i < n; i++)
            for (int t = 0; t < k; t++)
            {
                int j = neighbors[i * k + t];
                double v = cond[i * k + t] / (2.0 * n);
                cols[fill[i]] = j; vals[fill[i]++] = v;
                cols[fill[j]] = i; vals[fill[j]++] = v;
            }
        // Sort each row by column and merge duplicates (an edge found from both ends).
        var rowStart = new int[n + 1];
        var outCols = new List<int>(cols.Length);
        var outVals = new List<double>(cols.Length);
        for (int i = 0; i < n; i++)
        {
            int s = start[i], len = start[i + 1] - s;
            Array.Sort(cols, vals, s, len);
            for (int a = s; a < s + len; a++)
            {
                if (outCols.Count > rowStart[i] && outCols[^1] == cols[a]) outVals[^1] += vals[a];
                else { outCols.Add(cols[a]); outVals.Add(vals[a]); }
            }
            rowStart[i + 1] = outCols.Count;
        }
        return new SparseP(n, rowStart, outCols.ToArray(), outVals.ToArray());
    }

    /// <summary>Dense P over all pairs (exact t-SNE), row-major n x n.</summary>
    public static double[] Dense(double[] x, int n, int d, double perplexity)
    {
        var p = new double[n * n];
        Parallelism.ForChunks(n, 32, (start, end) =>
        {
            var sq = new double[n - 1];
            var row = new double[n - 1];
            for (int i = start; i < end; i++)
            {
                var xi = new ReadOnlySpan<double>(x, i * d, d);
                for (int j = 0, t = 0; j < n; j++)
                    if (j != i) sq[t++] = Distances.SquaredEuclidean(xi, new ReadOnlySpan<double>(x, j * d, d));
                Conditional(sq, perplexity, row);
                for (int j = 0, t = 0; j < n; j++)
                    if (j != i) p[i * n + j] = row[t++];
            }
        });
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                double v = (p[i * n + j] + p[j * n + i]) / (2.0 * n);
                p[i * n + j] = v; p[j * n + i] = v;
            }
        return p;
    }
}
