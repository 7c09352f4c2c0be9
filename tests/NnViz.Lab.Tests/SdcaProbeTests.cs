using NnViz.Engine;
using NnViz.Lab.Explain;

namespace NnViz.Lab.Tests;

/// <summary>The SDCA linear probe measures linear separability, gives the same bits twice, and cross-validates on stratified folds.</summary>
public class SdcaProbeTests
{
    /// <summary>Two classes in d dimensions: class 1 shifted by <paramref name="shift"/> along the first axis (the rest noise).</summary>
    private static (float[] X, int[] Y) Blobs(ulong seed, int n, int d, double shift)
    {
        var rng = new Rng(seed);
        var x = new float[n * d];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = i % 2;
            for (int j = 0; j < d; j++) x[i * d + j] = (float)(rng.NextGaussian() + (j == 0 ? y[i] * shift : 0));
        }
        return (x, y);
    }

    /// <summary>XOR of the signs of two coordinates: separable, but not by any line.</summary>
    private static (float[] X, int[] Y) Xor(ulong seed, int n)
    {
        var rng = new Rng(seed);
        var x = new float[n * 2];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            double a = rng.Uniform(-1, 1), b = rng.Uniform(-1, 1);
            (x[2 * i], x[2 * i + 1], y[i]) = ((float)a, (float)b, (a > 0) ^ (b > 0) ? 1 : 0);
        }
        return (x, y);
    }

    [Fact]
    public void Separated_classes_probe_near_one_and_xor_near_chance()
    {
        var (tx, ty) = Blobs(1, 400, 8, 6);
        var (vx, vy) = Blobs(2, 200, 8, 6);
        var far = SdcaProbe.FitAndScore(tx, ty, vx, vy, 8, seed: 3);
        Assert.True(far.HeldOut > 0.98 && far.Train > 0.98, $"{far}");
        var (ox, oy) = Blobs(1, 400, 8, 0);
        var (px, py) = Blobs(2, 200, 8, 0);
        Assert.InRange(SdcaProbe.FitAndScore(ox, oy, px, py, 8, seed: 3).HeldOut, 0.35, 0.65);
        var (xx, xy) = Xor(4, 400);
        var (yx, yy) = Xor(5, 200);
        Assert.InRange(SdcaProbe.FitAndScore(xx, xy, yx, yy, 2, seed: 3).HeldOut, 0.3, 0.7);
    }

    [Fact]
    public void Same_features_and_seed_give_the_same_bits_and_cross_validation_estimates_held_out_accuracy()
    {
        var (tx, ty) = Blobs(7, 1000, 4, 1.0);
        var (vx, vy) = Blobs(8, 4000, 4, 1.0);
        var heldOut = SdcaProbe.FitAndScore(tx, ty, vx, vy, 4, 11);
        Assert.Equal(heldOut, SdcaProbe.FitAndScore(tx, ty, vx, vy, 4, 11));
        // A shift of one sd along one axis: the best line gets Phi(0.5) = 0.69 right.
        Assert.InRange(heldOut.HeldOut, 0.66, 0.72);
        double a = SdcaProbe.CrossValidated(tx, ty, 4, 5, new Rng(3), 11);
        Assert.Equal(a, SdcaProbe.CrossValidated(tx, ty, 4, 5, new Rng(3), 11));
        Assert.True(Math.Abs(a - heldOut.HeldOut) < 0.04, $"cross-validated {a} vs held-out {heldOut.HeldOut}");
    }

    [Fact]
    public void Folds_are_stratified_and_too_few_rows_of_a_class_give_nan()
    {
        int[] y = [.. Enumerable.Range(0, 53).Select(i => i < 20 ? 1 : 0)];
        int[] fold = SdcaProbe.StratifiedFolds(y, 5, new Rng(1));
        for (int f = 0; f < 5; f++)
        {
            Assert.Equal(4, Enumerable.Range(0, y.Length).Count(i => fold[i] == f && y[i] == 1));
            Assert.InRange(Enumerable.Range(0, y.Length).Count(i => fold[i] == f && y[i] == 0), 6, 7);
        }
        int[] few = [1, 1, 0, 0, 0, 0, 0, 0];
        Assert.True(double.IsNaN(SdcaProbe.CrossValidated(new float[few.Length], few, 1, 5, new Rng(1), 1)));
        Assert.Throws<ArgumentException>(() => SdcaProbe.FitAndScore([1, 2], [1, 1], [1], [0], 1, 1));
        Assert.Throws<ArgumentException>(() => SdcaProbe.CrossValidated([1, 2, 3], [0, 1, 2], 1, 2, new Rng(1), 1));
    }
}
