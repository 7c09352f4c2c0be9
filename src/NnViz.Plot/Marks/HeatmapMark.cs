namespace NnViz.Plot;

/// <summary>
/// A table of coloured cells, <c>Values[r * Columns + c]</c>, with row and column labels (long ones wrapped) and a
/// labelled colour bar. For probabilities use <see cref="Probability"/>: RdBu on a fixed 0..1 scale, so white is
/// exactly 0.5 and colours mean the same in every figure (the occlusion heatmap of title x abstract prefixes).
/// Drawn by a custom plottable (<see cref="TableCanvas"/>) as one rectangle per cell, so cells stay sharp in every
/// viewer and each can carry a tooltip; the numbers (<see cref="ShowValues"/>) are written only when a cell is large
/// enough. Fills its panel; NaN cells are grey.
/// </summary>
public sealed record HeatmapMark(double[] Values, int Rows, int Columns, IReadOnlyList<string> RowLabels,
    IReadOnlyList<string> ColumnLabels, ColorScale Scale) : Mark
{
    private const double Font = 10, Line = 12;

    public bool ShowValues { get; init; }
    public int Decimals { get; init; } = 2;

    /// <summary>Row 0 at the bottom, so prefix grids read upwards (row r+1 extends row r).</summary>
    public bool FirstRowAtBottom { get; init; }

    /// <summary>Fixed cell height in pixels; 0 = the rows share the panel. With it, <see cref="Figure.Fitted"/> sizes the figure.</summary>
    public double CellHeight { get; init; }

    /// <summary>Lines a column label may wrap onto (the last one ends in "…" when cut).</summary>
    public int ColumnLabelLines { get; init; } = 3;

    /// <summary>What the rows are (written rotated left of the row labels), and what the columns are (above the column labels).</summary>
    public string RowTitle { get; init; } = "";
    public string ColumnTitle { get; init; } = "";

    /// <summary>Each cell carries a tooltip "row | column: value" (seen when the SVG is opened on its own).</summary>
    public bool CellTitles { get; init; }

    public static ColorScale Probability(string title, string? low = null, string? high = null) =>
        new(ColorMap.RdBu, 0, 1, title, low, high);

    internal override bool FillsPanel => true;
    internal override bool PixelLayout => true;

    internal override void Draw(PanelDraw draw) => draw.Plot.Add.Plottable(new TableCanvas.Plottable(Render));

    private readonly record struct Layout(double RowLabelW, double CellW, double CellH, double Gx, double Gy, IReadOnlyList<IReadOnlyList<string>> Headers);

    private double RowTitleW => RowTitle.Length > 0 ? 18 : 0;
    private double ColumnTitleH => ColumnTitle.Length > 0 ? 16 : 0;

    private Layout LayoutIn(PlotArea a)
    {
        double rowLabelW = Math.Min((a.Width - RowTitleW) * 0.35, RowLabels.DefaultIfEmpty("").Max(l => l.Length) * Font * TextWrap.CharWidth + 10);
        double cellW = (a.Width - RowTitleW - rowLabelW) / Math.Max(1, Columns);
        var headers = ColumnLabels.Select(l => TextWrap.Wrap(l, (int)(cellW / (Font * TextWrap.CharWidth)), ColumnLabelLines)).ToList();
        double headerH = ColumnTitleH + headers.DefaultIfEmpty([]).Max(h => h.Count) * Line + 4;
        double cellH = CellHeight > 0 ? CellHeight : Math.Max(4, (a.Height - headerH - ScaleBar.Height(Scale) - 10) / Math.Max(1, Rows));
        return new Layout(rowLabelW, cellW, cellH, a.Left + RowTitleW + rowLabelW, a.Top + headerH, headers);
    }

    /// <summary>With a fixed <see cref="CellHeight"/>: the height the table needs in a panel <paramref name="width"/> wide.</summary>
    internal override double? ContentHeight(double width)
    {
        if (CellHeight <= 0) return null;
        var l = LayoutIn(new PlotArea(0, 0, width, 0));
        return l.Gy + Rows * CellHeight + 10 + ScaleBar.Height(Scale);
    }

    private void Render(TableCanvas canvas, PlotArea a)
    {
        var l = LayoutIn(a);
        canvas.OpenGroup("heatmap");
        Labels(canvas, a, l);
        Cells(canvas, l);
        double barW = Math.Min(260, a.Width - RowTitleW - l.RowLabelW);
        ScaleBar.Draw(canvas, Scale, l.Gx + (a.Width - RowTitleW - l.RowLabelW - barW) / 2, l.Gy + Rows * l.CellH + 10, barW);
        canvas.CloseGroup();
    }

    private double RowTop(int r, Layout l) => l.Gy + (FirstRowAtBottom ? Rows - 1 - r : r) * l.CellH;

    private void Labels(TableCanvas canvas, PlotArea a, Layout l)
    {
        var label = new TextStyle("#222222", Font, TextAnchor.Middle);
        var title = new TextStyle("#444444", 12, TextAnchor.Middle);
        if (ColumnTitle.Length > 0) canvas.Text(l.Gx + Columns * l.CellW / 2, a.Top + 11, ColumnTitle, title);
        if (RowTitle.Length > 0) canvas.Text(a.Left + 12, l.Gy + Rows * l.CellH / 2, RowTitle, title, rotate: -90);
        for (int c = 0; c < Math.Min(Columns, l.Headers.Count); c++)
            for (int k = 0; k < l.Headers[c].Count; k++)
                canvas.Text(l.Gx + (c + 0.5) * l.CellW, l.Gy - 4 - (l.Headers[c].Count - 1 - k) * Line, l.Headers[c][k], label);
        int rowChars = (int)((l.RowLabelW - 8) / (Font * TextWrap.CharWidth));
        int rowLines = Math.Max(1, Math.Min(2, (int)(l.CellH / Line)));
        int every = l.CellH >= Line ? 1 : (int)Math.Ceiling(Line / l.CellH); // short rows: label every k-th, never overlapping
        for (int r = 0; r < Math.Min(Rows, RowLabels.Count); r += every)
        {
            var lines = TextWrap.Wrap(RowLabels[r], rowChars, rowLines);
            double top = RowTop(r, l) + l.CellH / 2 - (lines.Count - 1) * Line / 2 + 3.5;
            for (int k = 0; k < lines.Count; k++)
                canvas.Text(l.Gx - 6, top + k * Line, lines[k], label with { Anchor = TextAnchor.End });
        }
    }

    private void Cells(TableCanvas canvas, Layout l)
    {
        bool numbers = ShowValues && l.CellW >= Decimals * 7 + 14 && l.CellH >= 11;
        double valueFont = Math.Min(11, l.CellH * 0.6);
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Columns; c++)
            {
                double v = Values[r * Columns + c];
                Rgb color = double.IsFinite(v) ? Scale.ColorOf(v) : new Rgb(200, 200, 200);
                double x = l.Gx + c * l.CellW, y = RowTop(r, l);
                string? tip = CellTitles ? $"{Label(RowLabels, r)} | {Label(ColumnLabels, c)}: {SvgText.Fixed(v, 3)}" : null;
                canvas.Rect(x, y, l.CellW, l.CellH, color.Hex, stroke: "#ffffff", strokeWidth: 0.5, tooltip: tip);
                if (numbers && double.IsFinite(v))
                    canvas.Text(x + l.CellW / 2, y + l.CellH / 2 + valueFont * 0.35, SvgText.Fixed(v, Decimals),
                        new TextStyle(Luminance(color) < 0.45 ? "#ffffff" : "#111111", valueFont, TextAnchor.Middle));
            }
    }

    private static string Label(IReadOnlyList<string> labels, int i) => i < labels.Count ? labels[i] : "";

    /// <summary>Relative luminance (sRGB weights, no gamma: good enough to choose black or white text).</summary>
    internal static double Luminance(Rgb c) => (0.2126 * c.R + 0.7152 * c.G + 0.0722 * c.B) / 255;
}

/// <summary>A heatmap's horizontal colour bar under its cells: title above, 48 flat steps, five ticks, the end words below.</summary>
internal static class ScaleBar
{
    /// <summary>Height in pixels the bar needs (title, bar, tick labels, end words).</summary>
    public static double Height(ColorScale s) => 14 + 10 + 13 + (s.LowLabel ?? s.HighLabel) switch { null => 0, _ => 12 };

    /// <summary>Draws the bar of <paramref name="s"/> with its top-left at (x, y), <paramref name="width"/> wide.</summary>
    public static void Draw(TableCanvas canvas, ColorScale s, double x, double y, double width)
    {
        const int steps = 48, ticks = 5;
        canvas.OpenGroup("colorscale");
        canvas.Text(x + width / 2, y + 10, s.Title, new TextStyle("#111111", 11, TextAnchor.Middle));
        double by = y + 14, step = width / steps;
        for (int i = 0; i < steps; i++) canvas.Rect(x + i * step, by, step + 0.3, 10, s.Map.At((i + 0.5) / steps).Hex);
        canvas.Rect(x, by, width, 10, "none", stroke: "#333333", strokeWidth: 0.5);
        var style = new TextStyle("#333333", 9, TextAnchor.Middle);
        for (int t = 0; t < ticks; t++)
        {
            double v = s.Min + (s.Max - s.Min) * t / (ticks - 1);
            canvas.Text(x + width * t / (ticks - 1), by + 20, (Math.Round(v, 3) + 0.0).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), style);
        }
        if (s.LowLabel is not null) canvas.Text(x, by + 32, s.LowLabel, new TextStyle("#333333", 10));
        if (s.HighLabel is not null) canvas.Text(x + width, by + 32, s.HighLabel, new TextStyle("#333333", 10, TextAnchor.End));
        canvas.CloseGroup();
    }
}
