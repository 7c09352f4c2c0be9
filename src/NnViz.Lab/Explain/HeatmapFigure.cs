using NnViz.Plot;

namespace NnViz.Lab.Explain;

/// <summary>What a heatmap shows: values[r * columns + c] on a fixed scale [Min, Max], with labelled rows and columns.</summary>
public sealed record HeatmapData(string Title, string[] RowLabels, string[] ColumnLabels, double[] Values, double Min, double Max, string RowAxis, string ColumnAxis)
{
    /// <summary>Row 0 drawn at the bottom (prefix grids read upwards, as in seed 001's figures).</summary>
    public bool FirstRowAtBottom { get; init; } = true;
    public bool Numbers { get; init; } = true;
    public string Description { get; init; } = "";
    /// <summary>What the colour bar measures ("P(positive)", "activation").</summary>
    public string ScaleTitle { get; init; } = "value";
}

/// <summary>
/// A heatmap as a Plot figure (<see cref="HeatmapMark"/>) on a fixed diverging scale (ColorBrewer RdBu: red at Min,
/// white at the midpoint, blue at Max), so heatmaps of different records compare directly (seed 001: "the same 0-1
/// scale", white at 0.5). Column labels wrap onto up to four lines, so a column can be a whole sentence; the figure is
/// as wide as its columns need (14 to 130 px each) and as tall as its rows (<paramref name="cellHeight"/> px each).
/// </summary>
public static class HeatmapFigure
{
    public static Figure Of(HeatmapData h, double cellHeight = 22)
    {
        int rows = h.RowLabels.Length, cols = h.ColumnLabels.Length;
        if (h.Values.Length != rows * cols) throw new ArgumentException($"heatmap: {h.Values.Length} values for {rows} x {cols} cells");
        double cellWidth = Math.Clamp(720.0 / Math.Max(1, cols), 14, 130);
        double rowLabels = Math.Min(260, 10 + 6 * h.RowLabels.DefaultIfEmpty("").Max(s => s.Length));
        double width = Math.Max(440, 16 + 18 + rowLabels + cols * cellWidth);
        var mark = new HeatmapMark(h.Values, rows, cols, h.RowLabels, h.ColumnLabels, new ColorScale(ColorMap.RdBu, h.Min, h.Max, h.ScaleTitle))
        {
            ShowValues = h.Numbers, FirstRowAtBottom = h.FirstRowAtBottom, CellHeight = cellHeight, ColumnLabelLines = 4,
            RowTitle = h.RowAxis, ColumnTitle = h.ColumnAxis, CellTitles = true,
        };
        return Figure.Fitted(h.Title, new Panel([mark]), width, h.Description.Length > 0 ? h.Description : h.Title);
    }

    public static string Svg(HeatmapData h, double cellHeight = 22) => SvgRenderer.Render(Of(h, cellHeight));
}
