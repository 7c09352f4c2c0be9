using System.Text;

namespace NnViz.Plot;

/// <summary>
/// Renders a <see cref="Figure"/> to SVG text: a pure function with no I/O. The same figure gives the same
/// bytes (invariant culture, 2-decimal coordinates, elements in mark order, ids derived from the title).
/// Steps, in order: header with &lt;title&gt;/&lt;desc&gt;, background, figure title, then each panel in the grid.
/// </summary>
public static class SvgRenderer
{
    public const string FontFamily = "DejaVu Sans, Verdana, Arial, sans-serif";
    private const double TitleHeight = 30;

    public static string Render(Figure figure)
    {
        var sb = new StringBuilder(4096);
        string id = IdPrefix(figure.Title);
        double w = figure.Width, h = figure.Height;
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").AppendNum(w).Append("\" height=\"").AppendNum(h)
          .Append("\" viewBox=\"0 0 ").AppendNum(w).Append(' ').AppendNum(h)
          .Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-title ").Append(id).Append("-desc\" font-family=\"")
          .Append(FontFamily).Append("\">\n");
        sb.Append("<title id=\"").Append(id).Append("-title\">").Append(SvgText.Escape(figure.Title)).Append("</title>\n");
        sb.Append("<desc id=\"").Append(id).Append("-desc\">").Append(SvgText.Escape(figure.Description ?? Describe(figure))).Append("</desc>\n");
        sb.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");

        double top = 0;
        if (figure.Title.Length > 0)
        {
            WriteText(sb, w / 2, 21, figure.Title, new TextStyle("#111111", TitleSize(figure.Title, w), TextAnchor.Middle, Bold: true));
            top = TitleHeight;
        }
        var (cols, rows) = Grid(figure.Panels.Count, figure.Columns);
        double cw = w / cols, ch = (h - top) / rows;
        for (int i = 0; i < figure.Panels.Count; i++)
        {
            var cell = new PlotArea(i % cols * cw, top + i / cols * ch, cw, ch);
            PanelRenderer.Render(sb, figure.Panels[i], cell, $"{id}-p{i}");
        }
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    /// <summary>The height of a one-panel figure <paramref name="width"/> wide whose table marks size themselves.</summary>
    internal static double FittedHeight(string title, Panel panel, double width) =>
        (title.Length > 0 ? TitleHeight : 0) + PanelRenderer.FittedHeight(panel, width);

    /// <summary>
    /// 16 px, or smaller (down to 9 px) when the title would not fit the figure's width: without font metrics the width
    /// is estimated at 0.62 x size per character (bold), so a long title shrinks instead of being clipped at both ends.
    /// </summary>
    public static double TitleSize(string title, double width)
    {
        double fit = (width - 16) / (0.62 * Math.Max(1, title.Length));
        return Math.Round(Math.Clamp(fit, 9, 16), 1);
    }

    /// <summary>Columns x rows of the small-multiple grid; columns = 0 picks ceil(sqrt(n)).</summary>
    public static (int Columns, int Rows) Grid(int panels, int columns)
    {
        int n = Math.Max(1, panels);
        int cols = columns > 0 ? Math.Min(columns, n) : (int)Math.Ceiling(Math.Sqrt(n));
        return (cols, (n + cols - 1) / cols);
    }

    internal static void WriteText(StringBuilder sb, double x, double y, string text, TextStyle style, double rotate = 0)
    {
        sb.Append("<text x=\"").AppendNum(x).Append("\" y=\"").AppendNum(y).Append('"');
        if (style.Anchor != TextAnchor.Start) sb.Append(" text-anchor=\"").Append(SvgText.Anchor(style.Anchor)).Append('"');
        sb.Append(" font-size=\"").AppendNum(style.Size).Append("\" fill=\"").Append(style.Color).Append('"');
        if (style.Bold) sb.Append(" font-weight=\"bold\"");
        if (rotate != 0)
            sb.Append(" transform=\"rotate(").AppendNum(rotate).Append(' ').AppendNum(x).Append(' ').AppendNum(y).Append(")\"");
        sb.Append('>').Append(SvgText.Escape(text)).Append("</text>\n");
    }

    /// <summary>A stable id prefix from the title (FNV-1a), so several SVGs inlined in one page do not share clip ids.</summary>
    internal static string IdPrefix(string title)
    {
        uint hash = 2166136261;
        foreach (char c in title) hash = (hash ^ c) * 16777619;
        return $"nv{hash:x8}";
    }

    /// <summary>A plain-language summary for screen readers when the figure has no description of its own.</summary>
    private static string Describe(Figure f)
    {
        var parts = f.Panels.Select(p =>
        {
            string kinds = string.Join(", ", p.Marks.GroupBy(m => m.GetType().Name.Replace("Mark", "").ToLowerInvariant())
                .Select(g => $"{g.Count()} {g.Key}"));
            string axes = $"x: {Or(p.XAxis.Label)}, y: {Or(p.YAxis.Label)}";
            return $"{Or(p.Title)} ({axes}; {kinds})";
        });
        return $"{f.Panels.Count} panel(s): " + string.Join("; ", parts);
    }

    private static string Or(string s) => s.Length > 0 ? s : "untitled";
}
