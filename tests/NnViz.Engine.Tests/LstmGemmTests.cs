using NnViz.Engine.Kernels;

namespace NnViz.Engine.Tests;

/// <summary>The LSTM's packed GEMMs against the scalar definition, bit for bit: the fused weight-gradient pass (dW, dU
/// and db from one pass over dz) against one in-order FMA chain per dW/dU element and one in-order sum per db element,
/// starting from non-zero gradients, forward and reversed, on shapes that leave partial row tiles, partial micro-panels,
/// a partial column block, k-panels that split a step's rows, and one step (no dU); and the per-step product on packed
/// U with several k-panels and ragged edges. One and two threads. (AVX-512 off: the Lab DeterminismTests' child process.)</summary>
public class LstmGemmTests
{
    public static TheoryData<int, int, int, int, bool> GradientShapes() => new()
    {
        { 200, 64, 128, 64, false }, { 200, 64, 128, 64, true }, { 7, 37, 5, 20, false }, { 7, 37, 5, 20, true },
        { 3, 50, 13, 40, true }, { 1, 9, 3, 3, false }, { 11, 3, 1, 1, false }, { 5, 130, 17, 9, true },
        { 4, 19, 61, 28, false }, { 6, 10, 50, 16, true }, { 3, 7, 24, 12, false }, // 12-row tiles, ragged ends
    };

    private static void SameBits(float[] expected, float[] actual, string what)
    {
        for (int i = 0; i < expected.Length; i++)
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                Assert.Fail($"{what}: element {i} is {actual[i]:R}, the scalar chain gives {expected[i]:R}");
    }

    [Theory]
    [MemberData(nameof(GradientShapes))]
    public void FusedGradientsEqualTheScalarChains(int steps, int rows, int inDim, int units, bool reverse)
    {
        Assert.True(LstmGemm.CanRun, "the test machine needs AVX2");
        var rng = new Rng((ulong)(steps * 1000 + rows * 10 + units));
        int n = steps * rows, g4 = 4 * units;
        float[] xt = GradCheck.RandomF(rng, n * inDim), h = GradCheck.RandomF(rng, n * units), dz = GradCheck.RandomF(rng, n * g4);
        float[] dw0 = GradCheck.RandomF(rng, inDim * g4), du0 = GradCheck.RandomF(rng, units * g4), db0 = GradCheck.RandomF(rng, g4);
        float[] dw = (float[])dw0.Clone(), du = (float[])du0.Clone(), db = (float[])db0.Clone();
        for (int j = 0; j < g4; j++)
        {
            for (int i = 0; i < inDim; i++)
            {
                float s = dw0[i * g4 + j];
                for (int p = 0; p < n; p++) s = MathF.FusedMultiplyAdd(xt[p * inDim + i], dz[p * g4 + j], s);
                dw[i * g4 + j] = s;
            }
            for (int i = 0; i < units; i++)
            {
                // Forward: dz of step t >= 1 pairs with h of step t-1; reversed, dz of step t <= T-2 with h of step t+1.
                float s = du0[i * g4 + j];
                for (int p = reverse ? 0 : rows; p < (reverse ? n - rows : n); p++)
                    s = MathF.FusedMultiplyAdd(h[(reverse ? p + rows : p - rows) * units + i], dz[p * g4 + j], s);
                du[i * g4 + j] = s;
            }
            float b = db0[j];
            for (int p = 0; p < n; p++) b += dz[p * g4 + j];
            db[j] = b;
        }
        foreach (int threads in new[] { 1, 2 })
        {
            float[] w = (float[])dw0.Clone(), u = (float[])du0.Clone(), bb = (float[])db0.Clone();
            LstmGemm.Gradients(xt, inDim, h, units, rows, reverse, dz, g4, n, w, u, bb, new ComputeOptions(threads, MinParallelWork: 0));
            SameBits(dw, w, $"dW ({threads} threads)");
            SameBits(du, u, $"dU ({threads} threads)");
            SameBits(db, bb, $"db ({threads} threads)");
        }
    }

    [Theory]
    [InlineData(200, 64, 128, 64, false)]
    [InlineData(7, 37, 5, 20, true)]
    [InlineData(6, 10, 50, 16, false)]
    public void BatchMajorInputGivesTheTimeMajorBits(int steps, int rows, int inDim, int units, bool reverse)
    {
        // x stored batch-major (row r, step t at (r·steps + t)·inDim) gives the same dW, dU, db as its time-major copy,
        // on both gradient passes (GradientVariant 1: packed 12/8-row panels; 0: the 8x32 pass) and one and two threads.
        var rng = new Rng((ulong)(steps * 31 + rows + inDim));
        int n = steps * rows, g4 = 4 * units;
        float[] xt = GradCheck.RandomF(rng, n * inDim), h = GradCheck.RandomF(rng, n * units), dz = GradCheck.RandomF(rng, n * g4);
        var xb = new float[n * inDim];
        for (int t = 0; t < steps; t++)
            for (int r = 0; r < rows; r++) Array.Copy(xt, (t * rows + r) * inDim, xb, (r * steps + t) * inDim, inDim);
        float[] dw0 = GradCheck.RandomF(rng, inDim * g4), du0 = GradCheck.RandomF(rng, units * g4), db0 = GradCheck.RandomF(rng, g4);
        float[] w = (float[])dw0.Clone(), u = (float[])du0.Clone(), bb = (float[])db0.Clone();
        int saved = LstmGemm.GradientVariant;
        try
        {
            LstmGemm.GradientVariant = 0;
            LstmGemm.Gradients(xt, inDim, h, units, rows, reverse, dz, g4, n, w, u, bb);
            foreach (int variant in new[] { 0, 1 })
                foreach (int threads in new[] { 1, 2 })
                {
                    LstmGemm.GradientVariant = variant;
                    float[] w2 = (float[])dw0.Clone(), u2 = (float[])du0.Clone(), b2 = (float[])db0.Clone();
                    LstmGemm.Gradients(xb, inDim, h, units, rows, reverse, dz, g4, n, w2, u2, b2, new ComputeOptions(threads, MinParallelWork: 0), steps);
                    string what = $"batch-major, variant {variant}, {threads} threads";
                    SameBits(w, w2, "dW " + what); SameBits(u, u2, "dU " + what); SameBits(bb, b2, "db " + what);
                }
        }
        finally { LstmGemm.GradientVariant = saved; }
    }

    [Theory]
    [InlineData(16, 64, 256)]
    [InlineData(16, 256, 64)]
    [InlineData(5, 600, 33)]
    [InlineData(13, 3, 100)]
    [InlineData(1, 1, 1)]
    public void PackedStepProductEqualsTheScalarChain(int m, int k, int n)
    {
        var rng = new Rng((ulong)(m * 7919 + k * 31 + n));
        float[] a = GradCheck.RandomF(rng, m * k), b = GradCheck.RandomF(rng, k * n), c0 = GradCheck.RandomF(rng, m * n);
        var packed = new float[LstmGemm.PackedLength(k, n)];
        LstmGemm.Pack(b, n, k, n, packed);
        foreach (bool acc in new[] { true, false })
        {
            var expected = new float[m * n];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    float s = acc ? c0[i * n + j] : 0f;
                    for (int p = 0; p < k; p++) s = MathF.FusedMultiplyAdd(a[i * k + p], b[p * n + j], s);
                    expected[i * n + j] = s;
                }
            var c = (float[])c0.Clone();
            LstmGemm.MultiplyPacked(a, k, 1, packed, c, n, m, k, n, acc);
            SameBits(expected, c, $"{m}x{k}x{n} accumulate={acc}");
        }
    }

    [Fact]
    public void ShortBuffersAreRefusedBeforeAnyWrite()
    {
        var ex = Assert.Throws<ArgumentException>(() => LstmGemm.Pack(new float[64 * 256], 256, 64, 256, new float[100]));
        Assert.Contains("packed needs", ex.Message);
        var packed = new float[LstmGemm.PackedLength(64, 256)];
        var ex2 = Assert.Throws<ArgumentException>(() => LstmGemm.MultiplyPacked(new float[16 * 64], 64, 1, packed, new float[100], 256, 16, 64, 256, true));
        Assert.Contains("buffers too short for 16x64x256", ex2.Message);
    }
}
