using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace NnViz.Plot;

/// <summary>
/// Renders a <see cref="Figure"/> to SVG text with ScottPlot (through Skia's SVG canvas): a pure function with no I/O.
/// Text stays text, points and lines stay shapes; images (heatmaps, weight tiles) are embedded PNGs marked
/// <c>image-rendering: pixelated</c> so no viewer blurs their cells. The document gets a &lt;title&gt; and a
/// &lt;desc&gt; for screen readers, and its ids are prefixed from the title so several SVGs inlined in one page
/// never share a clip path. Same figure, same bytes.
/// </summary>
public static partial class SvgRenderer
{
    public const string FontFamily = Theme.Font;

    public static string Render(Figure figure)
    {
        lock (FigureRenderer.SkiaGate) return RenderLocked(figure);
    }

    private static string RenderLocked(Figure figure)
    {
        var (w, h) = FigureRenderer.Size(figure);
        string xml;
        var placed = SvgOverlay.Begin();
        try
        {
            using (var stream = new MemoryStream())
            {
                using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, w, h), stream))
                    FigureRenderer.Draw(canvas, figure);
                xml = Encoding.UTF8.GetString(stream.ToArray());
            }
            return Finish(xml, figure, w, h, placed);
        }
        finally { SvgOverlay.End(); }
    }

    /// <summary>The height of a one-panel figure <paramref name="width"/> wide whose table marks size themselves.</summary>
    internal static double FittedHeight(string title, Panel panel, double width) =>
        (title.Length > 0 ? FigureRenderer.TitleHeight : 0) + PanelBuilder.FittedHeight(panel, width);

    /// <summary>
    /// Adds the accessible header, prefixes ids, marks images pixelated (the SVG canvas writes none of these), puts in
    /// the fragments custom plottables wrote themselves, and drops any character XML cannot hold.
    /// </summary>
    private static string Finish(string xml, Figure figure, int w, int h, IReadOnlyList<string> placed)
    {
        string id = IdPrefix(figure.Title);
        xml = SvgCompact.Apply(xml.Replace("\r\n", "\n"));
        // Skia numbers clip paths and images with a counter shared by every SVG the process writes; renumber them per
        // document (in order of first use) so the bytes do not depend on what was drawn before.
        var ids = new Dictionary<string, string>();
        xml = IdRef().Replace(xml, m =>
        {
            string old = m.Groups[2].Value;
            if (!ids.TryGetValue(old, out var fresh)) ids[old] = fresh = $"{id}-{m.Groups[3].Value}{ids.Count}";
            return m.Groups[1].Value + fresh;
        });
        xml = xml.Replace("<image ", "<image style=\"image-rendering:pixelated\" ", StringComparison.Ordinal);
        xml = SvgText.Clean(SvgOverlay.Apply(xml, placed));
        int open = xml.IndexOf("<svg", StringComparison.Ordinal);
        int end = open < 0 ? -1 : xml.IndexOf('>', open);
        if (end < 0) throw new InvalidOperationException("Skia's SVG canvas wrote no <svg> element");
        var head = new StringBuilder();
        head.Append($" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{FontFamily}\">\n");
        head.Append($"<title id=\"{id}-title\">{Escape(figure.Title)}</title>\n");
        head.Append($"<desc id=\"{id}-desc\">{Escape(figure.Description ?? Describe(figure))}</desc>");
        return xml[open..end] + head + xml[(end + 1)..];
    }

    [GeneratedRegex("(id=\"|url\\(#|href=\"#)(([a-z]+)_[0-9a-f]+)\\b")]
    private static partial Regex IdRef();

    /// <summary>
    /// 16 px, or smaller (down to 9 px, in half-pixel steps) when the title, measured in the pinned bold font, would
    /// not fit the figure's width less 16 px: a long title shrinks instead of being clipped at both ends.
    /// </summary>
    public static double TitleSize(string title, double width)
    {
        for (double size = 16; size > 9; size -= 0.5)
            if (FigureRenderer.MeasureTitle(title, (float)size) <= width - 16) return size;
        return 9;
    }

    /// <summary>Columns x rows of the small-multiple grid; columns = 0 picks ceil(sqrt(n)).</summary>
    public static (int Columns, int Rows) Grid(int panels, int columns)
    {
        int n = Math.Max(1, panels);
        int cols = columns > 0 ? Math.Min(columns, n) : (int)Math.Ceiling(Math.Sqrt(n));
        return (cols, (n + cols - 1) / cols);
    }

    /// <summary>A stable id prefix from the title (FNV-1a), so several SVGs inlined in one page do not share clip ids.</summary>
    internal static string IdPrefix(string title)
    {
        uint hash = 2166136261;
        foreach (char c in title) hash = (hash ^ c) * 16777619;
        return $"nv{hash:x8}";
    }

    internal static string Escape(string s) =>
        SvgText.Clean(s).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

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
