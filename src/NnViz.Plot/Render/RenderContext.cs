using System.Text;

namespace NnViz.Plot;

/// <summary>Where a mark draws: the output, the panel's scales and its plot rectangle in pixels.</summary>
internal sealed class RenderContext(StringBuilder sb, LinearScale x, LinearScale y, PlotArea area)
{
    public StringBuilder Sb { get; } = sb;
    public LinearScale X { get; } = x;
    public LinearScale Y { get; } = y;
    public PlotArea Area { get; } = area;

    /// <summary>Opens a group carrying the mark's key (if any) so players can find it.</summary>
    public void OpenGroup(Mark mark, string cssClass)
    {
        Sb.Append("<g class=\"").Append(cssClass).Append('"');
        if (mark.Key is { } key) Sb.Append(" data-key=\"").Append(SvgText.Escape(key)).Append('"');
        Sb.Append(">\n");
    }

    public void CloseGroup() => Sb.Append("</g>\n");

    /// <summary>Stroke attributes of a line style (leading space included).</summary>
    public void StrokeAttributes(LineStyle s)
    {
        Sb.Append(" fill=\"none\" stroke=\"").Append(s.Color).Append("\" stroke-width=\"").AppendNum(s.Width).Append('"');
        if (s.Dash is { Length: > 0 } dash)
        {
            Sb.Append(" stroke-dasharray=\"");
            for (int i = 0; i < dash.Length; i++) (i > 0 ? Sb.Append(',') : Sb).AppendNum(dash[i]);
            Sb.Append('"');
        }
        if (s.Opacity < 1) Sb.Append(" stroke-opacity=\"").AppendNum(s.Opacity).Append('"');
        Sb.Append(" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
    }

    /// <summary>
    /// Writes a polyline as one path; non-finite points break it into pieces (a model output that diverged
    /// leaves a gap rather than a spike).
    /// </summary>
    public void Path(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, LineStyle style)
    {
        int n = Math.Min(xs.Length, ys.Length);
        if (n < 2) return;
        Sb.Append("<path d=\"");
        bool pen = false;
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(xs[i]) || !double.IsFinite(ys[i])) { pen = false; continue; }
            Sb.Append(pen ? 'L' : 'M').AppendNum(X.Map(xs[i])).Append(',').AppendNum(Y.Map(ys[i]));
            pen = true;
        }
        Sb.Append('"');
        StrokeAttributes(style);
        Sb.Append("/>\n");
    }
}

/// <summary>A rectangle in pixels.</summary>
public readonly record struct PlotArea(double Left, double Top, double Width, double Height)
{
    public double Right => Left + Width;
    public double Bottom => Top + Height;
}
