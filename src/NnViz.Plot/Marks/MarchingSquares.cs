namespace NnViz.Plot;

/// <summary>
/// Marching squares on a regular grid of values (Lorensen &amp; Cline 1987, in 2-D): iso-lines at one level and
/// iso-bands between two levels. Values are row-major, <c>values[j * nx + i]</c> at (xs[i], ys[j]); along each cell
/// edge the field is taken as linear, so crossings are found by linear interpolation. Saddle cells are resolved the
/// usual way, by the cell's centre value (the mean of its corners): a cell that is not wholly inside a band is cut
/// into four triangles around its centre, on which the field is linear, and each triangle is clipped by the two
/// half-planes value &gt;= lo and value &lt;= hi (Sutherland-Hodgman). This gives the iso-band cases without a case
/// table, and the bands of successive levels tile the grid exactly (no overlaps, no gaps).
/// </summary>
public static class MarchingSquares
{
    /// <summary>Polygons (x, y vertex lists) where lo &lt;= value &lt;= hi; whole cells of one row in the band merge into one rectangle.</summary>
    public static List<(double[] X, double[] Y)> Band(double[] xs, double[] ys, double[] values, double lo, double hi)
    {
        int nx = xs.Length, ny = ys.Length;
        Check(nx, ny, values);
        var result = new List<(double[] X, double[] Y)>();
        for (int j = 0; j + 1 < ny; j++)
        {
            int runStart = -1;
            for (int i = 0; i + 1 < nx; i++)
            {
                double v00 = values[j * nx + i], v10 = values[j * nx + i + 1], v11 = values[(j + 1) * nx + i + 1], v01 = values[(j + 1) * nx + i];
                bool full = In(v00, lo, hi) && In(v10, lo, hi) && In(v11, lo, hi) && In(v01, lo, hi);
                if (full) { if (runStart < 0) runStart = i; continue; }
                if (runStart >= 0) { result.Add(Rect(xs[runStart], xs[i], ys[j], ys[j + 1])); runStart = -1; }
                if (Outside(v00, v10, v11, v01, lo, hi)) continue;
                foreach (var (tx, ty, tv) in Triangles(xs, ys, i, j, v00, v10, v11, v01))
                {
                    var poly = Clip(tx, ty, tv, lo, hi);
                    if (poly.X.Length >= 3) result.Add(poly);
                }
            }
            if (runStart >= 0) result.Add(Rect(xs[runStart], xs[nx - 1], ys[j], ys[j + 1]));
        }
        return result;
    }

    /// <summary>Line segments (x0, y0, x1, y1) where the field crosses <paramref name="level"/>.</summary>
    public static List<(double X0, double Y0, double X1, double Y1)> Line(double[] xs, double[] ys, double[] values, double level)
    {
        int nx = xs.Length, ny = ys.Length;
        Check(nx, ny, values);
        var segments = new List<(double, double, double, double)>();
        Span<double> cx = stackalloc double[3], cy = stackalloc double[3];
        for (int j = 0; j + 1 < ny; j++)
            for (int i = 0; i + 1 < nx; i++)
                foreach (var (px, py, pv) in Triangles(xs, ys, i, j, values[j * nx + i], values[j * nx + i + 1], values[(j + 1) * nx + i + 1], values[(j + 1) * nx + i]))
                {
                    int n = 0;
                    for (int k = 0; k < 3; k++)
                    {
                        double a = pv[k], b = pv[(k + 1) % 3];
                        if (!double.IsFinite(a) || !double.IsFinite(b) || (a >= level) == (b >= level)) continue;
                        double t = (level - a) / (b - a);
                        cx[n] = px[k] + t * (px[(k + 1) % 3] - px[k]);
                        cy[n] = py[k] + t * (py[(k + 1) % 3] - py[k]);
                        n++;
                    }
                    // A linear field crosses a triangle's level at most once: two edge crossings make one segment.
                    if (n == 2) segments.Add((cx[0], cy[0], cx[1], cy[1]));
                }
        return segments;
    }

    private static void Check(int nx, int ny, double[] values)
    {
        if (nx < 2 || ny < 2) throw new ArgumentException("the grid needs at least 2 x 2 points");
        if (values.Length != nx * ny) throw new ArgumentException($"expected {nx} x {ny} = {nx * ny} values, received {values.Length}");
    }

    /// <summary>The cell's four triangles (corner k, corner k+1, centre), the centre valued at the corners' mean.</summary>
    private static IEnumerable<(double[] X, double[] Y, double[] V)> Triangles(double[] xs, double[] ys, int i, int j, double v00, double v10, double v11, double v01)
    {
        double[] px = [xs[i], xs[i + 1], xs[i + 1], xs[i]], py = [ys[j], ys[j], ys[j + 1], ys[j + 1]], pv = [v00, v10, v11, v01];
        double mx = (xs[i] + xs[i + 1]) / 2, my = (ys[j] + ys[j + 1]) / 2, mv = (v00 + v10 + v11 + v01) / 4;
        for (int k = 0; k < 4; k++)
        {
            int m = (k + 1) % 4;
            yield return ([px[k], px[m], mx], [py[k], py[m], my], [pv[k], pv[m], mv]);
        }
    }

    private static bool In(double v, double lo, double hi) => v >= lo && v <= hi;

    /// <summary>
    /// True when the four corners and the centre (the value <see cref="Triangles"/> gives it, bit for bit) are all
    /// below <paramref name="lo"/> or all above <paramref name="hi"/>: clipping would leave nothing of any of the
    /// cell's triangles, so the cell is skipped (most cells of a grid are outside most bands). NaN is never outside.
    /// </summary>
    private static bool Outside(double v00, double v10, double v11, double v01, double lo, double hi)
    {
        double mv = (v00 + v10 + v11 + v01) / 4;
        return (v00 < lo && v10 < lo && v11 < lo && v01 < lo && mv < lo) || (v00 > hi && v10 > hi && v11 > hi && v01 > hi && mv > hi);
    }

    private static (double[] X, double[] Y) Rect(double x0, double x1, double y0, double y1) => ([x0, x1, x1, x0], [y0, y0, y1, y1]);

    private static (double[] X, double[] Y) Clip(double[] x, double[] y, double[] v, double lo, double hi)
    {
        var (x1, y1, v1) = ClipHalf(x, y, v, lo, keepAbove: true);
        var (x2, y2, _) = ClipHalf(x1, y1, v1, hi, keepAbove: false);
        return (x2, y2);
    }

    /// <summary>One Sutherland-Hodgman pass: keeps the part of the polygon with value &gt;= (or &lt;=) the threshold.</summary>
    private static (double[] X, double[] Y, double[] V) ClipHalf(double[] x, double[] y, double[] v, double threshold, bool keepAbove)
    {
        var ox = new List<double>(8); var oy = new List<double>(8); var ov = new List<double>(8);
        int n = x.Length;
        for (int k = 0; k < n; k++)
        {
            int m = (k + 1) % n;
            bool inK = keepAbove ? v[k] >= threshold : v[k] <= threshold;
            bool inM = keepAbove ? v[m] >= threshold : v[m] <= threshold;
            if (inK) { ox.Add(x[k]); oy.Add(y[k]); ov.Add(v[k]); }
            if (inK != inM && double.IsFinite(v[k]) && double.IsFinite(v[m]))
            {
                double t = (threshold - v[k]) / (v[m] - v[k]);
                ox.Add(x[k] + t * (x[m] - x[k])); oy.Add(y[k] + t * (y[m] - y[k])); ov.Add(threshold);
            }
        }
        return ([.. ox], [.. oy], [.. ov]);
    }
}
