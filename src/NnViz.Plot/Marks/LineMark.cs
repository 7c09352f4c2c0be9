namespace NnViz.Plot;

/// <summary>A polyline through (xs[i], ys[i]) in order: a target curve, a model's output, a loss curve.</summary>
public sealed record LineMark(double[] Xs, double[] Ys, LineStyle Style, string? Label = null) : Mark
{
    public LineMark(double[] xs, double[] ys, string color, string? label = null) : this(xs, ys, new LineStyle(color), label) { }

    internal override Bounds? DataBounds() => Bounds.Of(Xs, Ys);

    internal override void Render(RenderContext ctx)
    {
        ctx.OpenGroup(this, "line");
        ctx.Path(Xs, Ys, Style);
        ctx.CloseGroup();
    }

    internal override IEnumerable<LegendEntry> LegendEntries() =>
        Label is null ? [] : [new LegendEntry(Label, Style.Color, true, Style.Dash)];
}
