using System.Text;

namespace NnViz.Plot;

/// <summary>A boxed legend in a corner of the plot area: a swatch and a label per entry, in mark order.</summary>
internal static class LegendRenderer
{
    private const double Row = 16, Pad = 6, Swatch = 22, FontSize = 11;

    public static void Render(StringBuilder sb, IReadOnlyList<LegendEntry> entries, PlotArea a, LegendPosition where)
    {
        if (entries.Count == 0) return;
        // No font metrics in a pure renderer: 0.6 em per character is a safe over-estimate for DejaVu Sans.
        double textW = entries.Max(e => e.Label.Length) * FontSize * 0.6;
        double w = Pad * 2 + Swatch + 4 + textW, h = Pad * 2 + Row * entries.Count - 2;
        bool right = where is LegendPosition.TopRight or LegendPosition.BottomRight;
        bool top = where is LegendPosition.TopRight or LegendPosition.TopLeft;
        double x0 = right ? a.Right - w - 6 : a.Left + 6, y0 = top ? a.Top + 6 : a.Bottom - h - 6;

        sb.Append("<g class=\"legend\">\n<rect x=\"").AppendNum(x0).Append("\" y=\"").AppendNum(y0).Append("\" width=\"").AppendNum(w)
          .Append("\" height=\"").AppendNum(h).Append("\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"#bbbbbb\" stroke-width=\"0.75\" rx=\"3\"/>\n");
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            double cy = y0 + Pad + Row * i + Row / 2 - 1;
            double sx = x0 + Pad;
            if (e.IsLine)
            {
                sb.Append("<path d=\"M").AppendNum(sx).Append(',').AppendNum(cy).Append('h').AppendNum(Swatch).Append("\" stroke=\"").Append(e.Color)
                  .Append("\" stroke-width=\"2\"");
                if (e.Dash is { Length: > 0 } d)
                    sb.Append(" stroke-dasharray=\"").Append(string.Join(",", d.Select(SvgText.Num))).Append('"');
                if (e.Opacity < 1) sb.Append(" stroke-opacity=\"").AppendNum(e.Opacity).Append('"');
                sb.Append("/>\n");
            }
            else
            {
                Markers.Write(sb, e.Shape, sx + Swatch / 2, cy, 4, e.Color, writeColor: true);
            }
            SvgRenderer.WriteText(sb, sx + Swatch + 4, cy + 4, e.Label, new TextStyle("#222222", FontSize));
        }
        sb.Append("</g>\n");
    }
}
