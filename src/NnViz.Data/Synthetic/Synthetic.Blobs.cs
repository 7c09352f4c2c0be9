using NnViz.Engine;

namespace NnViz.Data;

public static partial class Synthetic
{
    /// <summary>
    /// Isotropic gaussian blobs as scikit-learn's <c>make_blobs</c> with an integer number of centres:
    /// centres ~ U[boxLo, boxHi)^features, n / k points per centre and one more for the first n % k centres,
    /// each point = centre + sd * N(0, I); rows shuffled. Labels are the centre index; Y is one-hot (k columns).
    /// </summary>
    public static Dataset Blobs(Rng rng, int n, int centers = 3, int features = 2, double sd = 1.0,
        double boxLo = -10, double boxHi = 10)
    {
        CheckCount(centers, nameof(centers));
        CheckCount(features, nameof(features));
        Rng place = rng;
        var c = new double[centers * features];
        for (int i = 0; i < c.Length; i++) c[i] = place.Uniform(boxLo, boxHi);
        return Blobs(rng, n, c, features, sd);
    }

    /// <summary>Gaussian blobs around given centres (<paramref name="centers"/> is k x features, row-major).</summary>
    public static Dataset Blobs(Rng rng, int n, double[] centers, int features, double sd = 1.0)
    {
        CheckCount(n, nameof(n));
        CheckCount(features, nameof(features));
        if (centers.Length == 0 || centers.Length % features != 0)
            throw new ArgumentException($"centers has {centers.Length} values, not a multiple of {features} features", nameof(centers));
        if (sd < 0) throw new ArgumentOutOfRangeException(nameof(sd), sd, "must be >= 0");
        int k = centers.Length / features;
        var points = new double[n * features];
        var labels = new int[n];
        Rng noise = rng;
        int row = 0;
        for (int j = 0; j < k; j++)
        {
            int count = n / k + (j < n % k ? 1 : 0);
            for (int r = 0; r < count; r++, row++)
            {
                labels[row] = j;
                for (int f = 0; f < features; f++)
                    points[row * features + f] = centers[j * features + f] + sd * noise.NextGaussian();
            }
        }
        int[] order = rng.Permutation(n);
        var x = new float[n * features];
        var y = new float[n * k];
        var lab = new int[n];
        for (int i = 0; i < n; i++)
        {
            int s = order[i];
            for (int f = 0; f < features; f++) x[i * features + f] = (float)points[s * features + f];
            lab[i] = labels[s];
            y[i * k + lab[i]] = 1f;
        }
        return new Dataset("blobs", x, n, features, y, k, lab);
    }
}
