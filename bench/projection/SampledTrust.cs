using NnViz.Projection.Linear;

namespace Bench.Projection;

/// <summary>
/// Trustworthiness (Venna &amp; Kaski 2001, as NeighborhoodQuality and sklearn compute it) estimated on a fixed sample
/// of m query points (every (n/m)-th), each evaluated against all n points: T = 1 - 2/(k (2n - 3k - 1)) * mean over
/// the sample of sum_{j in U_k(i)} (r(i, j) - k). The full T is the same mean over all n points, so this is an
/// unbiased estimate of it. Several layouts of the same data are scored on the same sample, and the standard error of
/// their differences comes from the per-point paired differences (`TSNE70K=trustcheck` checks it against
/// NeighborhoodQuality with every point sampled).
/// </summary>
internal static class SampledTrust
{
    /// <summary>T of every layout on the same sample, and of each its difference from layouts[0] with the paired
    /// standard error.</summary>
    public static (double T, double Diff, double PairedSe)[] Compare(double[] high, int n, int d, double[][] layouts, int k, int m)
    {
        int step = n / m, L = layouts.Length;
        var pen = new long[L, m];
        Parallel.For(0, m, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, q =>
        {
            int i = q * step;
            var dh = new double[n]; var dl = new double[n];
            Distances.RowToAll(high, n, d, i, dh);
            var hk = Nearest(dh, i, k);
            for (int l = 0; l < L; l++)
            {
                Distances.RowToAll(layouts[l], n, 2, i, dl);
                pen[l, q] = Penalty(dh, i, hk, Nearest(dl, i, k), k);
            }
        });
        double c = 2.0 / (k * (2.0 * n - 3.0 * k - 1.0));
        var result = new (double, double, double)[L];
        for (int l = 0; l < L; l++)
        {
            double ml = 0, md = 0, ss = 0;
            for (int q = 0; q < m; q++) { ml += pen[l, q]; md += pen[l, q] - pen[0, q]; }
            ml /= m; md /= m;
            for (int q = 0; q < m; q++) { double t = pen[l, q] - pen[0, q] - md; ss += t * t; }
            result[l] = (1 - c * ml, -c * md, c * Math.Sqrt(ss / (m - 1) / m));
        }
        return result;
    }

    /// <summary>The k nearest of i (self excluded) by (distance, index).</summary>
    private static int[] Nearest(double[] dist, int i, int k)
    {
        var best = new (double, int)[k];
        int count = 0;
        for (int j = 0; j < dist.Length; j++)
        {
            if (j == i) continue;
            var key = (dist[j], j);
            if (count == k && key.CompareTo(best[k - 1]) >= 0) continue;
            int pos = count < k ? count++ : k - 1;
            while (pos > 0 && best[pos - 1].CompareTo(key) > 0) { best[pos] = best[pos - 1]; pos--; }
            best[pos] = key;
        }
        return best.Select(t => t.Item2).ToArray();
    }

    private static long Penalty(double[] dh, int i, int[] highK, int[] lowK, int k)
    {
        long pen = 0;
        foreach (int j in lowK)
        {
            if (Array.IndexOf(highK, j) >= 0) continue;
            int rank = 1;
            for (int l = 0; l < dh.Length; l++)
                if (l != i && l != j && (dh[l] < dh[j] || (dh[l] == dh[j] && l < j))) rank++;
            pen += rank - k;
        }
        return pen;
    }
}
