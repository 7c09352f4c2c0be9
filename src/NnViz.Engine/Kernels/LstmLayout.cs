namespace NnViz.Engine.Kernels;

/// <summary>Layout copies between the layers' batch-major sequences ([row][t][·]) and the time-major ones ([t][row][·]):
/// the LSTM layer's states and their gradients with all states returned, and x and dx on the LSTM paths that do not read
/// batch-major input in place (double gradient checks, machines without AVX2). Sequences go in fixed blocks, so the split
/// never depends on the thread count; the copies move values without arithmetic, so the bits never depend on it either.</summary>
internal static class LstmLayout
{
    /// <summary>Sequences per block of the copies.</summary>
    private const int CopyRows = 8;

    /// <summary>Batch-major src (rows·steps·width) into time-major dst (steps·rows·width).</summary>
    public static void ToTimeMajor<T>(T[] src, T[] dst, int rows, int steps, int width, ComputeOptions? options = null) =>
        (options ?? ComputeOptions.SingleThread).For((rows + CopyRows - 1) / CopyRows, (long)rows * steps * width, block =>
        {
            for (int r = block * CopyRows; r < Math.Min(rows, (block + 1) * CopyRows); r++)
                for (int t = 0; t < steps; t++) Array.Copy(src, (r * steps + t) * width, dst, (t * rows + r) * width, width);
        });

    /// <summary>Time-major src (steps·rows·width) into batch-major dst (rows·steps·width).</summary>
    public static void FromTimeMajor<T>(T[] src, T[] dst, int rows, int steps, int width, ComputeOptions? options = null) =>
        (options ?? ComputeOptions.SingleThread).For((rows + CopyRows - 1) / CopyRows, (long)rows * steps * width, block =>
        {
            for (int r = block * CopyRows; r < Math.Min(rows, (block + 1) * CopyRows); r++)
                for (int t = 0; t < steps; t++) Array.Copy(src, (t * rows + r) * width, dst, (r * steps + t) * width, width);
        });

    /// <summary>A time-major copy of batch-major x (the kernel's x for shape s).</summary>
    public static T[] TimeMajor<T>(T[] x, LstmKernel.Shape s)
    {
        var xt = new T[s.Steps * s.Rows * s.In];
        ToTimeMajor(x, xt, s.Rows, s.Steps, s.In);
        return xt;
    }
}
