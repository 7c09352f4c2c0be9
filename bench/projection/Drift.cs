using NnViz.Engine;

namespace Bench.Projection;

/// <summary>Copy of tests/NnViz.Projection.Tests/Sequences/DriftingClouds.cs (the drift test data).
/// 
/// Slowly drifting point clouds with known movement. Points live on a 2-D latent plane (gaussian blobs), embedded
/// in D dimensions by a fixed random orthonormal map plus a little noise; every frame each point moves in the latent
/// plane by its own speed (most nearly still, a few travelling far) in its own direction, and every blob drifts a
/// little. A faithful, stable projection shows each point moving about as much as it really moved.
/// </summary>
internal static class Drift
{
    public static List<double[]> Make(Rng rng, int n, int d, int frames, int blobs = 4, double maxSpeed = 0.8)
    {
        var basis = new double[2 * d]; // two orthonormal directions in R^d
        for (int i = 0; i < basis.Length; i++) basis[i] = rng.NextGaussian();
        Normalise(basis.AsSpan(0, d));
        double dot = 0;
        for (int j = 0; j < d; j++) dot += basis[j] * basis[d + j];
        for (int j = 0; j < d; j++) basis[d + j] -= dot * basis[j];
        Normalise(basis.AsSpan(d, d));

        var z = new double[n * 2];
        var speed = new double[n];
        var heading = new double[n];
        for (int i = 0; i < n; i++)
        {
            double angle = 2 * Math.PI * (i % blobs) / blobs;
            z[2 * i] = 8 * Math.Cos(angle) + rng.NextGaussian();
            z[2 * i + 1] = 8 * Math.Sin(angle) + rng.NextGaussian();
            speed[i] = maxSpeed * Math.Pow(rng.NextDouble(), 2);
            heading[i] = 2 * Math.PI * rng.NextDouble();
        }
        var noise = new double[n * d];
        for (int i = 0; i < noise.Length; i++) noise[i] = 0.05 * rng.NextGaussian();
        var drift = new double[blobs * 2];
        for (int i = 0; i < drift.Length; i++) drift[i] = 0.2 * rng.NextGaussian();

        var result = new List<double[]>();
        for (int t = 0; t < frames; t++)
        {
            if (t > 0)
                for (int i = 0; i < n; i++)
                {
                    z[2 * i] += speed[i] * Math.Cos(heading[i]) + drift[(i % blobs) * 2];
                    z[2 * i + 1] += speed[i] * Math.Sin(heading[i]) + drift[(i % blobs) * 2 + 1];
                }
            var x = new double[n * d];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < d; j++) x[i * d + j] = z[2 * i] * basis[j] + z[2 * i + 1] * basis[d + j] + noise[i * d + j];
            result.Add(x);
        }
        return result;
    }

    private static void Normalise(Span<double> v)
    {
        double s = 0;
        foreach (var a in v) s += a * a;
        s = Math.Sqrt(s);
        for (int i = 0; i < v.Length; i++) v[i] /= s;
    }
}
