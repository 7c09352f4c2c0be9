namespace NnViz.Plot;

/// <summary>A polyline through (xs[i], ys[i]) in order: a target curve, a model's output, a loss curve (a ScottPlot scatter line).</summary>
public sealed record LineMark(double[] Xs, double[] Ys, LineStyle Style, string? Label = null) : Mark
{
    public LineMark(double[] xs, double[] ys, string color, string? label = null) : this(xs, ys, new LineStyle(color), label) { }

    internal override void Draw(PanelDraw draw) => draw.Line(Xs, Ys, Style, Label);
}
