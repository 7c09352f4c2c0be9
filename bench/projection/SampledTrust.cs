using NnViz.Projection.Linear;

namespace Bench.Projection;

/// <summary>
/// Trustworthiness (Venna &amp; Kaski 2001, as NeighborhoodQuality and sklearn compute it) estimated on a fixed sample
/// of m query points (every (n/m)-th), each evaluated against all n points: T = 1 - 2/(k (2n - 3k - 1)) * mean over
/// the sample of sum_{j in U_k(i)} (r(i, j) - k). The full T is the same mean over all n points, so this is an
/// unbiased estimate of it. Two layouts of the same data are scored on the same sample, and the standard error of
/// their difference comes from the per-point paired differences.
/// </summary>
internal static class SampledTrust
{
    public static (double A, double B, double PairedSe) Paired(double[] high, int n, int d, double[] a, double[] b, int k, int m)
    {
        int step = n / m;
        var pa = new long[m]; var pb = new long[m];
        Parallel.For(0, m, q =>
        {
            int i = q * step;
            var dh = new double[n]; var dl = new double[n];
            Distances.RowToAll(high, n, d, i, dh);
            var hk = Nearest(dh, i, k);
            Distances.RowToAll(a, n, 2, i, dl);
            pa[q] = Penalty(dh, i, hk, Nearest(dl, i, k), k);
            Distances.RowToAll(b, n, 2, i, dl);
            pb[q] = Penalty(dh, i, hk, Nearest(dl, i, k), k);
        });
        double c = 2.0 / (k * (2.0 * n - 3.0 * k - 1.0));
        double ma = pa.Average(), mb = pb.Average();
        double md = ma - mb, ss = 0;
        for (int q = 0; q < m; q++) { double t = pa[q] - pb[q] - md; ss += t * t; }
        double se = c * Math.Sqrt(ss / (m - 1) / m);
        return (1 - c * ma, 1 - c * mb, se);
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
