namespace NnViz.Projection;

/// <summary>Checks and conversions for row-major n x d data handed to the projections.</summary>
public static class DataMatrix
{
    public static void Check<T>(T[] data, int n, int d, string name = "data")
    {
        ArgumentNullException.ThrowIfNull(data, name);
        if (n < 1 || d < 1) throw new ArgumentException($"{name}: need n >= 1 and d >= 1, received n={n}, d={d}", name);
        if ((long)n * d != data.Length)
            throw new ArgumentException($"{name}: expected n*d = {n}*{d} = {(long)n * d} values, received {data.Length}", name);
    }

    public static double[] ToDouble(float[] data)
    {
        var r = new double[data.Length];
        for (int i = 0; i < data.Length; i++) r[i] = data[i];
        return r;
    }

    /// <summary>Rows of a row-major matrix selected by index (for subsets, samples and out-of-sample tests).</summary>
    public static double[] Rows(double[] data, int d, ReadOnlySpan<int> rows)
    {
        var r = new double[rows.Length * d];
        for (int i = 0; i < rows.Length; i++) Array.Copy(data, (long)rows[i] * d, r, (long)i * d, d);
        return r;
    }
}
