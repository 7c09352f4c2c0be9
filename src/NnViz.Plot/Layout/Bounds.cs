namespace NnViz.Plot;

/// <summary>The data extent of a mark (both axes); <see cref="Union"/> combines marks.</summary>
public readonly record struct Bounds(double XMin, double XMax, double YMin, double YMax)
{
    public static Bounds? Of(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        double x0 = double.PositiveInfinity, x1 = double.NegativeInfinity, y0 = double.PositiveInfinity, y1 = double.NegativeInfinity;
        int n = Math.Min(xs.Length, ys.Length);
        for (int i = 0; i < n; i++)
        {
            double x = xs[i], y = ys[i];
            if (!double.IsFinite(x) || !double.IsFinite(y)) continue;
            if (x < x0) x0 = x;
            if (x > x1) x1 = x;
            if (y < y0) y0 = y;
            if (y > y1) y1 = y;
        }
        return x0 <= x1 ? new Bounds(x0, x1, y0, y1) : null;
    }

    public static Bounds? Union(Bounds? a, Bounds? b) =>
        a is null ? b : b is null ? a :
        new Bounds(Math.Min(a.Value.XMin, b.Value.XMin), Math.Max(a.Value.XMax, b.Value.XMax),
                   Math.Min(a.Value.YMin, b.Value.YMin), Math.Max(a.Value.YMax, b.Value.YMax));
}
