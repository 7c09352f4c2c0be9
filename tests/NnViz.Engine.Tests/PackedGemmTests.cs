using NnViz.Engine.Kernels;

namespace NnViz.Engine.Tests;

/// <summary>The packed GEMM against its oracles: the scalar in-order FMA chain and the unpacked tiled path, bit for bit,
/// on shapes with ragged edges in every dimension (partial MR/NR tiles, partial MC/NC blocks, k-panels of 256 with a
/// tail), transposed A, accumulate on and off, and forced parallel blocks. The AVX-512-off variant of the same bits is
/// checked end to end by NnViz.Lab.Tests' DeterminismTests (a child process with DOTNET_EnableAVX512=0).</summary>
public class PackedGemmTests
{
    public static TheoryData<int, int, int> Shapes() => new()
    {
        { 1, 1, 1 }, { 3, 5, 7 }, { 8, 1, 16 }, { 9, 3, 17 }, { 31, 257, 33 }, { 64, 784, 64 }, { 65, 300, 270 }, { 100, 513, 47 },
        { 130, 64, 256 }, { 17, 1000, 95 }, { 256, 256, 513 }, { 12, 40, 31 },
    };

    private static (float[] a, float[] b, float[] c0) Data(int seed, int m, int k, int n)
    {
        var rng = new Rng((ulong)seed);
        return (GradCheck.RandomF(rng, m * k), GradCheck.RandomF(rng, k * n), GradCheck.RandomF(rng, m * n));
    }

    private static void SameBits(float[] expected, float[] actual, string what)
    {
        for (int i = 0; i < expected.Length; i++)
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                Assert.Fail($"{what}: element {i} is {actual[i]:R}, the oracle gives {expected[i]:R}");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void PackedEqualsTheScalarChainAndTheTiledPath(int m, int k, int n)
    {
        Assert.True(PackedGemm.CanRun(m, k, n), "the test machine needs AVX2");
        var (a, b, c0) = Data(m * 31 + k, m, k, n);
        foreach (bool acc in new[] { true, false })
        {
            var scalar = (float[])c0.Clone();
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    float s = acc ? c0[i * n + j] : 0f;
                    for (int p = 0; p < k; p++) s = MathF.FusedMultiplyAdd(a[i * k + p], b[p * n + j], s);
                    scalar[i * n + j] = s;
                }
            var tiled = (float[])c0.Clone(); var tiled2 = (float[])c0.Clone();
            var packed = (float[])c0.Clone(); var packed2 = (float[])c0.Clone();
            Gemm.MultiplyTiled(a, k, 1, b, n, tiled, n, m, k, n, acc);
            Gemm.MultiplyTiled(a, k, 1, b, n, tiled2, n, m, k, n, acc, new ComputeOptions(2, MinParallelWork: 0));
            PackedGemm.Multiply(a, k, 1, b, n, packed, n, m, k, n, acc, ComputeOptions.SingleThread);
            PackedGemm.Multiply(a, k, 1, b, n, packed2, n, m, k, n, acc, new ComputeOptions(2, MinParallelWork: 0));
            SameBits(scalar, tiled, $"tiled {m}x{k}x{n} acc={acc}");
            SameBits(scalar, tiled2, $"tiled, 2 threads {m}x{k}x{n} acc={acc}");
            SameBits(scalar, packed, $"packed {m}x{k}x{n} acc={acc}");
            SameBits(scalar, packed2, $"packed, 2 threads {m}x{k}x{n} acc={acc}");
        }
    }

    [Theory]
    [InlineData(40, 300, 48)]
    [InlineData(129, 70, 33)]
    public void TransposedAAndStridedCGiveTheTiledBits(int m, int k, int n)
    {
        var rng = new Rng(7);
        var at = GradCheck.RandomF(rng, k * m); // A = atᵀ, stored k x m
        var b = GradCheck.RandomF(rng, k * n);
        int ldc = n + 5; // C inside a wider buffer: the padding columns must stay untouched
        var c0 = GradCheck.RandomF(rng, m * ldc);
        var tiled = (float[])c0.Clone(); var packed = (float[])c0.Clone();
        Gemm.MultiplyTiled(at, 1, m, b, n, tiled, ldc, m, k, n, true);
        PackedGemm.Multiply(at, 1, m, b, n, packed, ldc, m, k, n, true, new ComputeOptions(2, MinParallelWork: 0));
        SameBits(tiled, packed, "Aᵀ with ldc > n");
        for (int i = 0; i < m; i++)
            for (int j = n; j < ldc; j++) Assert.Equal(c0[i * ldc + j], packed[i * ldc + j]);
    }

    [Fact]
    public void SpecialValuesPropagateLikeTheChain()
    {
        int m = 16, k = 20, n = 32;
        var (a, b, _) = Data(9, m, k, n);
        a[3] = float.NaN; b[5 * n + 7] = float.PositiveInfinity; a[k * 9 + 2] = -0f;
        var c0 = new float[m * n];
        for (int j = 0; j < n; j++) c0[10 * n + j] = -0f; // -0 start values: a zero pad in k would turn them into +0
        var tiled = (float[])c0.Clone(); var packed = (float[])c0.Clone();
        Gemm.MultiplyTiled(a, k, 1, b, n, tiled, n, m, k, n, true);
        PackedGemm.Multiply(a, k, 1, b, n, packed, n, m, k, n, true);
        SameBits(tiled, packed, "NaN / Inf / -0");
    }

    [Fact]
    public void BlocksDependOnTheShapeOnly()
    {
        Assert.Equal(16, PackedGemm.RowsPerBlock(64));
        Assert.Equal(64, PackedGemm.RowsPerBlock(512));
        Assert.True(PackedGemm.Suits(512, 512, 512));
        Assert.True(PackedGemm.Suits(64, 784, 64));
        Assert.False(PackedGemm.Suits(16, 64, 256));
        Assert.False(PackedGemm.Suits(64, 256, 128));
        Assert.False(PackedGemm.Suits(128, 12800, 256));
        Assert.Throws<ArgumentException>(() => PackedGemm.Multiply(new float[4], 2, 1, new float[4], 2, new float[4], 2, 2, 0, 2, false));
    }

    /// <summary>Full 32-column micro-panels of B are packed two rows per step (one left over when a k-panel's depth is
    /// odd), partial ones column run by column run; B sits inside a wider buffer (ldb > n) whose extra columns must
    /// never reach C. Every case against the scalar chain, on one and two threads.</summary>
    [Theory]
    [InlineData(40, 259, 96, 7)]
    [InlineData(72, 3, 64, 0)]
    [InlineData(9, 513, 32, 33)]
    [InlineData(65, 257, 70, 2)]
    public void WholeAndPartialPanelsOfAWiderBKeepTheChainBits(int m, int k, int n, int ldbExtra)
    {
        int ldb = n + ldbExtra;
        var rng = new Rng((ulong)(m + k + n));
        var a = GradCheck.RandomF(rng, m * k);
        var b = GradCheck.RandomF(rng, k * ldb);
        for (int p = 0; p < k; p++)
            for (int j = n; j < ldb; j++) b[p * ldb + j] = float.NaN; // outside B: a NaN here would show in C
        var c0 = GradCheck.RandomF(rng, m * n);
        var scalar = (float[])c0.Clone();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                float s = c0[i * n + j];
                for (int p = 0; p < k; p++) s = MathF.FusedMultiplyAdd(a[i * k + p], b[p * ldb + j], s);
                scalar[i * n + j] = s;
            }
        var one = (float[])c0.Clone(); var two = (float[])c0.Clone();
        PackedGemm.Multiply(a, k, 1, b, ldb, one, n, m, k, n, true, ComputeOptions.SingleThread);
        PackedGemm.Multiply(a, k, 1, b, ldb, two, n, m, k, n, true, new ComputeOptions(2, MinParallelWork: 0));
        SameBits(scalar, one, $"packed {m}x{k}x{n} ldb={ldb}");
        SameBits(scalar, two, $"packed, 2 threads {m}x{k}x{n} ldb={ldb}");
    }

    /// <summary>Blocks of 24 rows and more run 12-row tiles (on AVX-512, PackedMicro.Tile12x32) beside 8-row ones: 96 rows
    /// (blocks of 24: 12 + 12), 100 (blocks of 32: 12 + 12 + 8, the last block 4 rows), 200 (56: four 12s and an 8) and
    /// 257 (64: four 12s, two 8s, a last block of one row); partial column panels, k of one, odd k-panel tails, A and Aᵀ,
    /// accumulate on and off, one and two threads, against the scalar chain.</summary>
    [Theory]
    [InlineData(96, 1, 37, false)]
    [InlineData(100, 257, 64, false)]
    [InlineData(200, 131, 33, true)]
    [InlineData(257, 300, 95, true)]
    public void TallTilesKeepTheChainBits(int m, int k, int n, bool transposedA)
    {
        var (a, b, c0) = Data(m + 3 * k + n, m, k, n);
        int aRow = transposedA ? 1 : k, aCol = transposedA ? m : 1;
        foreach (bool acc in new[] { true, false })
        {
            var scalar = new float[m * n];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    float s = acc ? c0[i * n + j] : 0f;
                    for (int p = 0; p < k; p++) s = MathF.FusedMultiplyAdd(a[i * aRow + p * aCol], b[p * n + j], s);
                    scalar[i * n + j] = s;
                }
            var one = (float[])c0.Clone(); var two = (float[])c0.Clone();
            PackedGemm.Multiply(a, aRow, aCol, b, n, one, n, m, k, n, acc, ComputeOptions.SingleThread);
            PackedGemm.Multiply(a, aRow, aCol, b, n, two, n, m, k, n, acc, new ComputeOptions(2, MinParallelWork: 0));
            SameBits(scalar, one, $"packed {m}x{k}x{n} Aᵀ={transposedA} acc={acc}");
            SameBits(scalar, two, $"packed, 2 threads {m}x{k}x{n} Aᵀ={transposedA} acc={acc}");
        }
    }
}
