using ScottPlot;
using SkiaSharp;

namespace NnViz.Plot;

/// <summary>
/// Many polylines in one style, e.g. the warped grid of a hidden layer (Olah 2014): line k runs through
/// (Xs[k][i], Ys[k][i]); non-finite points break a line. Drawn by a custom plottable as a single path, so a 42-line grid
/// is one SVG element (one ScottPlot scatter per line would wrap each in its own clip group); the label is one legend row.
/// </summary>
public sealed record PolylineSetMark(double[][] Xs, double[][] Ys, LineStyle Style, string? Label = null) : Mark
{
    internal override void Draw(PanelDraw draw)
    {
        draw.Plot.Add.Plottable(new PolylineSetPlottable(this));
        if (Label is not null) draw.LegendRows.Add(PlottableBase.LineItem(Label, Theme.Of(Style.Color, Style.Opacity), 2, Theme.Pattern(Style.Dash)));
    }
}

/// <summary>All lines of a <see cref="PolylineSetMark"/> as one stroked path; its limits are the finite points' extent.</summary>
internal sealed class PolylineSetPlottable(PolylineSetMark mark) : PlottableBase
{
    public override AxisLimits GetAxisLimits()
    {
        Bounds? b = null;
        for (int k = 0; k < Math.Min(mark.Xs.Length, mark.Ys.Length); k++) b = Bounds.Union(b, Bounds.Of(mark.Xs[k], mark.Ys[k]));
        return b is { } e ? new AxisLimits(e.XMin, e.XMax, e.YMin, e.YMax) : AxisLimits.NoLimits;
    }

    public override void Render(RenderPack rp)
    {
        using var path = new SKPath();
        for (int k = 0; k < Math.Min(mark.Xs.Length, mark.Ys.Length); k++)
        {
            double[] xs = mark.Xs[k], ys = mark.Ys[k];
            bool pen = false;
            for (int i = 0; i < Math.Min(xs.Length, ys.Length); i++)
            {
                if (!double.IsFinite(xs[i]) || !double.IsFinite(ys[i])) { pen = false; continue; }
                float px = Axes.GetPixelX(xs[i]), py = Axes.GetPixelY(ys[i]);
                if (pen) path.LineTo(px, py);
                else path.MoveTo(px, py);
                pen = true;
            }
        }
        var s = mark.Style;
        using var stroke = Stroke(Theme.Of(s.Color, s.Opacity), (float)s.Width, Theme.Pattern(s.Dash));
        rp.Canvas.DrawPath(path, stroke);
    }
}
