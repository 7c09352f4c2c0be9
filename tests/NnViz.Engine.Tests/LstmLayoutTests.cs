using NnViz.Engine.Kernels;

namespace NnViz.Engine.Tests;

/// <summary>The LSTM kernel on batch-major x and dx (<see cref="LstmKernel.Shape.BatchMajorInput"/>: read and written in
/// place at a row stride on the float path, through time-major copies on the double path) must give exactly the bits of
/// the time-major kernel: states, gates, dz, dh, dx and the weight gradients, forward and reverse, masked or not,
/// repeated input rows or not, on one and two threads.</summary>
public class LstmLayoutTests
{
    public static TheoryData<int, int, int, int, bool, bool> Shapes() => new()
    {
        { 9, 37, 20, 12, false, true }, { 9, 37, 20, 12, true, true }, { 6, 64, 128, 64, false, false },
        { 5, 18, 7, 3, true, false }, { 4, 3, 1, 8, false, true }, { 130, 5, 16, 8, false, true },
    };

    private static T[] BatchMajor<T>(T[] timeMajor, int steps, int rows, int width)
    {
        var y = new T[timeMajor.Length];
        for (int t = 0; t < steps; t++)
            for (int r = 0; r < rows; r++) Array.Copy(timeMajor, (t * rows + r) * width, y, (r * steps + t) * width, width);
        return y;
    }

    private sealed record Result<T>(T[] Gates, T[] H, T[] C, T[] Dz, T[] Dh, T[] Dx, T[] Dw, T[] Du, T[] Db);

    private static Result<T> Run<T>(LstmKernel.Shape s, T[] x, T[]? mask, T[] w, T[] u, T[] b, T[] dh0, ComputeOptions opts)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int n = s.Steps * s.Rows, g4 = s.G, units = s.Units;
        T[] g = new T[n * g4], c = new T[n * units], tc = new T[n * units], h = new T[n * units];
        LstmKernel.Forward(s, x, mask, w, u, b, g, c, tc, h, opts);
        T[] dh = (T[])dh0.Clone(), dz = new T[n * g4], dx = new T[n * s.In], dw = new T[w.Length], du = new T[u.Length], db = new T[g4];
        LstmKernel.Backward(s, x, mask, w, u, g, c, tc, h, dh, dz, dw, du, db, dx, new T[u.Length], new T[w.Length],
            new T[LstmKernel.ScratchLength(s.Rows, units)], opts);
        return new Result<T>(g, h, c, dz, dh, dx, dw, du, db);
    }

    private static void Same<T>(Result<T> time, Result<T> batch, LstmKernel.Shape s, string what) where T : unmanaged
    {
        Assert.Equal(time.Gates, batch.Gates); Assert.Equal(time.H, batch.H); Assert.Equal(time.C, batch.C);
        Assert.Equal(time.Dz, batch.Dz); Assert.Equal(time.Dh, batch.Dh);
        Assert.True(BatchMajor(time.Dx, s.Steps, s.Rows, s.In).AsSpan().SequenceEqual(batch.Dx), $"dx differs ({what})");
        Assert.True(time.Dw.AsSpan().SequenceEqual(batch.Dw), $"dW differs ({what})");
        Assert.True(time.Du.AsSpan().SequenceEqual(batch.Du), $"dU differs ({what})");
        Assert.True(time.Db.AsSpan().SequenceEqual(batch.Db), $"db differs ({what})");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void FloatBatchMajorInputGivesTheTimeMajorBits(int T, int rows, int inDim, int units, bool reverse, bool masked)
    {
        var k = LstmFusedCellTests.Make(T, rows, inDim, units, reverse, masked);
        // Half the rows repeat an earlier one, so the distinct-row input products run too.
        for (int p = 1; p < T * rows; p += 2) Array.Copy(k.X, (p / 2) * inDim, k.X, p * inDim, inDim);
        var xb = BatchMajor(k.X, T, rows, inDim);
        foreach (int threads in new[] { 1, 2 })
        {
            var opts = new ComputeOptions(threads, MinParallelWork: 0);
            var time = Run(k.S, k.X, k.Mask, k.W, k.U, k.B, k.Dh, opts);
            var batch = Run(k.S with { BatchMajorInput = true }, xb, k.Mask, k.W, k.U, k.B, k.Dh, opts);
            Same(time, batch, k.S, $"{threads} threads");
        }
    }

    [Fact]
    public void DoubleBatchMajorInputGivesTheTimeMajorBits()
    {
        var k = LstmFusedCellTests.Make(7, 5, 6, 4, true, true);
        double[] D(float[] v) => Array.ConvertAll(v, f => (double)f);
        var s = k.S;
        var time = Run(s, D(k.X), k.Mask is null ? null : D(k.Mask), D(k.W), D(k.U), D(k.B), D(k.Dh), ComputeOptions.SingleThread);
        var batch = Run(s with { BatchMajorInput = true }, BatchMajor(D(k.X), s.Steps, s.Rows, s.In), k.Mask is null ? null : D(k.Mask),
            D(k.W), D(k.U), D(k.B), D(k.Dh), ComputeOptions.SingleThread);
        Same(time, batch, s, "double");
    }
}
