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
