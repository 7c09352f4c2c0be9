using NnViz.Engine.Kernels;

namespace NnViz.Engine.Tests;

/// <summary>The float LSTM kernel with its fused cell pass (gate nonlinearities, cell update, tanh and h in one pass;
/// the backward's dh accumulation vectorised) against the composed cell written out element by element: the same FMA
/// chains for z, VectorMath's sigmoid/tanh per value, separately rounded products and sums. Bit for bit, forward and
/// reverse, with padding, unit counts with and without a partial 8-block, row counts that leave a partial chunk, on one
/// and two threads, masked rows in chunks that run the cell a chunk at a time. (The AVX-512-off run of the same bits is the Lab DeterminismTests' child process.)</summary>
public class LstmFusedCellTests
{
    public static TheoryData<int, int, int, int, bool, bool> Shapes() => new()
    {
        { 6, 37, 5, 20, false, true }, { 6, 37, 5, 20, true, true }, { 4, 16, 3, 3, false, false },
        { 5, 9, 7, 64, true, false }, { 3, 40, 2, 8, false, true }, { 2, 1, 1, 1, true, true },
        // Whole 16-unit blocks: with AVX-512 the cell runs a chunk's rows per call (LstmCell.ForwardRows/BackwardRows).
        { 6, 21, 5, 32, false, true }, { 5, 19, 3, 16, true, true }, { 4, 70, 6, 48, false, true },
    };

    internal sealed record Case(LstmKernel.Shape S, float[] X, float[]? Mask, float[] W, float[] U, float[] B, float[] Dh);

    internal static Case Make(int T, int rows, int inDim, int units, bool reverse, bool masked)
    {
        var rng = new Rng(91);
        float[]? mask = null;
        if (masked)
        {
            mask = new float[rows * T];
            for (int i = 0; i < mask.Length; i++) mask[i] = rng.NextInt(4) == 0 ? 0 : 1;
        }
        return new Case(new LstmKernel.Shape(T, rows, inDim, units, reverse), GradCheck.RandomF(rng, T * rows * inDim), mask,
            GradCheck.RandomF(rng, inDim * 4 * units), GradCheck.RandomF(rng, units * 4 * units), GradCheck.RandomF(rng, 4 * units),
            GradCheck.RandomF(rng, T * rows * units));
    }

    internal static void SameBits(float[] expected, float[] actual, string what)
    {
        for (int i = 0; i < expected.Length; i++)
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                Assert.Fail($"{what}: element {i} is {actual[i]:R}, the composed cell gives {expected[i]:R}");
    }

    private static bool Real(Case k, int r, int t) => k.Mask is null || k.Mask[r * k.S.Steps + t] != 0;

    /// <summary>The composed forward: gates (activated), c, tanh(c), h, time-major like the kernel's buffers.</summary>
    internal static (float[] g, float[] c, float[] tc, float[] h) ComposedForward(Case k)
    {
        var s = k.S; int u = s.Units, g4 = s.G, n = s.Steps * s.Rows;
        float[] gates = new float[n * g4], c = new float[n * u], tc = new float[n * u], h = new float[n * u];
        for (int step = 0; step < s.Steps; step++)
            for (int r = 0; r < s.Rows; r++)
            {
                int t = s.Step(step), at = t * s.Rows + r, prev = s.Step(step - 1) * s.Rows + r;
                for (int q = 0; q < g4; q++)
                {
                    float z = k.B[q];
                    for (int p = 0; p < s.In; p++) z = MathF.FusedMultiplyAdd(k.X[at * s.In + p], k.W[p * g4 + q], z);
                    if (step > 0) for (int p = 0; p < u; p++) z = MathF.FusedMultiplyAdd(h[prev * u + p], k.U[p * g4 + q], z);
                    gates[at * g4 + q] = q >= 2 * u && q < 3 * u ? VectorMath.Tanh(z) : VectorMath.Sigmoid(z);
                }
                for (int j = 0; j < u; j++)
                {
                    float cp = step > 0 ? c[prev * u + j] : 0f, hp = step > 0 ? h[prev * u + j] : 0f;
                    float i = gates[at * g4 + j], f = gates[at * g4 + u + j], g = gates[at * g4 + 2 * u + j], o = gates[at * g4 + 3 * u + j];
                    c[at * u + j] = Real(k, r, t) ? f * cp + i * g : cp;
                    tc[at * u + j] = VectorMath.Tanh(c[at * u + j]);
                    h[at * u + j] = Real(k, r, t) ? o * tc[at * u + j] : hp;
                }
            }
        return (gates, c, tc, h);
    }

    /// <summary>The composed backward through time: dz for every step and the dh buffer as the kernel leaves it.</summary>
    internal static (float[] dz, float[] dh) ComposedBackward(Case k, float[] gates, float[] c, float[] tc)
    {
        var s = k.S; int u = s.Units, g4 = s.G;
        var dz = new float[s.Steps * s.Rows * g4]; var dh = (float[])k.Dh.Clone();
        for (int r = 0; r < s.Rows; r++)
        {
            var dc = new float[u];
            for (int step = s.Steps - 1; step >= 0; step--)
            {
                int t = s.Step(step), at = t * s.Rows + r, prev = s.Step(step - 1) * s.Rows + r;
                bool real = Real(k, r, t);
                for (int j = 0; j < u && real; j++)
                {
                    float i = gates[at * g4 + j], f = gates[at * g4 + u + j], g = gates[at * g4 + 2 * u + j], o = gates[at * g4 + 3 * u + j];
                    float dhk = dh[at * u + j], tck = tc[at * u + j], cp = step > 0 ? c[prev * u + j] : 0f;
                    float dck = dc[j] + dhk * o * (1f - tck * tck);
                    dz[at * g4 + j] = dck * g * i * (1f - i);
                    dz[at * g4 + u + j] = dck * cp * f * (1f - f);
                    dz[at * g4 + 2 * u + j] = dck * i * (1f - g * g);
                    dz[at * g4 + 3 * u + j] = dhk * tck * o * (1f - o);
                    dc[j] = dck * f;
                }
                if (step == 0) break;
                for (int j = 0; j < u; j++)
                {
                    float back = 0f;
                    for (int q = 0; q < g4; q++) back = MathF.FusedMultiplyAdd(dz[at * g4 + q], k.U[j * g4 + q], back);
                    dh[prev * u + j] += real ? back : dh[at * u + j];
                }
            }
        }
        return (dz, dh);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void FusedCellGivesTheComposedBitsOnOneAndTwoThreads(int T, int rows, int inDim, int units, bool reverse, bool masked)
    {
        var k = Make(T, rows, inDim, units, reverse, masked);
        var (eg, ec, etc, eh) = ComposedForward(k);
        var (edz, edh) = ComposedBackward(k, eg, ec, etc);
        int n = T * rows, g4 = 4 * units;
        foreach (int threads in new[] { 1, 2 })
        {
            var opts = new ComputeOptions(threads, MinParallelWork: 0);
            float[] g = new float[n * g4], c = new float[n * units], tc = new float[n * units], h = new float[n * units];
            LstmKernel.Forward(k.S, k.X, k.Mask, k.W, k.U, k.B, g, c, tc, h, opts);
            SameBits(eg, g, $"gates ({threads} threads)"); SameBits(ec, c, $"c ({threads} threads)");
            SameBits(etc, tc, $"tanh(c) ({threads} threads)"); SameBits(eh, h, $"h ({threads} threads)");
            var dh = (float[])k.Dh.Clone(); var dz = new float[n * g4];
            LstmKernel.Backward(k.S, k.X, k.Mask, k.W, k.U, g, c, tc, h, dh, dz, new float[k.W.Length], new float[k.U.Length],
                new float[g4], new float[n * inDim], new float[k.U.Length], new float[k.W.Length],
                new float[LstmKernel.ScratchLength(rows, units)], opts);
            SameBits(edz, dz, $"dz ({threads} threads)"); SameBits(edh, dh, $"dh ({threads} threads)");
        }
    }
}
