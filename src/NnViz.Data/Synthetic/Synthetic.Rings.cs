using NnViz.Engine;

namespace NnViz.Data;

public static partial class Synthetic
{
    /// <summary>
    /// Two concentric rings (seed 003, A2): <paramref name="perRing"/> points at angle ~ U[0, 2π) on the circle of
    /// radius <paramref name="outerRadius"/> (label 1) and as many on <paramref name="innerRadius"/> (label 0),
    /// each coordinate plus gaussian noise of sd <paramref name="noise"/>; rows shuffled. Y is the 0/1 label.
    /// </summary>
    public static Dataset Rings(Rng rng, int perRing, double noise = 0.005, double outerRadius = 1.0, double innerRadius = 0.5)
    {
        CheckCount(perRing, nameof(perRing));
        if (noise < 0) throw new ArgumentOutOfRangeException(nameof(noise), noise, "must be >= 0");
        int n = 2 * perRing;
        var px = new double[n];
        var py = new double[n];
        var labels = new int[n];
        Rng angles = rng, jitter = rng, order = rng;
        for (int i = 0; i < n; i++)
        {
            bool outer = i < perRing;
            double r = outer ? outerRadius : innerRadius;
            double t = angles.Uniform(0, 2 * Math.PI);
            px[i] = r * Math.Cos(t) + noise * jitter.NextGaussian();
            py[i] = r * Math.Sin(t) + noise * jitter.NextGaussian();
            labels[i] = outer ? 1 : 0;
        }
        return Assemble2D("rings", px, py, labels, order.Permutation(n));
    }

    /// <summary>Builds a 2-column binary set taking source rows in the given order.</summary>
    private static Dataset Assemble2D(string name, double[] px, double[] py, int[] labels, int[] order)
    {
        int n = order.Length;
        var x = new float[2 * n];
        var y = new float[n];
        var lab = new int[n];
        for (int i = 0; i < n; i++)
        {
            int s = order[i];
            x[2 * i] = (float)px[s];
            x[2 * i + 1] = (float)py[s];
            lab[i] = labels[s];
            y[i] = labels[s];
        }
        return new Dataset(name, x, n, 2, y, 1, lab);
    }
}
