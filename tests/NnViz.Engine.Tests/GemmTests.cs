using NnViz.Engine.Kernels;

namespace NnViz.Engine.Tests;

public class GemmTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(7, 5, 3)]
    [InlineData(33, 17, 45)]
    [InlineData(64, 784, 64)]
    [InlineData(5, 64, 256)]
    [InlineData(64, 64, 10)]
    [InlineData(40, 32, 1)]
    [InlineData(12, 3, 23)]
    public void EveryElementIsTheInOrderFmaChain(int m, int k, int n)
    {
        var rng = new Rng(1);
        var a = GradCheck.RandomF(rng, m * k); var b = GradCheck.RandomF(rng, k * n); var c0 = GradCheck.RandomF(rng, m * n);
        var c = (float[])c0.Clone();
        Gemm.Multiply<float>(a, k, 1, b, n, c, n, m, k, n, accumulate: true);
        // The definition, scalar: vector width, register blocking and tails must not change a single bit.
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                float s = c0[i * n + j];
                for (int p = 0; p < k; p++) s = MathF.FusedMultiplyAdd(a[i * k + p], b[p * n + j], s);
                Assert.Equal(BitConverter.SingleToInt32Bits(s), BitConverter.SingleToInt32Bits(c[i * n + j]));
            }
    }

    [Fact]
    public void TransposedAMatchesExplicitTranspose()
    {
        var rng = new Rng(2);
        int m = 13, k = 29, n = 40;
        var at = GradCheck.RandomF(rng, k * m); // stored k x m; we want A = atᵀ
        var b = GradCheck.RandomF(rng, k * n);
        var a = new float[m * k];
        Gemm.Transpose<float>(at, k, m, a);
        var c1 = new float[m * n]; var c2 = new float[m * n];
        Gemm.Multiply<float>(a, k, 1, b, n, c1, n, m, k, n, false);
        Gemm.Multiply<float>(at, 1, m, b, n, c2, n, m, k, n, false);
        Assert.Equal(c1, c2);
    }

    [Fact]
    public void ParallelChunksGiveIdenticalBits()
    {
        var rng = new Rng(3);
        int m = 300, k = 70, n = 90;
        var a = GradCheck.RandomF(rng, m * k); var b = GradCheck.RandomF(rng, k * n);
        var c1 = new float[m * n]; var c2 = new float[m * n];
        Gemm.Multiply<float>(a, k, 1, b, n, c1, n, m, k, n, false, ComputeOptions.SingleThread);
        Gemm.Multiply<float>(a, k, 1, b, n, c2, n, m, k, n, false, new ComputeOptions(2, MinParallelWork: 0));
        Assert.Equal(c1, c2);
    }

    [Fact]
    public void DoublePathAgreesWithFloatPath()
    {
        var rng = new Rng(4);
        int m = 9, k = 31, n = 19;
        var a = GradCheck.Random(rng, m * k); var b = GradCheck.Random(rng, k * n);
        var cd = new double[m * n];
        Gemm.Multiply<double>(a, k, 1, b, n, cd, n, m, k, n, false);
        var cf = new float[m * n];
        Gemm.Multiply<float>(Array.ConvertAll(a, v => (float)v), k, 1, Array.ConvertAll(b, v => (float)v), n, cf, n, m, k, n, false);
        for (int i = 0; i < cd.Length; i++)
        {
            double exact = 0;
            for (int p = 0; p < k; p++) exact += a[i / n * k + p] * b[p * n + i % n];
            Assert.Equal(exact, cd[i], 12);
            Assert.Equal(exact, cf[i], 4);
        }
    }
}

public class VectorMathTests
{
    [Fact]
    public void ExpSigmoidTanhAreAccurateOverTheirRange()
    {
        var x = new float[20001];
        for (int i = 0; i < x.Length; i++) x[i] = -20f + i * 0.002f;
        var e = (float[])x.Clone(); var s = (float[])x.Clone(); var t = (float[])x.Clone();
        Kernels.VectorMath.Exp(e); Kernels.VectorMath.Sigmoid(s); Kernels.VectorMath.Tanh(t);
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            Assert.True(Math.Abs(e[i] - Math.Exp(v)) <= 3e-7 * Math.Exp(v), $"exp({v}) = {e[i]}");
            Assert.True(Math.Abs(s[i] - 1 / (1 + Math.Exp(-v))) <= 2e-7, $"sigmoid({v}) = {s[i]}");
            Assert.True(Math.Abs(t[i] - Math.Tanh(v)) <= 2e-7 * Math.Max(1e-3, Math.Abs(Math.Tanh(v))) + 1e-9, $"tanh({v}) = {t[i]}");
        }
        Assert.Equal(1f, Kernels.VectorMath.Sigmoid(100f));
        Assert.Equal(-1f, Kernels.VectorMath.Tanh(-50f));
        Assert.InRange(Kernels.VectorMath.Sigmoid(-200f), 0f, 1e-37f);
    }

    /// <summary>tanh takes the polynomial alone for a vector whose lanes are all below 0.625 and both forms otherwise:
    /// a small value must get the same bits beside small neighbours (fast path), beside one large neighbour (the select)
    /// and alone, and so must the edge values (±0, subnormals, just below and at 0.625, NaN).</summary>
    [Fact]
    public void TanhOfASmallValueDoesNotDependOnItsNeighbours()
    {
        var rng = new Rng(8);
        var values = new List<float> { 0f, -0f, 1e-40f, -1e-40f, float.Epsilon, 0.62499994f, -0.62499994f, 0.625f, -0.625f, float.NaN };
        for (int i = 0; i < 400; i++) values.Add((float)(rng.NextDouble() * 1.25 - 0.625));
        foreach (float v in values)
        {
            var alone = new[] { v };
            Kernels.VectorMath.Tanh(alone);
            foreach (float neighbour in new[] { 0.1f, 3f, -40f })
            {
                var block = new float[16];
                Array.Fill(block, 0.01f);
                block[5] = v; block[11] = neighbour;
                Kernels.VectorMath.Tanh(block);
                Assert.True(BitConverter.SingleToInt32Bits(alone[0]) == BitConverter.SingleToInt32Bits(block[5]),
                    $"tanh({v:R}) is {block[5]:R} beside {neighbour} but {alone[0]:R} alone");
            }
        }
    }

    [Fact]
    public void AValueHasTheSameBitsWhateverSpanItIsIn()
    {
        var rng = new Rng(5);
        var x = GradCheck.RandomF(rng, 37, 6);
        var whole = (float[])x.Clone();
        Kernels.VectorMath.Tanh(whole);
        for (int i = 0; i < x.Length; i++)
        {
            var one = new[] { x[i] };
            Kernels.VectorMath.Tanh(one);
            Assert.Equal(whole[i], one[0]);
            var tail = x[i..];
            Kernels.VectorMath.Tanh(tail);
            Assert.Equal(whole[i], tail[0]);
        }
    }
}
