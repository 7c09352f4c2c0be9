namespace NnViz.Plot;

/// <summary>
/// An arrow from (X1, Y1) to (X2, Y2) in data coordinates (PCA loading arrows, pointers to marked examples).
/// The head is a filled triangle of <paramref name="HeadSize"/> pixels, computed in pixel space so it is not
/// distorted by unequal axes.
/// </summary>
public sealed record ArrowMark(double X1, double Y1, double X2, double Y2, LineStyle Style, double HeadSize = 8, string? Label = null) : Mark
{
    internal override Bounds? DataBounds() => Bounds.Of([X1, X2], [Y1, Y2]);

    internal override void Render(RenderContext ctx)
    {
        double px1 = ctx.X.Map(X1), py1 = ctx.Y.Map(Y1), px2 = ctx.X.Map(X2), py2 = ctx.Y.Map(Y2);
        double dx = px2 - px1, dy = py2 - py1, len = Math.Sqrt(dx * dx + dy * dy);
        if (!(len > 0)) return;
        double ux = dx / len, uy = dy / len, h = Math.Min(HeadSize, len);
        double bx = px2 - ux * h, by = py2 - uy * h; // base of the head; the shaft stops there
        var sb = ctx.Sb;
        ctx.OpenGroup(this, "arrow");
        sb.Append("<path d=\"M").AppendNum(px1).Append(',').AppendNum(py1).Append('L').AppendNum(bx).Append(',').AppendNum(by).Append('"');
        ctx.StrokeAttributes(Style);
        sb.Append("/>\n<path d=\"M").AppendNum(px2).Append(',').AppendNum(py2)
          .Append('L').AppendNum(bx - uy * h * 0.45).Append(',').AppendNum(by + ux * h * 0.45)
          .Append('L').AppendNum(bx + uy * h * 0.45).Append(',').AppendNum(by - ux * h * 0.45)
          .Append("Z\" fill=\"").Append(Style.Color).Append("\"/>\n");
        if (Label is not null)
            SvgRenderer.WriteText(sb, px2 + ux * 4, py2 + uy * 4 + 4, Label, new TextStyle(Style.Color, 11, ux < -0.2 ? TextAnchor.End : TextAnchor.Start));
        ctx.CloseGroup();
    }
}
