using NnViz.Engine;

namespace NnViz.Projection.Tests;

/// <summary>Data sets with known structure for the tests.</summary>
internal static class Synthetic
{
    /// <summary>Gaussian blobs: centres on a scaled simplex-like random layout, unit-variance noise scaled by <paramref name="sd"/>.</summary>
    public static (double[] X, int[] Labels) Blobs(Rng rng, int perBlob, int blobs, int d, double separation = 10, double sd = 1)
    {
        var centres = new double[blobs * d];
        for (int i = 0; i < centres.Length; i++) centres[i] = separation * rng.NextGaussian();
        int n = perBlob * blobs;
        var x = new double[n * d];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int b = i % blobs;
            labels[i] = b;
            for (int j = 0; j < d; j++) x[i * d + j] = centres[b * d + j] + sd * rng.NextGaussian();
        }
        return (x, labels);
    }

    public static double[] Gaussian(Rng rng, int n, int d)
    {
        var x = new double[n * d];
        for (int i = 0; i < x.Length; i++) x[i] = rng.NextGaussian();
        return x;
    }

    /// <summary>Swiss roll (as sklearn.datasets.make_swiss_roll): t in [1.5 pi, 4.5 pi], height in [0, 21]; returns the unrolled (t, height).</summary>
    public static (double[] X, double[] T, double[] H) SwissRoll(Rng rng, int n, double noise = 0)
    {
        var x = new double[n * 3];
        var t = new double[n];
        var h = new double[n];
        for (int i = 0; i < n; i++)
        {
            t[i] = 1.5 * Math.PI * (1 + 2 * rng.NextDouble());
            h[i] = 21 * rng.NextDouble();
            x[i * 3] = t[i] * Math.Cos(t[i]) + noise * rng.NextGaussian();
            x[i * 3 + 1] = h[i] + noise * rng.NextGaussian();
            x[i * 3 + 2] = t[i] * Math.Sin(t[i]) + noise * rng.NextGaussian();
        }
        return (x, t, h);
    }

    public static double Pearson(double[] a, double[] b) => NnViz.Projection.Quality.TemporalStability.Pearson(a, b);

    public static double[] Column(double[] y, int k, int c)
    {
        var r = new double[y.Length / k];
        for (int i = 0; i < r.Length; i++) r[i] = y[i * k + c];
        return r;
    }
}
