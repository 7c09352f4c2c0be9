namespace NnViz.Plot;

/// <summary>
/// What the colours of a heatmap or image grid mean: a colour map on a fixed value range, with a title and
/// optional words for the two ends ("negative weight" ... "positive weight"). Drawn as a ScottPlot colour bar
/// labelled "low ← title → high".
/// </summary>
public sealed record ColorScale(ColorMap Map, double Min, double Max, string Title, string? LowLabel = null, string? HighLabel = null)
{
    /// <summary>A scale symmetric around 0 (diverging maps: white means 0).</summary>
    public static ColorScale Symmetric(ColorMap map, double absMax, string title, string? low = null, string? high = null) =>
        new(map, -absMax, absMax, title, low, high);

    public Rgb ColorOf(double v) => Map.At(v, Min, Max);
}

/// <summary>
/// The colour bar of filled contours: the title says what is coloured, the optional end labels what the two ends mean
/// (e.g. "class A" and "class B"), because a diverging scale without words is hard to read. Drawn as a ScottPlot
/// colour bar with one flat step per band; <paramref name="Position"/> is kept for existing callers (the bar sits at the
/// panel's right edge).
/// </summary>
public sealed record ColorBar(string Title, string? LowLabel = null, string? HighLabel = null, LegendPosition Position = LegendPosition.BottomLeft);
