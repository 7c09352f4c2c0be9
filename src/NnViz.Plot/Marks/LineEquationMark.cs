using ScottPlot;

namespace NnViz.Plot;

/// <summary>
/// The line A*x + B*y + C = 0 clipped to the panel: the decision line of a logistic output unit
/// (w1*h1 + w2*h2 + b = logit(0.5) = 0). It takes no part in choosing the axis ranges: a custom plottable clips it
/// to whatever limits the other marks gave, at render time.
/// </summary>
public sealed record LineEquationMark(double A, double B, double C, LineStyle Style, string? Label = null) : Mark
{
    internal override void Draw(PanelDraw draw)
    {
        draw.Plot.Add.Plottable(new ClippedLinePlottable(this));
        if (Label is not null) draw.LegendRows.Add(PlottableBase.LineItem(Label, Theme.Of(Style.Color, Style.Opacity), 2, Theme.Pattern(Style.Dash)));
    }
}

/// <summary>Draws a <see cref="LineEquationMark"/> across the current axis limits (<see cref="LineClip"/>).</summary>
internal sealed class ClippedLinePlottable(LineEquationMark mark) : PlottableBase
{
    public override AxisLimits GetAxisLimits() => AxisLimits.NoLimits;

    public override void Render(RenderPack rp)
    {
        var x = new DataRange(Axes.XAxis.Min, Axes.XAxis.Max);
        var y = new DataRange(Axes.YAxis.Min, Axes.YAxis.Max);
        if (LineClip.Clip(mark.A, mark.B, mark.C, x, y) is not { } s) return;
        var st = mark.Style;
        using var paint = Stroke(Theme.Of(st.Color, st.Opacity), (float)st.Width, Theme.Pattern(st.Dash));
        rp.Canvas.DrawLine(Axes.GetPixelX(s.X1), Axes.GetPixelY(s.Y1), Axes.GetPixelX(s.X2), Axes.GetPixelY(s.Y2), paint);
    }
}
