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
/// colour bar with one flat step per band, outside the data area on the <paramref name="Side"/> it names (so it never
/// hides data): read top to bottom on the right or left, left to right (low end first) below or above.
/// </summary>
public sealed record ColorBar(string Title, string? LowLabel = null, string? HighLabel = null, ColorBarSide Side = ColorBarSide.Right);

/// <summary>The edge of a panel's data area a colour bar sits on.</summary>
public enum ColorBarSide { Right, Left, Bottom, Top }
