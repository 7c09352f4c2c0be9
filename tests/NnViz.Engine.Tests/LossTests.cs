using NnViz.Engine.Kernels;

namespace NnViz.Engine.Tests;

public class LossTests
{
    private delegate double LossFn(ReadOnlySpan<double> o, ReadOnlySpan<double> t, Span<double> g, int rows, int cols);

    public static TheoryData<string> Names => new() { "mse", "bce", "bce_logits", "softmax_ce", "categorical_ce" };

    private static LossFn Get(string name) => name switch
    {
        "mse" => LossKernels.Mse,
        "bce" => LossKernels.BinaryCrossEntropy,
        "bce_logits" => LossKernels.BinaryCrossEntropyWithLogits,
        "softmax_ce" => LossKernels.SoftmaxCrossEntropy,
        _ => LossKernels.CategoricalCrossEntropy,
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void GradientMatchesCentralDifferences(string name)
    {
        var rng = new Rng(30);
        int rows = 4, cols = 3;
        var o = GradCheck.Random(rng, rows * cols, 2);
        var t = new double[rows * cols];
        if (name is "bce" or "categorical_ce") for (int i = 0; i < o.Length; i++) o[i] = 0.1 + 0.8 * rng.NextDouble();
        if (name is "softmax_ce" or "categorical_ce") for (int r = 0; r < rows; r++) t[r * cols + rng.NextInt(cols)] = 1;
        else for (int i = 0; i < t.Length; i++) t[i] = name == "mse" ? rng.NextDouble() : rng.NextInt(2);
        var f = Get(name);
        var g = new double[o.Length];
        f(o, t, g, rows, cols);
        var scratch = new double[o.Length];
        GradCheck.Close(GradCheck.Numeric(() => f(o, t, scratch, rows, cols), o), g, 1e-7, name);
    }

    [Fact]
    public void KnownValues()
    {
        var g = new double[2];
        Assert.Equal((0.25 + 1.0) / 2, LossKernels.Mse<double>([0.5, 2], [0, 1], g, 2, 1), 12);
        Assert.Equal(-Math.Log(0.8 + 1e-7), LossKernels.BinaryCrossEntropy<double>([0.8], [1], g, 1, 1), 9);
        Assert.Equal(Math.Log(1 + Math.Exp(-2)), LossKernels.BinaryCrossEntropyWithLogits<double>([2], [1], g, 1, 1), 12);
        Assert.Equal(Math.Log(2), LossKernels.SoftmaxCrossEntropy<double>([3, 3], [1, 0], g, 1, 2), 12);
    }

    [Fact]
    public void FusedSoftmaxCrossEntropyEqualsSoftmaxThenCrossEntropy()
    {
        var rng = new Rng(31);
        int rows = 6, cols = 5;
        var z = GradCheck.Random(rng, rows * cols, 3);
        var t = new double[rows * cols];
        for (int r = 0; r < rows; r++) t[r * cols + rng.NextInt(cols)] = 1;
        var gFused = new double[z.Length];
        double lFused = LossKernels.SoftmaxCrossEntropy<double>(z, t, gFused, rows, cols);
        var p = (double[])z.Clone();
        Activations.Forward<double>(Activation.Softmax, p, rows, cols);
        var gp = new double[z.Length];
        double lComposed = LossKernels.CategoricalCrossEntropy<double>(p, t, gp, rows, cols);
        var gz = new double[z.Length];
        Activations.Backward<double>(Activation.Softmax, p, gp, gz, rows, cols);
        Assert.Equal(lComposed, lFused, 9);
        GradCheck.Close(gz, gFused, 1e-9, "dz");
    }

    [Fact]
    public void BceWithLogitsEqualsSigmoidThenBce()
    {
        var rng = new Rng(32);
        var z = GradCheck.Random(rng, 8, 3); var t = Array.ConvertAll(z, _ => (double)rng.NextInt(2));
        var gFused = new double[8];
        double lFused = LossKernels.BinaryCrossEntropyWithLogits<double>(z, t, gFused, 4, 2);
        var p = (double[])z.Clone();
        Activations.Forward<double>(Activation.Sigmoid, p, 4, 2);
        var gp = new double[8]; var gz = new double[8];
        double lComposed = LossKernels.BinaryCrossEntropy<double>(p, t, gp, 4, 2);
        Activations.Backward<double>(Activation.Sigmoid, p, gp, gz, 4, 2);
        Assert.Equal(lComposed, lFused, 5); // Keras's ε shifts the composed value by ~1e-7
        GradCheck.Close(gz, gFused, 1e-5, "dz");
    }
}
