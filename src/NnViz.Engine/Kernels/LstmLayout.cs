namespace NnViz.Engine.Kernels;

/// <summary>Layout copies between the layers' batch-major sequences ([row][t][·]) and the time-major ones ([t][row][·])
/// of the LSTM paths that do not read batch-major input in place (double gradient checks, machines without AVX2).
/// They move values without arithmetic, so the bits never depend on them.</summary>
internal static class LstmLayout
{
    /// <summary>A time-major copy of the first rows·steps rows of batch-major x.</summary>
    public static T[] TimeMajor<T>(T[] x, LstmKernel.Shape s)
    {
        var xt = new T[s.Steps * s.Rows * s.In];
        for (int r = 0; r < s.Rows; r++)
            for (int t = 0; t < s.Steps; t++) Array.Copy(x, (r * s.Steps + t) * s.In, xt, (t * s.Rows + r) * s.In, s.In);
        return xt;
    }

    /// <summary>Time-major src (steps·rows·in) into batch-major dst (rows·steps·in).</summary>
    public static void BatchMajor<T>(T[] src, T[] dst, LstmKernel.Shape s)
    {
        for (int r = 0; r < s.Rows; r++)
            for (int t = 0; t < s.Steps; t++) Array.Copy(src, (t * s.Rows + r) * s.In, dst, (r * s.Steps + t) * s.In, s.In);
    }
}
