using NnViz.Projection.Linear;

namespace NnViz.Projection.Manifold;

/// <summary>
/// Rows of W = B V for classical MDS's eigen-solver: each row of B is read once for four vectors at a time, four
/// independent accumulators instead of one dependent chain. Every entry keeps <see cref="Distances.Dot"/>'s arithmetic
/// exactly (a four-lane Vector256 sum of products in order, lanes added as (0 + 1) + (2 + 3), then the scalar tail),
/// so the bits equal those of one Dot per entry on every machine.
/// </summary>
internal static class DenseProduct
{
    /// <summary>w[c * n + i] = B_i . v_c for rows i in [start, end) and every vector c &lt; p.</summary>
    public static void Rows(double[] b, int n, double[] v, double[] w, int p, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            var row = new ReadOnlySpan<double>(b, i * n, n);
            int c = 0;
            for (; c + 4 <= p; c += 4) Four(row, v, n, c, w, i);
            for (; c < p; c++) w[c * n + i] = Distances.Dot(row, new ReadOnlySpan<double>(v, c * n, n));
        }
    }

    /// <summary>Row i against vectors c..c+3: <see cref="DotBlocks.FourAxes"/> (the same chains as Dot).</summary>
    private static void Four(ReadOnlySpan<double> row, double[] v, int n, int c, double[] w, int i)
    {
        Span<double> s = stackalloc double[4];
        DotBlocks.FourAxes(row, v.AsSpan(c * n, n), v.AsSpan((c + 1) * n, n), v.AsSpan((c + 2) * n, n), v.AsSpan((c + 3) * n, n), s);
        w[c * n + i] = s[0]; w[(c + 1) * n + i] = s[1]; w[(c + 2) * n + i] = s[2]; w[(c + 3) * n + i] = s[3];
    }
}
