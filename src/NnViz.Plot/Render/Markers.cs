using System.Text;

namespace NnViz.Plot;

/// <summary>Writes one point marker centred on (x, y) pixels.</summary>
internal static class Markers
{
    public static void Write(StringBuilder sb, MarkerShape shape, double x, double y, double r, string color, bool writeColor)
    {
        switch (shape)
        {
            case MarkerShape.Circle:
                sb.Append("<circle cx=\"").AppendNum(x).Append("\" cy=\"").AppendNum(y).Append("\" r=\"").AppendNum(r).Append('"');
                break;
            case MarkerShape.Square:
                sb.Append("<rect x=\"").AppendNum(x - r).Append("\" y=\"").AppendNum(y - r)
                  .Append("\" width=\"").AppendNum(2 * r).Append("\" height=\"").AppendNum(2 * r).Append('"');
                break;
            case MarkerShape.Diamond:
                sb.Append("<path d=\"M").AppendNum(x).Append(',').AppendNum(y - r * 1.3).Append('L').AppendNum(x + r * 1.3).Append(',').AppendNum(y)
                  .Append('L').AppendNum(x).Append(',').AppendNum(y + r * 1.3).Append('L').AppendNum(x - r * 1.3).Append(',').AppendNum(y).Append("Z\"");
                break;
            case MarkerShape.TriangleUp:
                sb.Append("<path d=\"M").AppendNum(x).Append(',').AppendNum(y - r * 1.3).Append('L').AppendNum(x + r * 1.15).Append(',').AppendNum(y + r * 0.75)
                  .Append('L').AppendNum(x - r * 1.15).Append(',').AppendNum(y + r * 0.75).Append("Z\"");
                break;
            case MarkerShape.Cross:
                // An x drawn with strokes: visible on top of any fill colour, the convention for "wrong".
                sb.Append("<path d=\"M").AppendNum(x - r).Append(',').AppendNum(y - r).Append('L').AppendNum(x + r).Append(',').AppendNum(y + r)
                  .Append('M').AppendNum(x - r).Append(',').AppendNum(y + r).Append('L').AppendNum(x + r).Append(',').AppendNum(y - r)
                  .Append("\" fill=\"none\" stroke=\"").Append(color).Append("\" stroke-width=\"").AppendNum(Math.Max(1.5, r * 0.6)).Append("\"/>\n");
                return;
        }
        if (writeColor) sb.Append(" fill=\"").Append(color).Append('"');
        sb.Append("/>\n");
    }
}
