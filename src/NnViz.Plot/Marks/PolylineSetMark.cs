namespace NnViz.Plot;

/// <summary>
/// Many polylines in one style, e.g. the warped grid of a hidden layer (Olah 2014): line k runs through
/// (Xs[k][i], Ys[k][i]). Written as a single path so thousands of grid points stay small.
/// </summary>
public sealed record PolylineSetMark(double[][] Xs, double[][] Ys, LineStyle Style, string? Label = null) : Mark
{
    internal override Bounds? DataBounds()
    {
        Bounds? b = null;
        for (int k = 0; k < Math.Min(Xs.Length, Ys.Length); k++) b = Bounds.Union(b, Bounds.Of(Xs[k], Ys[k]));
        return b;
    }

    internal override void Render(RenderContext ctx)
    {
        ctx.OpenGroup(this, "polylines");
        var sb = ctx.Sb;
        sb.Append("<path d=\"");
        for (int k = 0; k < Math.Min(Xs.Length, Ys.Length); k++)
        {
            double[] xs = Xs[k], ys = Ys[k];
            bool pen = false;
            for (int i = 0; i < Math.Min(xs.Length, ys.Length); i++)
            {
                if (!double.IsFinite(xs[i]) || !double.IsFinite(ys[i])) { pen = false; continue; }
                sb.Append(pen ? 'L' : 'M').AppendNum(ctx.X.Map(xs[i])).Append(',').AppendNum(ctx.Y.Map(ys[i]));
                pen = true;
            }
        }
        sb.Append('"');
        ctx.StrokeAttributes(Style);
        sb.Append("/>\n");
        ctx.CloseGroup();
    }

    internal override IEnumerable<LegendEntry> LegendEntries() =>
        Label is null ? [] : [new LegendEntry(Label, Style.Color, true, Style.Dash, Opacity: Style.Opacity)];
}
