using NnViz.Engine.Kernels;

namespace NnViz.Engine.Tests;

/// <summary>The LSTM kernel cuts the batch into chunks whose size follows the thread count
/// (<see cref="LstmKernel.ChunkRows"/>). That is allowed only because rows never interact: every row's gates, states,
/// dz, dh and dx must be exactly the bits of that row run alone, and the weight gradients the same on any thread count.</summary>
public class LstmChunkTests
{
    [Theory]
    [InlineData(64, 1, 64)]
    [InlineData(64, 2, 32)]
    [InlineData(37, 1, 40)]
    [InlineData(37, 2, 24)]
    [InlineData(5, 2, 16)]
    [InlineData(300, 1, 64)]
    [InlineData(300, 3, 64)]
    [InlineData(48, 3, 16)]
    public void ChunksFollowTheThreadsWithinBounds(int rows, int threads, int expected) =>
        Assert.Equal(expected, LstmKernel.ChunkRows(rows, new ComputeOptions(threads)));

    private sealed record Result(float[] Gates, float[] H, float[] C, float[] Dz, float[] Dh, float[] Dx, float[] Dw, float[] Du, float[] Db);

    private static Result Run(LstmKernel.Shape s, float[] x, float[]? mask, float[] w, float[] u, float[] b, float[] dh0, ComputeOptions opts)
    {
        int n = s.Steps * s.Rows, g4 = s.G, units = s.Units;
        float[] g = new float[n * g4], c = new float[n * units], tc = new float[n * units], h = new float[n * units];
        LstmKernel.Forward(s, x, mask, w, u, b, g, c, tc, h, opts);
        float[] dh = (float[])dh0.Clone(), dz = new float[n * g4], dx = new float[n * s.In], dw = new float[w.Length], du = new float[u.Length], db = new float[g4];
        LstmKernel.Backward(s, x, mask, w, u, g, c, tc, h, dh, dz, dw, du, db, dx, new float[u.Length], new float[w.Length],
            new float[LstmKernel.ScratchLength(s.Rows, units)], opts);
        return new Result(g, h, c, dz, dh, dx, dw, du, db);
    }

    /// <summary>The layer passes the gates array as dz (overwritten in place): every padded step's dz must still be zero
    /// and every real one the bits of a separate dz buffer, with units in whole 16-blocks (the chunk-at-a-time cell) or not.</summary>
    [Theory]
    [InlineData(6, 21, 5, 32)]
    [InlineData(5, 19, 3, 16)]
    [InlineData(5, 19, 3, 12)]
    public void DzWrittenOverTheGatesHasTheBitsOfASeparateBuffer(int T, int rows, int inDim, int units)
    {
        var k = LstmFusedCellTests.Make(T, rows, inDim, units, reverse: false, masked: true);
        var s = k.S;
        int n = T * rows, g4 = 4 * units;
        foreach (int threads in new[] { 1, 2 })
        {
            var opts = new ComputeOptions(threads, MinParallelWork: 0);
            var separate = Run(s, k.X, k.Mask, k.W, k.U, k.B, k.Dh, opts);
            float[] g = new float[n * g4], c = new float[n * units], tc = new float[n * units], h = new float[n * units];
            LstmKernel.Forward(s, k.X, k.Mask, k.W, k.U, k.B, g, c, tc, h, opts);
            float[] dh = (float[])k.Dh.Clone(), dx = new float[n * inDim], dw = new float[k.W.Length], du = new float[k.U.Length], db = new float[g4];
            LstmKernel.Backward(s, k.X, k.Mask, k.W, k.U, g, c, tc, h, dh, g, dw, du, db, dx, new float[k.U.Length], new float[k.W.Length],
                new float[LstmKernel.ScratchLength(rows, units)], opts);
            LstmFusedCellTests.SameBits(separate.Dz, g, $"dz in place, {threads} threads");
            LstmFusedCellTests.SameBits(separate.Dx, dx, $"dx with dz in place, {threads} threads");
            LstmFusedCellTests.SameBits(separate.Dw, dw, $"dW with dz in place, {threads} threads");
        }
    }

    /// <summary>Row r's slice of a time-major buffer of the given width.</summary>
    private static float[] RowOf(float[] timeMajor, int steps, int rows, int r, int width)
    {
        var y = new float[steps * width];
        for (int t = 0; t < steps; t++) Array.Copy(timeMajor, (t * rows + r) * width, y, t * width, width);
        return y;
    }

    [Theory]
    [InlineData(7, 64, 20, 16, false, false)]
    [InlineData(6, 37, 9, 12, true, true)]
    [InlineData(4, 130, 8, 8, false, true)]
    public void EveryRowHasTheBitsOfItsOwnRunOnAnyThreadCount(int T, int rows, int inDim, int units, bool reverse, bool masked)
    {
        var k = LstmFusedCellTests.Make(T, rows, inDim, units, reverse, masked);
        var one = Run(k.S, k.X, k.Mask, k.W, k.U, k.B, k.Dh, new ComputeOptions(1));
        foreach (int threads in new[] { 2, 3 })
        {
            var many = Run(k.S, k.X, k.Mask, k.W, k.U, k.B, k.Dh, new ComputeOptions(threads, MinParallelWork: 0));
            foreach (var (a, b, what) in new[] { (one.Gates, many.Gates, "gates"), (one.H, many.H, "h"), (one.C, many.C, "c"),
                (one.Dz, many.Dz, "dz"), (one.Dh, many.Dh, "dh"), (one.Dx, many.Dx, "dx"), (one.Dw, many.Dw, "dW"),
                (one.Du, many.Du, "dU"), (one.Db, many.Db, "db") })
                LstmFusedCellTests.SameBits(a, b, $"{what}, {threads} threads against one");
        }
        int g4 = 4 * units;
        foreach (int r in new[] { 0, rows / 2, rows - 1 })
        {
            var solo = new LstmKernel.Shape(T, 1, inDim, units, reverse);
            var mask = k.Mask is null ? null : k.Mask.AsSpan(r * T, T).ToArray();
            var alone = Run(solo, RowOf(k.X, T, rows, r, inDim), mask, k.W, k.U, k.B, RowOf(k.Dh, T, rows, r, units), new ComputeOptions(1));
            LstmFusedCellTests.SameBits(RowOf(one.Gates, T, rows, r, g4), alone.Gates, $"row {r}'s gates");
            LstmFusedCellTests.SameBits(RowOf(one.H, T, rows, r, units), alone.H, $"row {r}'s h");
            LstmFusedCellTests.SameBits(RowOf(one.Dz, T, rows, r, g4), alone.Dz, $"row {r}'s dz");
            LstmFusedCellTests.SameBits(RowOf(one.Dx, T, rows, r, inDim), alone.Dx, $"row {r}'s dx");
        }
    }
}
