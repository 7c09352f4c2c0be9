namespace NnViz.Plot;

/// <summary>Text anchored at a data point, shifted by (Dx, Dy) pixels (e.g. a letter beside a marked point).</summary>
public sealed record TextMark(double X, double Y, string Text, TextStyle Style, double Dx = 0, double Dy = 0) : Mark
{
    public TextMark(double x, double y, string text) : this(x, y, text, new TextStyle()) { }

    internal override Bounds? DataBounds() => double.IsFinite(X) && double.IsFinite(Y) ? new Bounds(X, X, Y, Y) : null;

    internal override void Render(RenderContext ctx)
    {
        ctx.OpenGroup(this, "text");
        SvgRenderer.WriteText(ctx.Sb, ctx.X.Map(X) + Dx, ctx.Y.Map(Y) + Dy, Text, Style);
        ctx.CloseGroup();
    }
}
