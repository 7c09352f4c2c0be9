using System.Text;

namespace NnViz.Plot;

/// <summary>Draws one panel in its grid cell: layout, grid and axes, clipped marks, legend (in that order).</summary>
internal static class PanelRenderer
{
    private const string AxisColor = "#333333", GridColor = "#e6e6e6";

    public static void Render(StringBuilder sb, Panel panel, PlotArea cell, string id)
    {
        if (panel.Marks.Any(m => m.FillsPanel))
        {
            RenderWithoutAxes(sb, panel, cell, id);
            return;
        }
        var area = PlotAreaIn(cell, panel);
        var (xRange, yRange, xTicks, yTicks) = Ranges(panel, area);
        var x = new LinearScale(xRange, area.Left, area.Right);
        var y = new LinearScale(yRange, area.Bottom, area.Top);

        sb.Append("<g class=\"panel\" id=\"").Append(id).Append("\">\n");
        if (panel.Title.Length > 0)
            SvgRenderer.WriteText(sb, area.Left + area.Width / 2, cell.Top + 17, panel.Title, new TextStyle("#111111", 13, TextAnchor.Middle, Bold: true));
        Frame(sb, panel, area, x, y, xTicks, yTicks);

        sb.Append("<clipPath id=\"").Append(id).Append("-clip\"><rect x=\"").AppendNum(area.Left).Append("\" y=\"").AppendNum(area.Top)
          .Append("\" width=\"").AppendNum(area.Width).Append("\" height=\"").AppendNum(area.Height).Append("\"/></clipPath>\n");
        sb.Append("<g clip-path=\"url(#").Append(id).Append("-clip)\">\n");
        var ctx = new RenderContext(sb, x, y, area);
        foreach (var mark in panel.Marks) mark.Render(ctx);
        sb.Append("</g>\n");

        if (panel.Legend != LegendPosition.None)
            LegendRenderer.Render(sb, panel.Marks.SelectMany(m => m.LegendEntries()).ToList(), area, panel.Legend);
        sb.Append("</g>\n");
    }

    /// <summary>
    /// Tables and image grids (heatmaps, token strips, neuron weights) have no data axes: they get the whole cell
    /// below the title and lay themselves out (the unit scales map [0, 1] onto that area).
    /// </summary>
    private static void RenderWithoutAxes(StringBuilder sb, Panel panel, PlotArea cell, string id)
    {
        double top = TableTop(panel);
        var area = new PlotArea(cell.Left + 8, cell.Top + top, Math.Max(10, cell.Width - 16), Math.Max(10, cell.Height - top - 8));
        sb.Append("<g class=\"panel\" id=\"").Append(id).Append("\">\n");
        if (panel.Title.Length > 0)
            SvgRenderer.WriteText(sb, area.Left + area.Width / 2, cell.Top + 17, panel.Title, new TextStyle("#111111", 13, TextAnchor.Middle, Bold: true));
        var unit = new DataRange(0, 1);
        var ctx = new RenderContext(sb, new LinearScale(unit, area.Left, area.Right), new LinearScale(unit, area.Bottom, area.Top), area);
        foreach (var mark in panel.Marks) mark.Render(ctx);
        sb.Append("</g>\n");
    }

    private static double TableTop(Panel panel) => panel.Title.Length > 0 ? 28 : 8;

    /// <summary>The cell height a table panel needs at <paramref name="width"/>: its title, the tallest self-sizing mark, the margins.</summary>
    internal static double FittedHeight(Panel panel, double width)
    {
        double areaWidth = Math.Max(10, width - 16);
        var heights = panel.Marks.Where(m => m.FillsPanel).Select(m => m.ContentHeight(areaWidth)).OfType<double>().ToList();
        if (heights.Count == 0)
            throw new ArgumentException("Figure.Fitted needs a table mark that sizes itself (a HeatmapMark with CellHeight > 0, or a TokenStripMark)", nameof(panel));
        return TableTop(panel) + heights.Max() + 8;
    }

    private static PlotArea PlotAreaIn(PlotArea cell, Panel panel)
    {
        double left = panel.YAxis.Label.Length > 0 ? 62 : 46;
        double bottom = panel.XAxis.Label.Length > 0 ? 44 : 28;
        double top = panel.Title.Length > 0 ? 28 : 12;
        const double right = 16;
        return new PlotArea(cell.Left + left, cell.Top + top, Math.Max(10, cell.Width - left - right), Math.Max(10, cell.Height - top - bottom));
    }

    private static int TickCount(Axis axis, double pixels) =>
        axis.TargetTicks > 0 ? axis.TargetTicks : Math.Clamp((int)(pixels / 50), 4, 10);

    /// <summary>
    /// Fixed ranges are kept; automatic ones are the marks' extent widened to nice ticks (Heckbert's loose labels,
    /// whose ticks are reused so the step is not re-rounded); equal aspect then widens one axis and ticks are redone.
    /// </summary>
    internal static (DataRange X, DataRange Y, TickSet XTicks, TickSet YTicks) Ranges(Panel panel, PlotArea area)
    {
        Bounds? b = null;
        foreach (var m in panel.Marks) b = Bounds.Union(b, m.DataBounds());
        var bounds = b ?? new Bounds(0, 1, 0, 1);
        int nx = TickCount(panel.XAxis, area.Width), ny = TickCount(panel.YAxis, area.Height);
        var (xr, xt) = AxisRange(panel.XAxis.Range, bounds.XMin, bounds.XMax, nx);
        var (yr, yt) = AxisRange(panel.YAxis.Range, bounds.YMin, bounds.YMax, ny);
        if (!panel.EqualAspect) return (xr, yr, xt, yt);
        // One data unit = the same number of pixels on both axes: widen the axis that has more pixels per unit.
        double u = Math.Max(xr.Span / area.Width, yr.Span / area.Height);
        xr = Around(xr, u * area.Width);
        yr = Around(yr, u * area.Height);
        return (xr, yr, NiceTicks.Tight(xr, nx), NiceTicks.Tight(yr, ny));
    }

    private static (DataRange, TickSet) AxisRange(DataRange? fixedRange, double min, double max, int n) =>
        fixedRange is { Span: > 0 } r ? (r, NiceTicks.Tight(r, n)) : NiceTicks.Loose(fixedRange?.Min ?? min, fixedRange?.Max ?? max, n);

    private static DataRange Around(DataRange r, double span)
    {
        double mid = (r.Min + r.Max) / 2;
        return new DataRange(mid - span / 2, mid + span / 2);
    }

    private static void Frame(StringBuilder sb, Panel panel, PlotArea a, LinearScale x, LinearScale y, TickSet xt, TickSet yt)
    {
        sb.Append("<g class=\"axes\">\n");
        if (panel.Grid)
        {
            sb.Append("<path d=\"");
            foreach (double v in xt.Values) sb.Append('M').AppendNum(x.Map(v)).Append(',').AppendNum(a.Top).Append('V').AppendNum(a.Bottom);
            foreach (double v in yt.Values) sb.Append('M').AppendNum(a.Left).Append(',').AppendNum(y.Map(v)).Append('H').AppendNum(a.Right);
            sb.Append("\" stroke=\"").Append(GridColor).Append("\" stroke-width=\"1\" fill=\"none\"/>\n");
        }
        sb.Append("<rect x=\"").AppendNum(a.Left).Append("\" y=\"").AppendNum(a.Top).Append("\" width=\"").AppendNum(a.Width)
          .Append("\" height=\"").AppendNum(a.Height).Append("\" fill=\"none\" stroke=\"").Append(AxisColor).Append("\" stroke-width=\"1\"/>\n");
        sb.Append("<path d=\"");
        foreach (double v in xt.Values) sb.Append('M').AppendNum(x.Map(v)).Append(',').AppendNum(a.Bottom).Append("v4");
        foreach (double v in yt.Values) sb.Append('M').AppendNum(a.Left).Append(',').AppendNum(y.Map(v)).Append("h-4");
        sb.Append("\" stroke=\"").Append(AxisColor).Append("\" stroke-width=\"1\"/>\n");
        var tick = new TextStyle(AxisColor, 10, TextAnchor.Middle);
        foreach (double v in xt.Values) SvgRenderer.WriteText(sb, x.Map(v), a.Bottom + 15, xt.Label(v), tick);
        tick = tick with { Anchor = TextAnchor.End };
        foreach (double v in yt.Values) SvgRenderer.WriteText(sb, a.Left - 6, y.Map(v) + 3.5, yt.Label(v), tick);
        var label = new TextStyle("#111111", 12, TextAnchor.Middle);
        if (panel.XAxis.Label.Length > 0) SvgRenderer.WriteText(sb, a.Left + a.Width / 2, a.Bottom + 34, panel.XAxis.Label, label);
        if (panel.YAxis.Label.Length > 0) SvgRenderer.WriteText(sb, a.Left - 46, a.Top + a.Height / 2, panel.YAxis.Label, label, rotate: -90);
        sb.Append("</g>\n");
    }
}
