namespace NnViz.Plot;

/// <summary>
/// The line A*x + B*y + C = 0 clipped to the panel: the decision line of a logistic output unit
/// (w1*h1 + w2*h2 + b = logit(0.5) = 0). It takes no part in choosing the axis ranges.
/// </summary>
public sealed record LineEquationMark(double A, double B, double C, LineStyle Style, string? Label = null) : Mark
{
    internal override Bounds? DataBounds() => null;

    internal override void Render(RenderContext ctx)
    {
        if (LineClip.Clip(A, B, C, ctx.X.Domain, ctx.Y.Domain) is not { } s) return;
        ctx.OpenGroup(this, "line-equation");
        ctx.Path([s.X1, s.X2], [s.Y1, s.Y2], Style);
        ctx.CloseGroup();
    }

    internal override IEnumerable<LegendEntry> LegendEntries() =>
        Label is null ? [] : [new LegendEntry(Label, Style.Color, true, Style.Dash)];
}
