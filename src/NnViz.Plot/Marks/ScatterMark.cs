using ScottPlot;

namespace NnViz.Plot;

/// <summary>
/// Points at (xs[i], ys[i]). Colour, in order of precedence: <see cref="Colors"/> (one per point),
/// <see cref="Classes"/> (an index into the style's palette; Okabe-Ito by default), the style's colour.
/// <see cref="ClassNames"/> gives one legend row per class; <see cref="Label"/> one row for the whole mark.
/// Misclassified points: a second ScatterMark with <see cref="MarkerShape.Cross"/>, or per-point <see cref="Shapes"/>.
/// Drawn as ScottPlot marker plottables, one per (colour, shape) group in order of first appearance.
/// </summary>
public sealed record ScatterMark(double[] Xs, double[] Ys, PointStyle Style, string? Label = null) : Mark
{
    public int[]? Classes { get; init; }
    public string[]? Colors { get; init; }
    public IReadOnlyList<string>? ClassNames { get; init; }
    public MarkerShape[]? Shapes { get; init; }

    /// <summary>Points coloured by class index (the common case: a labelled data set).</summary>
    public static ScatterMark ByClass(double[] xs, double[] ys, int[] classes, IReadOnlyList<string>? classNames = null,
        double radius = 3, double opacity = 0.85) =>
        new(xs, ys, new PointStyle(Radius: radius, Opacity: opacity)) { Classes = classes, ClassNames = classNames };

    internal override void Draw(PanelDraw draw)
    {
        int n = Math.Min(Xs.Length, Ys.Length);
        var groups = new Dictionary<(string, MarkerShape), (List<double> X, List<double> Y)>();
        var order = new List<(string, MarkerShape)>();
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(Xs[i]) || !double.IsFinite(Ys[i])) continue;
            var key = (PointColor(i), Shapes is { } s && i < s.Length ? s[i] : Style.Shape);
            if (!groups.TryGetValue(key, out var g)) { groups[key] = g = ([], []); order.Add(key); }
            g.X.Add(Xs[i]);
            g.Y.Add(Ys[i]);
        }
        foreach (var key in order)
        {
            var m = draw.Plot.Add.Markers(groups[key].X.ToArray(), groups[key].Y.ToArray());
            StyleMarkers(m.MarkerStyle, key.Item1, key.Item2);
        }
        draw.LegendRows.AddRange(LegendRows());
    }

    private void StyleMarkers(MarkerStyle ms, string color, MarkerShape shape)
    {
        ms.Shape = Shape(shape);
        ms.Size = (float)(2 * Style.Radius);
        var c = Theme.Of(color, Style.Opacity);
        ms.FillColor = c;
        ms.LineColor = c;
        ms.LineWidth = shape == MarkerShape.Cross ? (float)Math.Max(1.5, Style.Radius * 0.6) : 0;
        if (Style.StrokeColor is { } sc && shape != MarkerShape.Cross)
        {
            ms.OutlineColor = Theme.Of(sc);
            ms.OutlineWidth = (float)Style.StrokeWidth;
        }
    }

    internal static ScottPlot.MarkerShape Shape(MarkerShape s) => s switch
    {
        MarkerShape.Square => ScottPlot.MarkerShape.FilledSquare,
        MarkerShape.Diamond => ScottPlot.MarkerShape.FilledDiamond,
        MarkerShape.TriangleUp => ScottPlot.MarkerShape.FilledTriangleUp,
        MarkerShape.Cross => ScottPlot.MarkerShape.Eks,
        _ => ScottPlot.MarkerShape.FilledCircle,
    };

    private string PointColor(int i) =>
        Colors is { } c && i < c.Length ? c[i]
        : Classes is { } k && i < k.Length ? Palettes.ClassColor(Style.ClassPalette, k[i])
        : Style.Color;

    private List<LegendItem> LegendRows()
    {
        if (ClassNames is { } names)
            return [.. names.Select((name, k) => PlottableBase.MarkerItem(name, Theme.Of(Palettes.ClassColor(Style.ClassPalette, k)), Shape(Style.Shape)))];
        return Label is null ? [] : [PlottableBase.MarkerItem(Label, Theme.Of(Style.Color), Shape(Style.Shape))];
    }
}
