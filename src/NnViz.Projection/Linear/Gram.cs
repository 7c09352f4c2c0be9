namespace NnViz.Projection.Linear;

/// <summary>Products of a matrix with its own transpose, in fixed order (parallel over output rows in fixed chunks).</summary>
internal static class Gram
{
    /// <summary>A^T A for a row-major n x d matrix A: a d x d symmetric matrix.</summary>
    public static double[] TransposeTimesSelf(double[] a, int n, int d)
    {
        var t = Transpose(a, n, d);
        return RowsTimesRows(t, d, n);
    }

    /// <summary>A A^T for a row-major m x len matrix A: an m x m symmetric matrix of row dot products.</summary>
    public static double[] RowsTimesRows(double[] a, int m, int len)
    {
        var g = new double[m * m];
        Parallelism.ForChunks(m, 8, (start, end) =>
        {
            for (int i = start; i < end; i++)
            {
                var ai = new ReadOnlySpan<double>(a, i * len, len);
                for (int j = i; j < m; j++)
                    g[i * m + j] = Distances.Dot(ai, new ReadOnlySpan<double>(a, j * len, len));
            }
        });
        for (int i = 0; i < m; i++)
            for (int j = 0; j < i; j++) g[i * m + j] = g[j * m + i];
        return g;
    }

    public static double[] Transpose(double[] a, int n, int d)
    {
        var t = new double[a.Length];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) t[j * n + i] = a[i * d + j];
        return t;
    }
}
