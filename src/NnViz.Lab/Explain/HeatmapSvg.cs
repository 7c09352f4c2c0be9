using System.Globalization;
using System.Text;
using NnViz.Plot;
using static NnViz.Lab.Explain.WordImpactSvg;

namespace NnViz.Lab.Explain;

/// <summary>What a heatmap shows: values[r * columns + c] on a fixed scale [Min, Max], with labelled rows and columns.</summary>
public sealed record HeatmapData(string Title, string[] RowLabels, string[] ColumnLabels, double[] Values, double Min, double Max, string RowAxis, string ColumnAxis)
{
    /// <summary>Row 0 drawn at the bottom (prefix grids read upwards, as in seed 001's figures).</summary>
    public bool FirstRowAtBottom { get; init; } = true;
    public bool Numbers { get; init; } = true;
    public string Description { get; init; } = "";
}

/// <summary>
/// A heatmap on a fixed diverging scale (ColorBrewer RdBu: red at Min, white at the midpoint, blue at Max), so
/// heatmaps of different records compare directly (seed 001: "the same 0-1 scale", white at 0.5). Column labels are
/// wrapped onto up to four lines, so a column can be a whole sentence; a colour bar shows the scale.
/// </summary>
public static class HeatmapSvg
{
    public static string Render(HeatmapData h, double cellWidth = 0, double cellHeight = 22)
    {
        int rows = h.RowLabels.Length, cols = h.ColumnLabels.Length;
        if (h.Values.Length != rows * cols) throw new ArgumentException($"heatmap: {h.Values.Length} values for {rows} x {cols} cells");
        double rowLabelWidth = Math.Min(260, 14 + 6.6 * h.RowLabels.DefaultIfEmpty("").Max(s => s.Length));
        double cw = cellWidth > 0 ? cellWidth : Math.Clamp(720.0 / Math.Max(1, cols), 14, 130);
        int wrap = Math.Max(3, (int)(cw / 6.2));
        var colLines = h.ColumnLabels.Select(l => Wrap(l, wrap, 4)).ToArray();
        int labelLines = colLines.Select(l => l.Count).DefaultIfEmpty(1).Max();
        double top = 40, left = rowLabelWidth + 28;
        double gridW = cols * cw, gridH = rows * cellHeight;
        double width = left + gridW + 90, height = top + gridH + 16 + labelLines * 12 + 30;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Num(width)}\" height=\"{Num(height)}\" viewBox=\"0 0 {Num(width)} {Num(height)}\" role=\"img\" aria-labelledby=\"hm-title hm-desc\">\n");
        sb.Append("<title id=\"hm-title\">").Append(Esc(h.Title)).Append("</title>\n<desc id=\"hm-desc\">").Append(Esc(h.Description.Length > 0 ? h.Description : h.Title)).Append("</desc>\n");
        sb.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(width / 2)}\" y=\"22\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"15\" font-weight=\"bold\" fill=\"#111111\">{Esc(h.Title)}</text>\n");
        for (int r = 0; r < rows; r++)
        {
            double y = top + (h.FirstRowAtBottom ? rows - 1 - r : r) * cellHeight;
            if (cellHeight >= 11 || r % 8 == 0)
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(left - 6)}\" y=\"{Num(y + cellHeight / 2 + 4)}\" text-anchor=\"end\" font-family=\"sans-serif\" font-size=\"{(cellHeight >= 11 ? 11 : 9)}\" fill=\"#222222\">{Esc(Short(h.RowLabels[r], 40))}</text>\n");
            for (int c = 0; c < cols; c++)
            {
                double v = h.Values[r * cols + c];
                double t = (v - h.Min) / (h.Max - h.Min);
                var color = ColorMap.RdBu.At(t);
                double x = left + c * cw;
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Num(x)}\" y=\"{Num(y)}\" width=\"{Num(cw)}\" height=\"{Num(cellHeight)}\" fill=\"{color.Hex}\" stroke=\"#ffffff\" stroke-width=\"0.5\"><title>{Esc(h.RowLabels[r])} | {Esc(h.ColumnLabels[c])}: {v.ToString("0.000", CultureInfo.InvariantCulture)}</title></rect>\n");
                if (h.Numbers && cw >= 28)
                    sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(x + cw / 2)}\" y=\"{Num(y + cellHeight / 2 + 4)}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"10\" fill=\"{(Math.Abs(t - 0.5) > 0.3 ? "#ffffff" : "#111111")}\">{v.ToString("0.00", CultureInfo.InvariantCulture)}</text>\n");
            }
        }
        for (int c = 0; c < cols; c++)
            for (int k = 0; k < colLines[c].Count; k++)
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(left + c * cw + 2)}\" y=\"{Num(top + gridH + 14 + k * 12)}\" font-family=\"sans-serif\" font-size=\"10\" fill=\"#222222\">{Esc(colLines[c][k])}</text>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(left + gridW / 2)}\" y=\"{Num(height - 8)}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#444444\">{Esc(h.ColumnAxis)}</text>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(14 {Num(top + gridH / 2)}) rotate(-90)\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#444444\">{Esc(h.RowAxis)}</text>\n");
        ColourBar(sb, left + gridW + 24, top, Math.Max(80, Math.Min(gridH, 200)), h.Min, h.Max);
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static void ColourBar(StringBuilder sb, double x, double y, double height, double min, double max)
    {
        const int steps = 20;
        for (int i = 0; i < steps; i++)
        {
            double t = 1 - (i + 0.5) / steps;
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Num(x)}\" y=\"{Num(y + i * height / steps)}\" width=\"14\" height=\"{Num(height / steps + 0.3)}\" fill=\"{ColorMap.RdBu.At(t).Hex}\"/>\n");
        }
        foreach (var (t, label) in new[] { (1.0, max), (0.5, (min + max) / 2), (0.0, min) })
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(x + 18)}\" y=\"{Num(y + (1 - t) * height + 4)}\" font-family=\"sans-serif\" font-size=\"10\" fill=\"#222222\">{label.ToString("0.##", CultureInfo.InvariantCulture)}</text>\n");
    }

    public static List<string> Wrap(string text, int width, int maxLines)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var w in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + w.Length > width) { lines.Add(line.ToString()); line.Clear(); }
            if (line.Length > 0) line.Append(' ');
            line.Append(w);
        }
        if (line.Length > 0) lines.Add(line.ToString());
        if (lines.Count > maxLines) { lines = lines.Take(maxLines).ToList(); lines[^1] = Short(lines[^1], Math.Max(2, width - 1)) + "…"; }
        return lines.Select(l => Short(l, width)).ToList();
    }

    private static string Short(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
