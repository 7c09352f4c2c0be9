namespace NnViz.Plot;

/// <summary>
/// Many polylines in one style, e.g. the warped grid of a hidden layer (Olah 2014): line k runs through
/// (Xs[k][i], Ys[k][i]). One ScottPlot scatter line per polyline; the label (one legend row) goes on the first.
/// </summary>
public sealed record PolylineSetMark(double[][] Xs, double[][] Ys, LineStyle Style, string? Label = null) : Mark
{
    internal override void Draw(PanelDraw draw)
    {
        for (int k = 0; k < Math.Min(Xs.Length, Ys.Length); k++)
            draw.Line(Xs[k], Ys[k], Style, k == 0 ? Label : null);
    }
}
