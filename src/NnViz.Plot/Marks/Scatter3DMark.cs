using ScottPlot;
using SkiaSharp;

namespace NnViz.Plot;

/// <summary>
/// A 3-D scatter (PCA or t-SNE with three components) as a static picture from a fixed angle: each axis is
/// centred and scaled by the largest half-range (so shapes keep their proportions), rotated by
/// <see cref="AzimuthDegrees"/> about the vertical z axis and tilted by <see cref="ElevationDegrees"/>, and projected
/// orthographically. Points are drawn far to near (painter's order, ties by index) inside a wire-frame box.
/// Fills its panel; drawn by a custom plottable (box, axis names, points with ScottPlot markers); the legend comes from <see cref="ClassNames"/>.
/// </summary>
public sealed record Scatter3DMark(double[] Xs, double[] Ys, double[] Zs, PointStyle Style) : Mark
{
    public int[]? Classes { get; init; }
    public IReadOnlyList<string>? ClassNames { get; init; }
    public double AzimuthDegrees { get; init; } = 35;
    public double ElevationDegrees { get; init; } = 25;
    public (string X, string Y, string Z) AxisLabels { get; init; } = ("x", "y", "z");

    internal override bool FillsPanel => true;

    /// <summary>Screen coordinates (right, up) and depth (larger = nearer) of a point already scaled to the unit cube.</summary>
    public (double U, double V, double Depth) Project(double x, double y, double z)
    {
        double az = AzimuthDegrees * Math.PI / 180, el = ElevationDegrees * Math.PI / 180;
        double xr = x * Math.Cos(az) - y * Math.Sin(az), yr = x * Math.Sin(az) + y * Math.Cos(az);
        // Camera above and in front (direction (0, -cos el, sin el) after the azimuth turn): farther points sit higher.
        return (xr, z * Math.Cos(el) + yr * Math.Sin(el), z * Math.Sin(el) - yr * Math.Cos(el));
    }

    internal override void Draw(PanelDraw draw)
    {
        draw.Plot.Add.Plottable(new Projection3DPlottable(this));
        if (ClassNames is { } names)
            draw.LegendRows.AddRange(names.Select((nm, i) =>
                PlottableBase.MarkerItem(nm, Theme.Of(Palettes.ClassColor(Style.ClassPalette, i)), ScatterMark.Shape(Style.Shape))));
    }

    /// <summary>Each point projected (u, v, depth) after centring and scaling by the largest half-range, far to near.</summary>
    internal (double U, double V, double D, int I)[] ProjectedPoints()
    {
        int n = Math.Min(Xs.Length, Math.Min(Ys.Length, Zs.Length));
        var (cx, sx) = CentreScale(Xs, n);
        var (cy, sy) = CentreScale(Ys, n);
        var (cz, sz) = CentreScale(Zs, n);
        double s = Math.Max(sx, Math.Max(sy, sz));
        var pts = new (double U, double V, double D, int I)[n];
        for (int i = 0; i < n; i++)
        {
            var (u, v, d) = Project((Xs[i] - cx) / s, (Ys[i] - cy) / s, (Zs[i] - cz) / s);
            pts[i] = (u, v, d, i);
        }
        Array.Sort(pts, (p, q) => p.D != q.D ? p.D.CompareTo(q.D) : p.I.CompareTo(q.I));
        return pts;
    }

    private static (double Centre, double HalfRange) CentreScale(double[] v, int n)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int i = 0; i < n; i++) if (double.IsFinite(v[i])) { lo = Math.Min(lo, v[i]); hi = Math.Max(hi, v[i]); }
        if (!(hi >= lo)) return (0, 1);
        return ((lo + hi) / 2, Math.Max(1e-12, (hi - lo) / 2));
    }
}

/// <summary>The fixed-angle 3-D view of a <see cref="Scatter3DMark"/> in the panel's pixel rectangle.</summary>
internal sealed class Projection3DPlottable(Scatter3DMark mark) : PlottableBase
{
    public override AxisLimits GetAxisLimits() => new(0, 1, 0, 1);

    public override void Render(RenderPack rp)
    {
        var a = rp.DataRect;
        float legendW = mark.ClassNames is null ? 0 : 110;
        float size = Math.Min(a.Width - legendW, a.Height), k = size / 2 / 1.75f; // the box's corners fit at |u|,|v| <= sqrt(3)
        float ox = a.Left + (a.Width - legendW) / 2, oy = a.Top + a.Height / 2;
        Pixel P(double u, double v) => new(ox + (float)u * k, oy - (float)v * k);
        // The box: the 12 edges of [-1, 1]^3.
        using (var box = new SKPath())
        using (var stroke = Stroke(Color.FromHex("#bbbbbb"), 0.75f))
        {
            int[] c = [-1, 1];
            foreach (int p in c)
                foreach (int q in c)
                    foreach (var (from, to) in new[] { ((-1, p, q), (1, p, q)), ((p, -1, q), (p, 1, q)), ((p, q, -1), (p, q, 1)) })
                    {
                        var (u0, v0, _) = mark.Project(from.Item1, from.Item2, from.Item3);
                        var (u1, v1, _) = mark.Project(to.Item1, to.Item2, to.Item3);
                        box.MoveTo(P(u0, v0).X, P(u0, v0).Y);
                        box.LineTo(P(u1, v1).X, P(u1, v1).Y);
                    }
            rp.Canvas.DrawPath(box, stroke);
        }
        // Axis names at the middles of three outer edges, below the floor edges and beside the vertical one.
        foreach (var (x, y, z, dx, dy, t) in new[] { (0.0, -1.0, -1.0, 0, 12, mark.AxisLabels.X), (1.0, 0.0, -1.0, 0, 12, mark.AxisLabels.Y), (1.0, -1.0, 0.0, 6, 0, mark.AxisLabels.Z) })
        {
            var (u, v, _) = mark.Project(x, y, z);
            var at = P(u, v);
            Text(rp, t, new Pixel(at.X + dx, at.Y + dy), 11, Theme.Axis, dx > 0 ? Alignment.MiddleLeft : Alignment.MiddleCenter);
        }
        var styles = new Dictionary<string, MarkerStyle>();
        using var paint = Paint.NewDisposablePaint();
        foreach (var p in mark.ProjectedPoints())
        {
            if (!double.IsFinite(p.U) || !double.IsFinite(p.V)) continue;
            string color = mark.Classes is { } cl && p.I < cl.Length ? Palettes.ClassColor(mark.Style.ClassPalette, cl[p.I]) : mark.Style.Color;
            if (!styles.TryGetValue(color, out var ms))
                styles[color] = ms = new MarkerStyle(ScatterMark.Shape(mark.Style.Shape), (float)(2 * mark.Style.Radius), Theme.Of(color, mark.Style.Opacity))
                { OutlineColor = Colors.White, OutlineWidth = 0.4f };
            ms.Render(rp.Canvas, P(p.U, p.V), paint);
        }
    }
}
