using NnViz.Engine.Kernels;

namespace NnViz.Engine.Tests;

/// <summary>The per-block packed GEMM (deep products such as weight gradients) against the scalar in-order FMA chain
/// and the tiled path, bit for bit: ragged row blocks, column blocks and tiles, k-panels with a tail, A plain and
/// transposed, C inside a wider buffer, accumulate on and off, one thread and forced parallel blocks.</summary>
public class PanelGemmTests
{
    public static TheoryData<int, int, int, bool> Shapes() => new()
    {
        { 32, 1, 32, false }, { 33, 129, 40, true }, { 40, 300, 130, false }, { 129, 1100, 33, true }, { 130, 257, 257, false },
        { 300, 700, 70, true }, { 64, 2000, 160, true }, { 8, 5, 31, false },
        // Aᵀ with n a multiple of 32 or above 128 (AVX-512: the packed-A path): 12- and 8-row tiles, a partial last tile,
        // several row blocks, a partial column block, k-panels with a tail, one k.
        { 37, 300, 64, true }, { 130, 777, 96, true }, { 250, 513, 160, true }, { 13, 260, 200, true }, { 128, 1300, 256, true },
        { 16, 129, 32, true }, { 44, 1, 288, true }, { 5, 40, 129, true },
    };

    private static void SameBits(float[] expected, float[] actual, string what)
    {
        for (int i = 0; i < expected.Length; i++)
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                Assert.Fail($"{what}: element {i} is {actual[i]:R}, the chain gives {expected[i]:R}");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void PanelEqualsTheScalarChainAndTheTiledPath(int m, int k, int n, bool transposed)
    {
        Assert.True(PackedGemm.CanRun(m, k, n), "the test machine needs AVX2");
        var rng = new Rng((ulong)(m * 7 + k * 3 + n));
        var a = GradCheck.RandomF(rng, m * k); // A, or Aᵀ stored k x m
        var b = GradCheck.RandomF(rng, k * n);
        int aRow = transposed ? 1 : k, aCol = transposed ? m : 1, ldc = n + 3;
        var c0 = GradCheck.RandomF(rng, m * ldc);
        foreach (bool acc in new[] { true, false })
        {
            var scalar = (float[])c0.Clone();
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    float s = acc ? c0[i * ldc + j] : 0f;
                    for (int p = 0; p < k; p++) s = MathF.FusedMultiplyAdd(a[i * aRow + p * aCol], b[p * n + j], s);
                    scalar[i * ldc + j] = s;
                }
            var tiled = (float[])c0.Clone(); var one = (float[])c0.Clone(); var two = (float[])c0.Clone();
            Gemm.MultiplyTiled(a, aRow, aCol, b, n, tiled, ldc, m, k, n, acc);
            PanelGemm.Multiply(a, aRow, aCol, b, n, one, ldc, m, k, n, acc, ComputeOptions.SingleThread);
            PanelGemm.Multiply(a, aRow, aCol, b, n, two, ldc, m, k, n, acc, new ComputeOptions(2, MinParallelWork: 0));
            string what = $"{m}x{k}x{n}{(transposed ? " Aᵀ" : "")} acc={acc}";
            SameBits(scalar, tiled, "tiled " + what);
            SameBits(scalar, one, "panel " + what);
            SameBits(scalar, two, "panel, 2 threads " + what);
            for (int i = 0; i < m; i++)
                for (int j = n; j < ldc; j++) Assert.Equal(c0[i * ldc + j], two[i * ldc + j]); // padding untouched
        }
    }

    [Fact]
    public void DeepProductsTakeThePanelPathWithBlocksFromTheShape()
    {
        Assert.True(PanelGemm.Suits(128, 12800, 256)); // the LSTM's weight gradient dW = xᵀ·dz
        Assert.True(PanelGemm.Suits(784, 10000, 60)); // randomized PCA's Xcᵀ·Y
        Assert.False(PanelGemm.Suits(512, 512, 512)); // B fits in L2: packed once and shared
        Assert.False(PanelGemm.Suits(12800, 128, 256));
        Assert.False(PanelGemm.Suits(16, 20000, 64)); // too few rows to pay for packing
        Assert.Equal(128, PanelGemm.RowsPerBlock(128));
        Assert.Equal(112, PanelGemm.RowsPerBlock(784)); // 7 even blocks, not 6 of 128 and one of 16
        Assert.Equal(40, PanelGemm.RowsPerBlock(33));
        Assert.Throws<ArgumentException>(() => PanelGemm.Multiply(new float[4], 2, 1, new float[4], 2, new float[4], 2, 2, 0, 2, false));
    }

    [Fact]
    public void DispatchGivesTheChainOnADeepWeightGradient()
    {
        int m = 48, k = 6000, n = 64; // k x n > 2^18: Gemm.Multiply takes the panel path
        Assert.True(PanelGemm.Suits(m, k, n));
        var rng = new Rng(11);
        var x = GradCheck.RandomF(rng, k * m); var dz = GradCheck.RandomF(rng, k * n);
        var dw = new float[m * n]; var tiled = new float[m * n];
        Gemm.Multiply<float>(x, 1, m, dz, n, dw, n, m, k, n, false, new ComputeOptions(2));
        Gemm.MultiplyTiled(x, 1, m, dz, n, tiled, n, m, k, n, false);
        SameBits(tiled, dw, "dW = xᵀ·dz");
    }

    [Theory]
    [InlineData(128, 1300, 256)]
    [InlineData(250, 513, 160)]
    [InlineData(13, 260, 200)]
    public void PackedAPathEqualsTheInPlacePath(int m, int k, int n)
    {
        // The packed-A path (PanelGemm.Variant = 1) against the 8x32 in-place blocks it replaces for Aᵀ (Variant = 0),
        // one and two threads: the same chains, so the same bits.
        var rng = new Rng((ulong)(m + k + n));
        var a = GradCheck.RandomF(rng, m * k); var b = GradCheck.RandomF(rng, k * n);
        int saved = PanelGemm.Variant;
        try
        {
            foreach (int threads in new[] { 1, 2 })
            {
                var options = new ComputeOptions(threads, MinParallelWork: 0);
                var packed = new float[m * n]; var inPlace = new float[m * n];
                PanelGemm.Variant = 1;
                PanelGemm.Multiply(a, 1, m, b, n, packed, n, m, k, n, false, options);
                PanelGemm.Variant = 0;
                PanelGemm.Multiply(a, 1, m, b, n, inPlace, n, m, k, n, false, options);
                SameBits(inPlace, packed, $"{m}x{k}x{n} Aᵀ, {threads} threads");
            }
        }
        finally { PanelGemm.Variant = saved; }
    }
}
