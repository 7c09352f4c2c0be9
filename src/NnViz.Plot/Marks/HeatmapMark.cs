using ScottPlot;

namespace NnViz.Plot;

/// <summary>
/// A table of coloured cells, <c>Values[r * Columns + c]</c>, with row and column labels (long ones wrapped) and a
/// labelled colour bar. For probabilities use <see cref="Probability"/>: RdBu on a fixed 0..1 scale, so white is
/// exactly 0.5 and colours mean the same in every figure (the occlusion heatmap of title x abstract prefixes).
/// Drawn as a ScottPlot heatmap (cells sharp in PNG and SVG, see <see cref="PanelDraw.Heatmap"/>), labels as its axes' ticks, and the
/// numbers (<see cref="ShowValues"/>) by a custom plottable that writes them only when a cell is large enough.
/// Fills its panel; NaN cells are grey.
/// </summary>
public sealed record HeatmapMark(double[] Values, int Rows, int Columns, IReadOnlyList<string> RowLabels,
    IReadOnlyList<string> ColumnLabels, ColorScale Scale) : Mark
{
    public bool ShowValues { get; init; }
    public int Decimals { get; init; } = 2;

    public static ColorScale Probability(string title, string? low = null, string? high = null) =>
        new(ColorMap.RdBu, 0, 1, title, low, high);

    internal override bool FillsPanel => true;

    internal override void Draw(PanelDraw draw)
    {
        var plot = draw.Plot;
        var cells = new double[Rows, Columns];
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Columns; c++) cells[r, c] = Values[r * Columns + c];
        int upscale = Math.Clamp(96 / Math.Max(1, Math.Max(Rows, Columns)), 1, 32);
        var hm = draw.Heatmap(cells, new CoordinateRect(-0.5, Columns - 0.5, -0.5, Rows - 0.5), Scale, Theme.Of(new Rgb(200, 200, 200)), upscale);
        if (ShowValues) plot.Add.Plottable(new CellValuesPlottable(this));
        plot.Axes.SetLimits(-0.5, Columns - 0.5, -0.5, Rows - 0.5);
        // Row r is drawn at y = Rows - 1 - r (first row on top, as in a table); column labels under the cells.
        int chars = Math.Max(6, 60 / Math.Max(1, Columns));
        Ticks(plot.Axes.Bottom, Enumerable.Range(0, Columns).Select(c => (double)c),
            ColumnLabels.Take(Columns).Select(l => string.Join("\n", TextWrap.Wrap(l, chars, 3))));
        Ticks(plot.Axes.Left, Enumerable.Range(0, Rows).Select(r => (double)(Rows - 1 - r)),
            RowLabels.Take(Rows).Select(l => string.Join("\n", TextWrap.Wrap(l, 28, 2))));
        draw.ColorBar(hm, Scale.Title, Scale.LowLabel, Scale.HighLabel, Edge.Right);
    }

    private static void Ticks(IAxis axis, IEnumerable<double> positions, IEnumerable<string> labels)
    {
        double[] p = [.. positions];
        string[] l = [.. labels];
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(p[..Math.Min(p.Length, l.Length)], l[..Math.Min(p.Length, l.Length)]);
        axis.TickLabelStyle.FontSize = 10;
        axis.TickLabelStyle.ForeColor = Color.FromHex("#222222");
        axis.MajorTickStyle.Length = 0;
        axis.MinorTickStyle.Length = 0;
    }

    /// <summary>Relative luminance (sRGB weights, no gamma: good enough to choose black or white text).</summary>
    internal static double Luminance(Rgb c) => (0.2126 * c.R + 0.7152 * c.G + 0.0722 * c.B) / 255;
}

/// <summary>The value of each heatmap cell at its centre, black or white by the cell's luminance, when it fits.</summary>
internal sealed class CellValuesPlottable(HeatmapMark mark) : PlottableBase
{
    public override AxisLimits GetAxisLimits() => new(-0.5, mark.Columns - 0.5, -0.5, mark.Rows - 0.5);

    public override void Render(RenderPack rp)
    {
        float cellW = Math.Abs(Axes.GetPixelX(1) - Axes.GetPixelX(0)), cellH = Math.Abs(Axes.GetPixelY(1) - Axes.GetPixelY(0));
        float size = Math.Min(11, cellH * 0.6f);
        if (size < 6.5f || cellW < mark.Decimals * size * 0.65f + 8) return; // numbers that do not fit are left out
        for (int r = 0; r < mark.Rows; r++)
            for (int c = 0; c < mark.Columns; c++)
            {
                double v = mark.Values[r * mark.Columns + c];
                if (!double.IsFinite(v)) continue;
                var fill = mark.Scale.ColorOf(v);
                var ink = HeatmapMark.Luminance(fill) < 0.45 ? Colors.White : Color.FromHex("#111111");
                Text(rp, Fixed(v, mark.Decimals), new Pixel(Axes.GetPixelX(c), Axes.GetPixelY(mark.Rows - 1 - r)), size, ink, Alignment.MiddleCenter);
            }
    }

    /// <summary>A label with exactly <paramref name="decimals"/> decimals ("0.50", "-2"), no negative zero.</summary>
    internal static string Fixed(double v, int decimals)
    {
        double r = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
        if (r == 0) r = 0;
        return r.ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture);
    }
}
