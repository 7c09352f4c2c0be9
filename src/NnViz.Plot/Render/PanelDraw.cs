using ScottPlot;

namespace NnViz.Plot;

/// <summary>
/// What a mark draws into: the panel's ScottPlot <see cref="Plot"/>, plus the shared ways NnVizRepro turns its line
/// styles into scatter lines (non-finite points break a line into pieces: a diverged model output leaves a gap).
/// </summary>
internal sealed class PanelDraw(ScottPlot.Plot plot, Panel panel, PixelRect area)
{
    public ScottPlot.Plot Plot { get; } = plot;
    public Panel Panel { get; } = panel;
    /// <summary>The panel's cell in the figure, in canvas pixels.</summary>
    public PixelRect Area { get; } = area;

    /// <summary>Legend rows in mark order (the panel's legend shows exactly these).</summary>
    public List<LegendItem> LegendRows { get; } = [];

    /// <summary>Where a colour bar goes, set by the marks that have one (contours on their bar's side, grids below).</summary>
    public void ColorBar(ScottPlot.IHasColorAxis source, string title, string? low, string? high, Edge edge)
    {
        var bar = Plot.Add.ColorBar(source, edge);
        // A bar on the right or left is labelled top to bottom (high end first), one below or above left to right (low end first).
        bar.Label = edge is Edge.Right or Edge.Left ? ColorBarLabel(title, high, low) : ColorBarLabel(title, low, high);
        bar.LabelStyle.FontName = Theme.Font;
        bar.LabelStyle.FontSize = Theme.LegendSize;
        bar.LabelStyle.ForeColor = Theme.Ink;
        bar.Axis.TickLabelStyle.FontName = Theme.Font;
        bar.Axis.TickLabelStyle.FontSize = 9;
        bar.Width = 10;
        if (bar.Axis.TickGenerator is ScottPlot.TickGenerators.NumericAutomatic ticks) ticks.MinorTickGenerator = new PanelBuilder.NoMinorTicks();
    }

    public static Edge EdgeOf(ColorBarSide side) => side switch
    {
        ColorBarSide.Left => Edge.Left,
        ColorBarSide.Bottom => Edge.Bottom,
        ColorBarSide.Top => Edge.Top,
        _ => Edge.Right,
    };

    /// <summary>"first ← title → last": the end words in reading order along the bar (they say what the two ends mean).
    /// Arrows the caller put in an end word ("← class A", the old bar's style) are dropped, so none is doubled.</summary>
    public static string ColorBarLabel(string title, string? first, string? last)
    {
        static string? Word(string? s) => s?.Trim('←', '→', ' ') is { Length: > 0 } w ? w : null;
        return (Word(first) is { } f ? f + " ← " : "") + title + (Word(last) is { } l ? " → " + l : "");
    }

    /// <summary>
    /// A ScottPlot heatmap of <paramref name="cells"/> (row 0 on top) over <paramref name="extent"/>, coloured by
    /// <paramref name="scale"/> on its fixed range, cells sharp: nearest-neighbour in PNG, and in SVG each cell repeated
    /// <paramref name="upscale"/> x <paramref name="upscale"/> times in the embedded image (marked pixelated too), so even a
    /// viewer that smooths images (librsvg) only softens the cells' outer edges.
    /// </summary>
    public ScottPlot.Plottables.Heatmap Heatmap(double[,] cells, CoordinateRect extent, ColorScale scale, Color nan, int upscale)
    {
        int k = Math.Max(1, upscale), rows = cells.GetLength(0), cols = cells.GetLength(1);
        var big = new double[rows * k, cols * k];
        for (int r = 0; r < rows * k; r++)
            for (int c = 0; c < cols * k; c++) big[r, c] = cells[r / k, c / k];
        var hm = Plot.Add.Heatmap(big);
        hm.Colormap = new ScottColormap(scale.Map);
        hm.ManualRange = new ScottPlot.Range(scale.Min, scale.Max);
        hm.NaNCellColor = nan;
        hm.Smooth = false;
        // ScottPlot reads an extent as the centres of the outer cells (its image is one cell wider and taller, shifted
        // by half a cell); give it the centres, so the image covers exactly the extent and cell edges land on whole pixels.
        double cw = extent.Width / (cols * k), ch = extent.Height / (rows * k);
        hm.Extent = new CoordinateRect(extent.Left + cw / 2, extent.Right - cw / 2, extent.Bottom + ch / 2, extent.Top - ch / 2);
        return hm;
    }

    /// <summary>Adds a polyline as scatter lines, one per finite run; the label goes on the first piece only.</summary>
    public void Line(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, LineStyle style, string? label)
    {
        int n = Math.Min(xs.Length, ys.Length), start = 0;
        bool labelled = false;
        for (int i = 0; i <= n; i++)
        {
            bool finite = i < n && double.IsFinite(xs[i]) && double.IsFinite(ys[i]);
            if (finite) continue;
            if (i - start >= 1)
            {
                var line = Plot.Add.ScatterLine(xs[start..i].ToArray(), ys[start..i].ToArray());
                Stroke(line, style);
                if (!labelled && label is not null)
                {
                    LegendRows.Add(PlottableBase.LineItem(label, Theme.Of(style.Color, style.Opacity), 2, Theme.Pattern(style.Dash)));
                    labelled = true;
                }
            }
            start = i + 1;
        }
    }

    public static void Stroke(ScottPlot.Plottables.Scatter line, LineStyle style)
    {
        line.LineWidth = (float)style.Width;
        line.Color = Theme.Of(style.Color, style.Opacity);
        line.LinePattern = Theme.Pattern(style.Dash);
        line.MarkerSize = 0;
        line.LineStyle.AntiAlias = true;
    }
}
