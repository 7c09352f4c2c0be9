using ScottPlot;

namespace NnViz.Plot;

/// <summary>
/// An arrow from (X1, Y1) to (X2, Y2) in data coordinates (PCA loading arrows, pointers to marked examples), with an
/// optional letter or word at its tip. The head is a filled triangle of <paramref name="HeadSize"/> pixels, computed in
/// pixel space so unequal axes do not distort it. Drawn by a custom plottable (a lettered arrow).
/// </summary>
public sealed record ArrowMark(double X1, double Y1, double X2, double Y2, LineStyle Style, double HeadSize = 8, string? Label = null) : Mark
{
    internal override void Draw(PanelDraw draw) => draw.Plot.Add.Plottable(new LetteredArrowPlottable(this));
}

/// <summary>Shaft, head and label of an <see cref="ArrowMark"/>; its limits are its two end points.</summary>
internal sealed class LetteredArrowPlottable(ArrowMark mark) : PlottableBase
{
    public override AxisLimits GetAxisLimits() =>
        double.IsFinite(mark.X1 + mark.X2 + mark.Y1 + mark.Y2)
            ? new AxisLimits(Math.Min(mark.X1, mark.X2), Math.Max(mark.X1, mark.X2), Math.Min(mark.Y1, mark.Y2), Math.Max(mark.Y1, mark.Y2))
            : AxisLimits.NoLimits;

    public override void Render(RenderPack rp)
    {
        float px1 = Axes.GetPixelX(mark.X1), py1 = Axes.GetPixelY(mark.Y1), px2 = Axes.GetPixelX(mark.X2), py2 = Axes.GetPixelY(mark.Y2);
        float dx = px2 - px1, dy = py2 - py1, len = MathF.Sqrt(dx * dx + dy * dy);
        if (!(len > 0) || !float.IsFinite(len)) return;
        float ux = dx / len, uy = dy / len, h = Math.Min((float)mark.HeadSize, len);
        float bx = px2 - ux * h, by = py2 - uy * h; // base of the head; the shaft stops there
        var color = Theme.Of(mark.Style.Color, mark.Style.Opacity);
        using (var shaft = Stroke(color, (float)mark.Style.Width, Theme.Pattern(mark.Style.Dash)))
            rp.Canvas.DrawLine(px1, py1, bx, by, shaft);
        using (var head = new SkiaSharp.SKPath())
        using (var fill = Fill(color))
        {
            head.MoveTo(px2, py2);
            head.LineTo(bx - uy * h * 0.45f, by + ux * h * 0.45f);
            head.LineTo(bx + uy * h * 0.45f, by - ux * h * 0.45f);
            head.Close();
            rp.Canvas.DrawPath(head, fill);
        }
        if (mark.Label is { } label)
            Text(rp, label, new Pixel(px2 + ux * 4, py2 + uy * 4), 11, color, ux < -0.2 ? Alignment.MiddleRight : Alignment.MiddleLeft, bold: label.Length <= 2);
    }
}
