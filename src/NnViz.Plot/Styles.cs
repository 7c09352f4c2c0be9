namespace NnViz.Plot;

/// <summary>How a line is stroked. <paramref name="Dash"/> is an SVG dash array in pixels (null = solid).</summary>
public sealed record LineStyle(string Color = "#0072b2", double Width = 1.5, double[]? Dash = null, double Opacity = 1)
{
    public static LineStyle Solid(string color, double width = 1.5) => new(color, width);
    public static LineStyle Dashed(string color, double width = 1.5) => new(color, width, [6, 4]);
}

/// <summary>Point marker shapes; <see cref="Cross"/> suits misclassified points.</summary>
public enum MarkerShape { Circle, Square, Diamond, TriangleUp, Cross }

/// <summary>How scatter points look. A per-point class index picks colours from <paramref name="Palette"/>.</summary>
public sealed record PointStyle(
    string Color = "#0072b2",
    double Radius = 3,
    double Opacity = 1,
    MarkerShape Shape = MarkerShape.Circle,
    IReadOnlyList<string>? Palette = null,
    string? StrokeColor = null,
    double StrokeWidth = 0.75)
{
    public IReadOnlyList<string> ClassPalette => Palette ?? Palettes.OkabeIto;
}

public enum TextAnchor { Start, Middle, End }

/// <summary>How text is set; <paramref name="Size"/> in pixels.</summary>
public sealed record TextStyle(string Color = "#222222", double Size = 12, TextAnchor Anchor = TextAnchor.Start, bool Bold = false);
