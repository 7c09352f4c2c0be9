using NnViz.Engine.Kernels;

namespace NnViz.Engine.Tests;

/// <summary>The fused dense kernel (GEMM + bias + activation) checked in double against central differences.</summary>
public class DenseKernelTests
{
    [Theory]
    [InlineData(Activation.Linear)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.Softmax)]
    public void GradientsMatchCentralDifferences(Activation act)
    {
        var rng = new Rng(10 + (ulong)act);
        int rows = 5, inDim = 4, outDim = 3;
        var x = GradCheck.Random(rng, rows * inDim); var w = GradCheck.Random(rng, inDim * outDim); var b = GradCheck.Random(rng, outDim, 0.5);
        var c = GradCheck.Random(rng, rows * outDim); // loss = Σ c ⊙ y, so dL/dy = c
        if (act == Activation.Relu) for (int i = 0; i < x.Length; i++) x[i] += Math.Sign(x[i]) * 0.05; // keep off the kink
        double Loss()
        {
            var y = new double[rows * outDim];
            DenseKernel.Forward<double>(x, w, b, y, rows, inDim, outDim, act);
            return GradCheck.Dot(y, c);
        }
        var yOut = new double[rows * outDim];
        DenseKernel.Forward<double>(x, w, b, yOut, rows, inDim, outDim, act);
        var dz = new double[rows * outDim]; var dw = new double[w.Length]; var db = new double[b.Length]; var dx = new double[x.Length];
        DenseKernel.Backward<double>(x, w, yOut, c, dz, dw, db, dx, new double[w.Length], rows, inDim, outDim, act);
        GradCheck.Close(GradCheck.Numeric(Loss, w), dw, 1e-7, "dW");
        GradCheck.Close(GradCheck.Numeric(Loss, b), db, 1e-7, "db");
        GradCheck.Close(GradCheck.Numeric(Loss, x), dx, 1e-7, "dx");
    }

    [Fact]
    public void BackwardAccumulatesIntoExistingGradients()
    {
        var rng = new Rng(20);
        int rows = 3, inDim = 2, outDim = 2;
        var x = GradCheck.Random(rng, rows * inDim); var w = GradCheck.Random(rng, inDim * outDim); var b = new double[outDim];
        var y = new double[rows * outDim];
        DenseKernel.Forward<double>(x, w, b, y, rows, inDim, outDim, Activation.Tanh);
        var dy = GradCheck.Random(rng, rows * outDim);
        var dw1 = new double[w.Length]; var db1 = new double[outDim];
        DenseKernel.Backward<double>(x, w, y, dy, new double[y.Length], dw1, db1, Span<double>.Empty, new double[w.Length], rows, inDim, outDim, Activation.Tanh);
        var dw2 = (double[])dw1.Clone(); var db2 = (double[])db1.Clone();
        DenseKernel.Backward<double>(x, w, y, dy, new double[y.Length], dw2, db2, Span<double>.Empty, new double[w.Length], rows, inDim, outDim, Activation.Tanh);
        for (int i = 0; i < w.Length; i++) Assert.Equal(2 * dw1[i], dw2[i], 12);
        for (int i = 0; i < outDim; i++) Assert.Equal(2 * db1[i], db2[i], 12);
    }
}
