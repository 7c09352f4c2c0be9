using NnViz.Engine.Kernels;

namespace NnViz.Engine.Tests;

/// <summary>The float LSTM kernel on an Embedding-like input (each row one of a few token vectors, a zero padding row,
/// and rows that differ from another only in the sign of a zero or one low bit): the forward computes b + x·W once per
/// distinct row, the backward each chunk's dx_t right after dz_t. Both must give the composed chains' bits (gates, c,
/// tanh(c), h, dz, dh, and dx = one FMA chain over the gates from zero), forward and reverse, masked or not, on one and
/// two threads, and on an input whose rows are all distinct (the per-step path) the same as before.</summary>
public class LstmInputTests
{
    public static TheoryData<int, int, int, int, bool, bool, int> Shapes() => new()
    {
        { 9, 37, 20, 12, false, true, 5 }, { 9, 37, 20, 12, true, true, 5 }, { 6, 64, 128, 64, false, false, 40 },
        { 5, 18, 7, 3, true, false, 3 }, { 4, 3, 1, 8, false, true, 2 }, { 7, 20, 13, 16, false, false, 10_000 },
        // Batches large enough (>= 8,192 rows) for the first look at the leading rows: few distinct, and all distinct.
        { 64, 130, 4, 8, false, true, 100 }, { 64, 130, 4, 8, true, false, 10_000 },
    };

    /// <summary>rows x steps tokens from a table of `vocab` vectors (row 0 zeros, row 1 row 2 with one zero's sign
    /// flipped, row 3 row 2 with its last bit changed), laid out time-major like the LSTM layer's input.</summary>
    private static LstmFusedCellTests.Case Make(int T, int rows, int inDim, int units, bool reverse, bool masked, int vocab)
    {
        var rng = new Rng((ulong)(T * 7919 + rows * 31 + vocab));
        int n = T * rows;
        float[] x;
        if (vocab >= n) x = GradCheck.RandomF(rng, n * inDim);
        else
        {
            var table = GradCheck.RandomF(rng, Math.Max(vocab, 4) * inDim);
            Array.Clear(table, 0, inDim);
            table[2 * inDim] = 0f; Array.Copy(table, 2 * inDim, table, inDim, inDim); table[inDim] = -0f;
            Array.Copy(table, 2 * inDim, table, 3 * inDim, inDim);
            table[4 * inDim - 1] = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(table[4 * inDim - 1]) ^ 1);
            x = new float[n * inDim];
            for (int p = 0; p < n; p++) Array.Copy(table, rng.NextInt(vocab) * inDim, x, p * inDim, inDim);
        }
        float[]? mask = null;
        if (masked)
        {
            mask = new float[rows * T];
            for (int i = 0; i < mask.Length; i++) mask[i] = rng.NextInt(4) == 0 ? 0 : 1;
        }
        return new LstmFusedCellTests.Case(new LstmKernel.Shape(T, rows, inDim, units, reverse), x, mask,
            GradCheck.RandomF(rng, inDim * 4 * units), GradCheck.RandomF(rng, units * 4 * units), GradCheck.RandomF(rng, 4 * units),
            GradCheck.RandomF(rng, n * units));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void RepeatedInputRowsGiveTheComposedBitsOnOneAndTwoThreads(int T, int rows, int inDim, int units, bool reverse, bool masked, int vocab)
    {
        var k = Make(T, rows, inDim, units, reverse, masked, vocab);
        var (eg, ec, etc, eh) = LstmFusedCellTests.ComposedForward(k);
        var (edz, edh) = LstmFusedCellTests.ComposedBackward(k, eg, ec, etc);
        int n = T * rows, g4 = 4 * units;
        var edx = new float[n * inDim];
        for (int p = 0; p < n; p++)
            for (int i = 0; i < inDim; i++)
            {
                float s = 0f;
                for (int q = 0; q < g4; q++) s = MathF.FusedMultiplyAdd(edz[p * g4 + q], k.W[i * g4 + q], s);
                edx[p * inDim + i] = s;
            }
        foreach (int threads in new[] { 1, 2 })
        {
            var opts = new ComputeOptions(threads, MinParallelWork: 0);
            float[] g = new float[n * g4], c = new float[n * units], tc = new float[n * units], h = new float[n * units];
            LstmKernel.Forward(k.S, k.X, k.Mask, k.W, k.U, k.B, g, c, tc, h, opts);
            LstmFusedCellTests.SameBits(eg, g, $"gates ({threads} threads)"); LstmFusedCellTests.SameBits(eh, h, $"h ({threads} threads)");
            LstmFusedCellTests.SameBits(ec, c, $"c ({threads} threads)"); LstmFusedCellTests.SameBits(etc, tc, $"tanh(c) ({threads} threads)");
            var dh = (float[])k.Dh.Clone(); var dz = new float[n * g4]; var dx = new float[n * inDim];
            LstmKernel.Backward(k.S, k.X, k.Mask, k.W, k.U, g, c, tc, h, dh, dz, new float[k.W.Length], new float[k.U.Length],
                new float[g4], dx, new float[k.U.Length], new float[k.W.Length], new float[LstmKernel.ScratchLength(rows, units)], opts);
            LstmFusedCellTests.SameBits(edz, dz, $"dz ({threads} threads)"); LstmFusedCellTests.SameBits(edh, dh, $"dh ({threads} threads)");
            LstmFusedCellTests.SameBits(edx, dx, $"dx ({threads} threads)");
        }
    }
}
