using System.Globalization;

namespace NnViz.Plot;

/// <summary>
/// A horizontal colour bar drawn inside a panel's plot area on a white card: the title says what is coloured,
/// the bands show each level interval, ticks label the levels, and the optional end labels say what the two ends
/// mean (e.g. "← class A" and "class B →"), because a diverging scale without words is hard to read.
/// </summary>
public sealed record ColorBar(string Title, string? LowLabel = null, string? HighLabel = null, LegendPosition Position = LegendPosition.BottomLeft)
{
    private const double BarHeight = 10, Pad = 6;

    internal void Render(RenderContext ctx, FilledContourMark mark)
    {
        var a = ctx.Area;
        double width = Math.Min(220, a.Width * 0.55);
        double height = Pad + 14 + BarHeight + 14 + (LowLabel ?? HighLabel) switch { null => 0, _ => 13 } + Pad;
        bool left = Position is LegendPosition.BottomLeft or LegendPosition.TopLeft;
        bool top = Position is LegendPosition.TopLeft or LegendPosition.TopRight;
        double x0 = left ? a.Left + 6 : a.Right - 6 - width;
        double y0 = top ? a.Top + 6 : a.Bottom - 6 - height;
        var sb = ctx.Sb;
        sb.Append("<g class=\"colorbar\">\n<rect x=\"").AppendNum(x0).Append("\" y=\"").AppendNum(y0).Append("\" width=\"").AppendNum(width)
          .Append("\" height=\"").AppendNum(height).Append("\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.9\" stroke=\"#999999\" stroke-width=\"0.5\"/>\n");
        SvgRenderer.WriteText(sb, x0 + width / 2, y0 + Pad + 10, Title, new TextStyle("#111111", 11, TextAnchor.Middle));
        double bx = x0 + Pad, bw = width - 2 * Pad, by = y0 + Pad + 14;
        var levels = mark.Levels;
        double lo = levels[0], span = levels[^1] - levels[0];
        double X(double v) => bx + (v - lo) / span * bw;
        for (int k = 0; k + 1 < levels.Length; k++)
            sb.Append("<rect x=\"").AppendNum(X(levels[k])).Append("\" y=\"").AppendNum(by).Append("\" width=\"").AppendNum(X(levels[k + 1]) - X(levels[k]))
              .Append("\" height=\"").AppendNum(BarHeight).Append("\" fill=\"").Append(mark.BandColor(k).Hex).Append("\" fill-opacity=\"").AppendNum(mark.Opacity).Append("\"/>\n");
        sb.Append("<rect x=\"").AppendNum(bx).Append("\" y=\"").AppendNum(by).Append("\" width=\"").AppendNum(bw).Append("\" height=\"").AppendNum(BarHeight)
          .Append("\" fill=\"none\" stroke=\"#333333\" stroke-width=\"0.5\"/>\n");
        if (mark.Boundary is { } b)
            sb.Append("<path d=\"M").AppendNum(X(mark.BoundaryLevel)).Append(',').AppendNum(by - 2).Append('V').AppendNum(by + BarHeight + 2)
              .Append("\" stroke=\"").Append(b.Color).Append("\" stroke-width=\"2\"/>\n");
        // Label every level when there is room (about 26 px per label), else every other one.
        int every = bw / (levels.Length - 1) >= 26 ? 1 : 2;
        var tick = new TextStyle("#333333", 9, TextAnchor.Middle);
        for (int k = 0; k < levels.Length; k += every)
            SvgRenderer.WriteText(sb, X(levels[k]), by + BarHeight + 10, levels[k].ToString("0.##", CultureInfo.InvariantCulture), tick);
        double ly = by + BarHeight + 23;
        if (LowLabel is not null) SvgRenderer.WriteText(sb, bx, ly, LowLabel, new TextStyle("#333333", 10, TextAnchor.Start));
        if (HighLabel is not null) SvgRenderer.WriteText(sb, bx + bw, ly, HighLabel, new TextStyle("#333333", 10, TextAnchor.End));
        sb.Append("</g>\n");
    }
}
