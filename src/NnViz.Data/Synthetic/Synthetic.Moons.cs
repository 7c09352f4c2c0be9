using NnViz.Engine;

namespace NnViz.Data;

public static partial class Synthetic
{
    /// <summary>
    /// Two interleaving half circles with scikit-learn's <c>make_moons</c> geometry and semantics:
    /// n_out = n / 2 points (label 0) at (cos t, sin t) for t = linspace(0, π, n_out), n_in = n - n_out points
    /// (label 1) at (1 - cos t, 1 - sin t - 0.5) for t = linspace(0, π, n_in); then, when <paramref name="shuffle"/>,
    /// the rows are permuted; then gaussian noise of sd <paramref name="noise"/> is added to every coordinate (after
    /// the shuffle, as scikit-learn does). The random numbers are ours, so the points differ from scikit-learn's
    /// for the same seed, but their distribution is the same.
    /// </summary>
    public static Dataset Moons(Rng rng, int n, double noise = 0.0, bool shuffle = true)
    {
        CheckCount(n, nameof(n));
        if (noise < 0) throw new ArgumentOutOfRangeException(nameof(noise), noise, "must be >= 0");
        int nOut = n / 2, nIn = n - nOut;
        var px = new double[n];
        var py = new double[n];
        var labels = new int[n];
        for (int i = 0; i < nOut; i++)
        {
            double t = Linspace(0, Math.PI, nOut, i);
            px[i] = Math.Cos(t);
            py[i] = Math.Sin(t);
        }
        for (int i = 0; i < nIn; i++)
        {
            double t = Linspace(0, Math.PI, nIn, i);
            px[nOut + i] = 1 - Math.Cos(t);
            py[nOut + i] = 1 - Math.Sin(t) - 0.5;
            labels[nOut + i] = 1;
        }
        int[] order = shuffle ? rng.Permutation(n) : Identity(n);
        // Noise is drawn row by row, x then y, in the shuffled order (numpy's normal(size=X.shape) after the shuffle).
        Rng jitter = rng;
        var sx = new double[n];
        var sy = new double[n];
        var sl = new int[n];
        for (int i = 0; i < n; i++)
        {
            int s = order[i];
            sx[i] = px[s] + (noise > 0 ? noise * jitter.NextGaussian() : 0);
            sy[i] = py[s] + (noise > 0 ? noise * jitter.NextGaussian() : 0);
            sl[i] = labels[s];
        }
        return Assemble2D("moons", sx, sy, sl, Identity(n));
    }

    private static int[] Identity(int n)
    {
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }
}
