using ScottPlot;
using SkiaSharp;

namespace NnViz.Plot;

/// <summary>
/// Per-class density contours (the "density biplot"): for each class a 2-D Gaussian kernel density estimate on a
/// regular grid, with a diagonal bandwidth by Scott's rule (h = sd * n^(-1/6) per axis; Scott 1992, eq. 6.42 with
/// d = 2), and iso-lines at <see cref="Fractions"/> of that class's peak density, drawn in the class colour; the
/// outermost region is lightly filled. Classes index <see cref="Palette"/> (Okabe-Ito by default).
/// </summary>
public sealed record DensityContourMark(double[] Xs, double[] Ys, int[] Classes) : Mark
{
    public IReadOnlyList<string>? ClassNames { get; init; }
    public IReadOnlyList<string> Palette { get; init; } = Palettes.OkabeIto;
    public int GridSize { get; init; } = 48;
    public double[] Fractions { get; init; } = [0.2, 0.5, 0.8];
    public double FillOpacity { get; init; } = 0.12;
    public double LineWidth { get; init; } = 1.25;

    /// <summary>Data bounds widened by two bandwidths, so the outer contours close inside the grid.</summary>
    internal Bounds? Extent()
    {
        if (Bounds.Of(Xs, Ys) is not { } b) return null;
        var (hx, hy) = Bandwidth(Enumerable.Range(0, Math.Min(Xs.Length, Ys.Length)).ToArray());
        return new Bounds(b.XMin - 2 * hx, b.XMax + 2 * hx, b.YMin - 2 * hy, b.YMax + 2 * hy);
    }

    /// <summary>The density of one class on the grid (row-major, values[j * n + i]) at xs[i], ys[j].</summary>
    public double[] Density(int cls, double[] gx, double[] gy)
    {
        int[] idx = Enumerable.Range(0, Math.Min(Xs.Length, Math.Min(Ys.Length, Classes.Length)))
            .Where(i => Classes[i] == cls && double.IsFinite(Xs[i]) && double.IsFinite(Ys[i])).ToArray();
        var d = new double[gx.Length * gy.Length];
        if (idx.Length == 0) return d;
        var (hx, hy) = Bandwidth(idx);
        // Separable kernel: exp(-(dx^2/hx^2 + dy^2/hy^2)/2) = kx * ky, so precompute per point and axis (fixed order sums).
        var kx = new double[gx.Length];
        var ky = new double[gy.Length];
        foreach (int p in idx)
        {
            for (int i = 0; i < gx.Length; i++) { double u = (gx[i] - Xs[p]) / hx; kx[i] = Math.Exp(-0.5 * u * u); }
            for (int j = 0; j < gy.Length; j++) { double v = (gy[j] - Ys[p]) / hy; ky[j] = Math.Exp(-0.5 * v * v); }
            for (int j = 0; j < gy.Length; j++)
                for (int i = 0; i < gx.Length; i++) d[j * gx.Length + i] += kx[i] * ky[j];
        }
        double norm = 1 / (2 * Math.PI * hx * hy * idx.Length);
        for (int k = 0; k < d.Length; k++) d[k] *= norm;
        return d;
    }

    private (double Hx, double Hy) Bandwidth(int[] idx)
    {
        double f = Math.Pow(Math.Max(2, idx.Length), -1.0 / 6);
        return (Math.Max(1e-9, Sd(Xs, idx)) * f, Math.Max(1e-9, Sd(Ys, idx)) * f);
    }

    private static double Sd(double[] v, int[] idx)
    {
        double m = 0, s = 0;
        foreach (int i in idx) m += v[i];
        m /= Math.Max(1, idx.Length);
        foreach (int i in idx) s += (v[i] - m) * (v[i] - m);
        return idx.Length > 1 ? Math.Sqrt(s / (idx.Length - 1)) : 1;
    }

    internal override void Draw(PanelDraw draw)
    {
        draw.Plot.Add.Plottable(new DensityContoursPlottable(this));
        if (ClassNames is { } names)
            draw.LegendRows.AddRange(names.Select((n, k) => PlottableBase.LineItem(n, Theme.Of(Palettes.ClassColor(Palette, k)), (float)LineWidth + 0.75f)));
    }

    internal double[] SampleGrid(double lo, double hi) =>
        [.. Enumerable.Range(0, GridSize).Select(i => lo + (hi - lo) * i / (GridSize - 1))];
}

/// <summary>Each class's lightly filled outer region and its iso-lines, in the class colour.</summary>
internal sealed class DensityContoursPlottable(DensityContourMark mark) : PlottableBase
{
    public override AxisLimits GetAxisLimits() =>
        mark.Extent() is { } e ? new AxisLimits(e.XMin, e.XMax, e.YMin, e.YMax) : AxisLimits.NoLimits;

    public override void Render(RenderPack rp)
    {
        if (mark.Extent() is not { } e) return;
        double[] gx = mark.SampleGrid(e.XMin, e.XMax), gy = mark.SampleGrid(e.YMin, e.YMax);
        foreach (int cls in mark.Classes.Distinct().Order())
        {
            double[] d = mark.Density(cls, gx, gy);
            double peak = d.Max();
            if (!(peak > 0)) continue;
            string color = Palettes.ClassColor(mark.Palette, cls);
            if (mark.FillOpacity > 0)
            {
                using var region = new SKPath();
                foreach (var (px, py) in MarchingSquares.Band(gx, gy, d, mark.Fractions.Min() * peak, double.MaxValue))
                {
                    for (int k = 0; k < px.Length; k++)
                        if (k == 0) region.MoveTo(Axes.GetPixelX(px[k]), Axes.GetPixelY(py[k]));
                        else region.LineTo(Axes.GetPixelX(px[k]), Axes.GetPixelY(py[k]));
                    region.Close();
                }
                using var fill = Fill(Theme.Of(color, mark.FillOpacity));
                fill.IsAntialias = false; // cell polygons tile exactly, no double-blended seams
                rp.Canvas.DrawPath(region, fill);
            }
            using var lines = new SKPath();
            foreach (double f in mark.Fractions)
                foreach (var (x0, y0, x1, y1) in MarchingSquares.Line(gx, gy, d, f * peak))
                {
                    lines.MoveTo(Axes.GetPixelX(x0), Axes.GetPixelY(y0));
                    lines.LineTo(Axes.GetPixelX(x1), Axes.GetPixelY(y1));
                }
            using var stroke = Stroke(Theme.Of(color), (float)mark.LineWidth);
            rp.Canvas.DrawPath(lines, stroke);
        }
    }
}
