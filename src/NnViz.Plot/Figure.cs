namespace NnViz.Plot;

/// <summary>
/// A whole picture: a title, a size in pixels and one or more panels laid out as small multiples in a grid
/// (<paramref name="Columns"/> = 0 picks a near-square grid). <paramref name="Description"/> becomes the SVG
/// &lt;desc&gt; for screen readers; when null a summary of the panels is written instead.
/// </summary>
public sealed record Figure(
    string Title,
    IReadOnlyList<Panel> Panels,
    double Width = 640,
    double Height = 480,
    int Columns = 0,
    string? Description = null)
{
    /// <summary>A figure with a single panel.</summary>
    public static Figure Single(string title, Panel panel, double width = 640, double height = 480, string? description = null) =>
        new(title, [panel], width, height, 1, description);

    /// <summary>
    /// A single-panel figure as tall as its table needs (a heatmap with a fixed cell height, a token strip wrapped at
    /// <paramref name="width"/>), so a record with more rows gets a taller figure instead of thinner rows.
    /// </summary>
    public static Figure Fitted(string title, Panel panel, double width, string? description = null) =>
        new(title, [panel], width, SvgRenderer.FittedHeight(title, panel, width), 1, description);
}

/// <summary>
/// One set of axes with its marks, drawn in order (later marks on top). <paramref name="EqualAspect"/> makes
/// one data unit the same length on both axes (hidden planes, decision boundaries).
/// </summary>
public sealed record Panel(
    IReadOnlyList<Mark> Marks,
    string Title = "",
    Axis? X = null,
    Axis? Y = null,
    bool EqualAspect = false,
    LegendPosition Legend = LegendPosition.TopRight,
    bool Grid = true)
{
    public Axis XAxis => X ?? Axis.Default;
    public Axis YAxis => Y ?? Axis.Default;
}

/// <summary>An axis: its label and optionally a fixed data range (otherwise the range comes from the marks, widened to nice ticks).</summary>
public sealed record Axis(string Label = "", DataRange? Range = null, int TargetTicks = 0)
{
    public static Axis Default { get; } = new();
}

/// <summary>A closed interval of data values.</summary>
public readonly record struct DataRange(double Min, double Max)
{
    public double Span => Max - Min;
}

public enum LegendPosition { TopRight, TopLeft, BottomRight, BottomLeft, None }
