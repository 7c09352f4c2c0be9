using NnViz.Engine.Kernels;

namespace NnViz.Engine.Tests;

/// <summary>The vectorised float paths of <see cref="Activations.Backward{T}"/> and <see cref="DenseKernel.SumRows{T}"/>
/// against their scalar definitions written out here, bit for bit, on lengths with vector tails and on special values
/// (signed zeros, NaN, infinities, ReLU's kink at 0).</summary>
public class ActivationBackwardTests
{
    private static float Scalar(Activation act, float y, float dy) => act switch
    {
        Activation.Linear => dy,
        Activation.Tanh => dy * (1f - y * y),
        Activation.Sigmoid => dy * y * (1f - y),
        _ => y > 0f ? dy : 0f,
    };

    private static float[] Special(Rng rng, int n)
    {
        var v = GradCheck.RandomF(rng, n, 2);
        float[] odd = [0f, -0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1f, -1f, float.Epsilon, -float.Epsilon, 1e-30f];
        for (int i = 0; i < n; i += 3) v[i] = odd[(i / 3) % odd.Length];
        return v;
    }

    [Theory]
    [InlineData(Activation.Linear, 1)]
    [InlineData(Activation.Tanh, 37)]
    [InlineData(Activation.Sigmoid, 1024)]
    [InlineData(Activation.Relu, 1029)]
    [InlineData(Activation.Relu, 7)]
    public void FloatBackwardIsTheScalarDefinition(Activation act, int n)
    {
        var rng = new Rng(950 + (ulong)n);
        var y = Special(rng, n); var dy = Special(rng, n).Reverse().ToArray();
        var dz = new float[n];
        Activations.Backward<float>(act, y, dy, dz, 1, n);
        for (int i = 0; i < n; i++)
            Assert.Equal(BitConverter.SingleToInt32Bits(Scalar(act, y[i], dy[i])), BitConverter.SingleToInt32Bits(dz[i]));
    }

    [Fact]
    public void FloatBackwardMayWriteOverDy()
    {
        var rng = new Rng(957);
        var y = GradCheck.RandomF(rng, 45); var dy = GradCheck.RandomF(rng, 45);
        var expected = new float[45];
        Activations.Backward<float>(Activation.Tanh, y, dy, expected, 5, 9);
        Activations.Backward<float>(Activation.Tanh, y, dy, dy, 5, 9);
        Assert.Equal(expected, dy);
    }

    [Theory]
    [InlineData(32, 32)]
    [InlineData(33, 1)]
    [InlineData(5, 19)]
    [InlineData(1, 8)]
    public void FloatSumRowsAddsTheRowsInOrder(int rows, int cols)
    {
        var rng = new Rng(960 + (ulong)(rows * cols));
        var m = Special(rng, rows * cols);
        for (int i = 1; i < m.Length; i += 4) m[i] *= 1e7f; // large and small terms: the order of the additions shows
        var acc = GradCheck.RandomF(rng, cols);
        var expected = (float[])acc.Clone();
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < cols; j++) expected[j] += m[r * cols + j];
        DenseKernel.SumRows<float>(m, acc, rows, cols);
        for (int j = 0; j < cols; j++) Assert.Equal(BitConverter.SingleToInt32Bits(expected[j]), BitConverter.SingleToInt32Bits(acc[j]));
    }
}
