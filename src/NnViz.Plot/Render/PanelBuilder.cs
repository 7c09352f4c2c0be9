using ScottPlot;

namespace NnViz.Plot;

/// <summary>
/// Turns one <see cref="Panel"/> record into a ScottPlot <see cref="Plot"/>: font and greys from <see cref="Theme"/>,
/// title and axis labels, each mark's plottables in mark order (later on top), then the axis limits (fixed ranges
/// kept, otherwise ScottPlot's autoscale of the marks), equal units when asked, and the legend.
/// </summary>
internal static class PanelBuilder
{
    /// <param name="panel">what to draw.</param>
    /// <param name="area">the panel's cell in the figure, in canvas pixels (marks that lay themselves out in pixels need it).</param>
    public static ScottPlot.Plot Build(Panel panel, PixelRect area)
    {
        Theme.EnsureFont();
        var plot = new ScottPlot.Plot();
        // Not plot.Font.Set: it pins one regular typeface as ScottPlot's global default, which then wins over every
        // label's bold flag (and is shared state between threads). Each label names the font instead.
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        bool fills = panel.Marks.Any(m => m.FillsPanel);
        var draw = new PanelDraw(plot, panel, area);
        foreach (var mark in panel.Marks) mark.Draw(draw);
        if (fills) Frameless(plot);
        if (panel.Marks.Any(m => m.PixelLayout))
            plot.Layout.Fixed(new PixelPadding(TableMargin, TableMargin, TableMargin, TableTop(panel)));
        // Marks that fill the panel set their own limits (and layout); an autoscale here would pad them by ScottPlot's
        // margins (10 % wide, 15 % high), which shrank image grids to 1/1.1 of their room.
        else if (!fills) Axes(plot, panel);
        var title = plot.Axes.Title.Label;
        title.Text = panel.Title;
        title.FontName = Theme.Font;
        title.Font = null;
        title.FontSize = Theme.PanelTitleSize;
        title.Bold = true;
        title.ForeColor = Theme.Ink;
        Legend(plot, panel.Legend, draw.LegendRows);
        return plot;
    }

    private static void Axes(ScottPlot.Plot plot, Panel panel)
    {
        plot.Axes.Color(Theme.Axis);
        plot.Grid.MajorLineColor = Theme.Grid;
        plot.Grid.MinorLineWidth = 0;
        if (!panel.Grid) plot.HideGrid();
        foreach (var (axis, spec) in new (IAxis, Axis)[] { (plot.Axes.Bottom, panel.XAxis), (plot.Axes.Left, panel.YAxis) })
        {
            axis.Label.Text = spec.Label;
            axis.Label.FontName = axis.TickLabelStyle.FontName = Theme.Font;
            axis.Label.FontSize = Theme.AxisLabelSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = Theme.Ink;
            axis.TickLabelStyle.FontSize = Theme.TickSize;
            // Major ticks only: ScottPlot draws every minor tick as its own element even at zero length. Manual ticks
            // (category labels of a bar chart) are kept.
            if (axis.TickGenerator is ScottPlot.TickGenerators.NumericAutomatic)
                axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
                {
                    MinorTickGenerator = new NoMinorTicks(),
                    TargetTickCount = spec.TargetTicks > 0 ? spec.TargetTicks : null,
                };
        }
        plot.Axes.AutoScale();
        if (panel.XAxis.Range is { Span: > 0 } xr) plot.Axes.SetLimitsX(xr.Min, xr.Max);
        if (panel.YAxis.Range is { Span: > 0 } yr) plot.Axes.SetLimitsY(yr.Min, yr.Max);
        if (panel.EqualAspect) plot.Axes.SquareUnits();
    }

    /// <summary>Tables, grids and 3-D views draw in pixels over the whole panel below the title: unit limits, no axes.</summary>
    private static void Frameless(ScottPlot.Plot plot)
    {
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left, plot.Axes.Top, plot.Axes.Right })
        {
            if (axis.TickGenerator is not ScottPlot.TickGenerators.NumericManual) axis.IsVisible = false;
            axis.FrameLineStyle.Width = 0;
        }
        plot.HideGrid();
        if (!plot.Axes.LimitsHaveBeenSet) plot.Axes.SetLimits(0, 1, 0, 1);
    }

    private const float TableMargin = 8;

    /// <summary>The margin above a table: room for the panel title, or the plain margin.</summary>
    internal static float TableTop(Panel panel) => panel.Title.Length > 0 ? 28 : TableMargin;

    /// <summary>The cell height a table panel needs at <paramref name="width"/>: its title, the tallest self-sizing mark, the margins.</summary>
    internal static double FittedHeight(Panel panel, double width)
    {
        double areaWidth = Math.Max(10, width - 2 * TableMargin);
        var heights = panel.Marks.Where(m => m.FillsPanel).Select(m => m.ContentHeight(areaWidth)).OfType<double>().ToList();
        if (heights.Count == 0)
            throw new ArgumentException("Figure.Fitted needs a table mark that sizes itself (a HeatmapMark with CellHeight > 0, or a TokenStripMark)", nameof(panel));
        return TableTop(panel) + heights.Max() + TableMargin;
    }

    internal sealed class NoMinorTicks : IMinorTickGenerator
    {
        public IEnumerable<double> GetMinorTicks(double[] majorTicks, CoordinateRange visibleRange) => [];
    }

    private static void Legend(ScottPlot.Plot plot, LegendPosition where, List<LegendItem> rows)
    {
        plot.Legend.DisplayPlottableLegendItems = false;
        plot.Legend.ManualItems.AddRange(rows);
        if (where == LegendPosition.None || rows.Count == 0)
        {
            plot.HideLegend();
            return;
        }
        var legend = plot.ShowLegend(where switch
        {
            LegendPosition.TopLeft => Alignment.UpperLeft,
            LegendPosition.BottomLeft => Alignment.LowerLeft,
            LegendPosition.BottomRight => Alignment.LowerRight,
            _ => Alignment.UpperRight,
        });
        legend.FontName = Theme.Font;
        legend.FontSize = Theme.LegendSize;
        legend.FontColor = Theme.Ink;
        legend.OutlineColor = Color.FromHex("#bbbbbb");
        legend.BackgroundColor = Colors.White.WithAlpha(0.85);
        legend.ShadowColor = Colors.Transparent;
        legend.SymbolWidth = 22;
    }
}
