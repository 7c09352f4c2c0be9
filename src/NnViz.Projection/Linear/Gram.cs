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

    /// <summary>
    /// A A^T for a row-major m x len matrix A: an m x m symmetric matrix of row dot products. Tiled (32 x 32 rows,
    /// 1024-long slices) so the rows of a tile stay in cache; every entry sums its slices in slice order, so the bits
    /// do not depend on the thread count.
    /// </summary>
    public static double[] RowsTimesRows(double[] a, int m, int len)
    {
        const int Tile = 32, Slice = 1024;
        var g = new double[m * m];
        int tiles = (m + Tile - 1) / Tile;
        Parallelism.ForChunks(tiles, 1, (tileStart, _) =>
        {
            int i0 = tileStart * Tile, i1 = Math.Min(m, i0 + Tile);
            for (int j0 = i0; j0 < m; j0 += Tile)
            {
                int j1 = Math.Min(m, j0 + Tile);
                for (int l0 = 0; l0 < len; l0 += Slice)
                {
                    int l = Math.Min(Slice, len - l0);
                    for (int i = i0; i < i1; i++)
                    {
                        var ai = new ReadOnlySpan<double>(a, i * len + l0, l);
                        for (int j = Math.Max(i, j0); j < j1; j++)
                            g[i * m + j] += Distances.Dot(ai, new ReadOnlySpan<double>(a, j * len + l0, l));
                    }
                }
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
