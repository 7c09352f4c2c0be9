namespace NnViz.Plot;

/// <summary>
/// A 3-D scatter (PCA or t-SNE with three components) as a static picture from a fixed angle: each axis is
/// centred and scaled by the largest half-range (so shapes keep their proportions), rotated by
/// <see cref="AzimuthDegrees"/> about the vertical z axis and tilted by <see cref="ElevationDegrees"/>, and projected
/// orthographically. Points are drawn far to near (painter's order, ties by index) inside a wire-frame box.
/// Fills its panel; the legend comes from <see cref="ClassNames"/>.
/// </summary>
public sealed record Scatter3DMark(double[] Xs, double[] Ys, double[] Zs, PointStyle Style) : Mark
{
    public int[]? Classes { get; init; }
    public IReadOnlyList<string>? ClassNames { get; init; }
    public double AzimuthDegrees { get; init; } = 35;
    public double ElevationDegrees { get; init; } = 25;
    public (string X, string Y, string Z) AxisLabels { get; init; } = ("x", "y", "z");

    internal override bool FillsPanel => true;

    internal override Bounds? DataBounds() => null;

    /// <summary>Screen coordinates (right, up) and depth (larger = nearer) of a point already scaled to the unit cube.</summary>
    public (double U, double V, double Depth) Project(double x, double y, double z)
    {
        double az = AzimuthDegrees * Math.PI / 180, el = ElevationDegrees * Math.PI / 180;
        double xr = x * Math.Cos(az) - y * Math.Sin(az), yr = x * Math.Sin(az) + y * Math.Cos(az);
        // Camera above and in front (direction (0, -cos el, sin el) after the azimuth turn): farther points sit higher.
        return (xr, z * Math.Cos(el) + yr * Math.Sin(el), z * Math.Sin(el) - yr * Math.Cos(el));
    }

    internal override void Render(RenderContext ctx)
    {
        int n = Math.Min(Xs.Length, Math.Min(Ys.Length, Zs.Length));
        var (cx, sx) = CentreScale(Xs, n);
        var (cy, sy) = CentreScale(Ys, n);
        var (cz, sz) = CentreScale(Zs, n);
        double s = Math.Max(sx, Math.Max(sy, sz));
        var a = ctx.Area;
        double legendW = ClassNames is null ? 0 : 110;
        double size = Math.Min(a.Width - legendW, a.Height), k = size / 2 / 1.75; // the box's corners fit at |u|,|v| <= sqrt(3)
        double ox = a.Left + (a.Width - legendW) / 2, oy = a.Top + a.Height / 2;
        double Px(double u) => ox + u * k;
        double Py(double v) => oy - v * k;
        var sb = ctx.Sb;
        ctx.OpenGroup(this, "scatter3d");
        // The box: the 12 edges of [-1, 1]^3.
        sb.Append("<path d=\"");
        int[] c = [-1, 1];
        foreach (int p in c) foreach (int q in c)
            {
                Edge(sb, (-1, p, q), (1, p, q), Px, Py);
                Edge(sb, (p, -1, q), (p, 1, q), Px, Py);
                Edge(sb, (p, q, -1), (p, q, 1), Px, Py);
            }
        sb.Append("\" fill=\"none\" stroke=\"#bbbbbb\" stroke-width=\"0.75\"/>\n");
        // Axis names at the middles of three outer edges, below the floor edges and beside the vertical one.
        var label = new TextStyle("#333333", 11, TextAnchor.Middle);
        foreach (var (x, y, z, dx, dy, t) in new[] { (0.0, -1.0, -1.0, 0, 16, AxisLabels.X), (1.0, 0.0, -1.0, 0, 16, AxisLabels.Y), (1.0, -1.0, 0.0, 6, 4, AxisLabels.Z) })
        {
            var (u, v, _) = Project(x, y, z);
            SvgRenderer.WriteText(sb, Px(u) + dx, Py(v) + dy, t, dx > 0 ? label with { Anchor = TextAnchor.Start } : label);
        }
        var pts = new (double U, double V, double D, int I)[n];
        for (int i = 0; i < n; i++)
        {
            var (u, v, d) = Project((Xs[i] - cx) / s, (Ys[i] - cy) / s, (Zs[i] - cz) / s);
            pts[i] = (u, v, d, i);
        }
        Array.Sort(pts, (p, q) => p.D != q.D ? p.D.CompareTo(q.D) : p.I.CompareTo(q.I));
        sb.Append("<g");
        if (Style.Opacity < 1) sb.Append(" fill-opacity=\"").AppendNum(Style.Opacity).Append('"');
        sb.Append(" stroke=\"#ffffff\" stroke-width=\"0.4\">\n");
        foreach (var p in pts)
        {
            if (!double.IsFinite(p.U) || !double.IsFinite(p.V)) continue;
            string color = Classes is { } cl && p.I < cl.Length ? Palettes.ClassColor(Style.ClassPalette, cl[p.I]) : Style.Color;
            Markers.Write(sb, Style.Shape, Px(p.U), Py(p.V), Style.Radius, color, writeColor: true);
        }
        sb.Append("</g>\n");
        ctx.CloseGroup();
        if (ClassNames is { } names)
            LegendRenderer.Render(sb, names.Select((nm, i) => new LegendEntry(nm, Palettes.ClassColor(Style.ClassPalette, i), false)).ToList(), a, LegendPosition.TopRight);
    }

    private void Edge(System.Text.StringBuilder sb, (int, int, int) p, (int, int, int) q, Func<double, double> px, Func<double, double> py)
    {
        var (u0, v0, _) = Project(p.Item1, p.Item2, p.Item3);
        var (u1, v1, _) = Project(q.Item1, q.Item2, q.Item3);
        sb.Append('M').AppendNum(px(u0)).Append(',').AppendNum(py(v0)).Append('L').AppendNum(px(u1)).Append(',').AppendNum(py(v1));
    }

    private static (double Centre, double HalfRange) CentreScale(double[] v, int n)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int i = 0; i < n; i++) if (double.IsFinite(v[i])) { lo = Math.Min(lo, v[i]); hi = Math.Max(hi, v[i]); }
        if (!(hi >= lo)) return (0, 1);
        return ((lo + hi) / 2, Math.Max(1e-12, (hi - lo) / 2));
    }
}
