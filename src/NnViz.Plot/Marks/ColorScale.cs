using System.Text;

namespace NnViz.Plot;

/// <summary>
/// What the colours of a heatmap or image grid mean: a colour map on a fixed value range, with a title and
/// optional words for the two ends ("negative weight" ... "positive weight"). Drawn as a horizontal bar.
/// </summary>
public sealed record ColorScale(ColorMap Map, double Min, double Max, string Title, string? LowLabel = null, string? HighLabel = null)
{
    /// <summary>A scale symmetric around 0 (diverging maps: white means 0).</summary>
    public static ColorScale Symmetric(ColorMap map, double absMax, string title, string? low = null, string? high = null) =>
        new(map, -absMax, absMax, title, low, high);

    public Rgb ColorOf(double v) => Map.At(v, Min, Max);

    /// <summary>Height in pixels the bar needs (title, bar, tick labels, end words).</summary>
    internal double Height => 14 + 10 + 13 + (LowLabel ?? HighLabel) switch { null => 0, _ => 12 };

    /// <summary>Draws the bar with its top-left at (x, y), <paramref name="width"/> wide; 48 flat steps, no gradient ids.</summary>
    internal void Render(StringBuilder sb, double x, double y, double width)
    {
        const int steps = 48;
        sb.Append("<g class=\"colorscale\">\n");
        SvgRenderer.WriteText(sb, x + width / 2, y + 10, Title, new TextStyle("#111111", 11, TextAnchor.Middle));
        double by = y + 14, step = width / steps;
        for (int i = 0; i < steps; i++)
            sb.Append("<rect x=\"").AppendNum(x + i * step).Append("\" y=\"").AppendNum(by).Append("\" width=\"").AppendNum(step + 0.3)
              .Append("\" height=\"10\" fill=\"").Append(Map.At((i + 0.5) / steps).Hex).Append("\"/>\n");
        sb.Append("<rect x=\"").AppendNum(x).Append("\" y=\"").AppendNum(by).Append("\" width=\"").AppendNum(width)
          .Append("\" height=\"10\" fill=\"none\" stroke=\"#333333\" stroke-width=\"0.5\"/>\n");
        var ticks = NiceTicks.Tight(new DataRange(Min, Max), 5);
        var style = new TextStyle("#333333", 9, TextAnchor.Middle);
        foreach (double v in ticks.Values)
            SvgRenderer.WriteText(sb, x + (v - Min) / (Max - Min) * width, by + 20, ticks.Label(v), style);
        if (LowLabel is not null) SvgRenderer.WriteText(sb, x, by + 32, LowLabel, new TextStyle("#333333", 10));
        if (HighLabel is not null) SvgRenderer.WriteText(sb, x + width, by + 32, HighLabel, new TextStyle("#333333", 10, TextAnchor.End));
        sb.Append("</g>\n");
    }
}
