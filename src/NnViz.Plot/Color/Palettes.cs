namespace NnViz.Plot;

/// <summary>Colour-blind-safe categorical palettes.</summary>
public static class Palettes
{
    /// <summary>
    /// Okabe &amp; Ito (2008), "Color Universal Design": eight colours distinguishable with the common colour-vision
    /// deficiencies. Black is moved last so that class 0 and 1 get orange and sky blue.
    /// </summary>
    public static IReadOnlyList<string> OkabeIto { get; } =
    [
        "#e69f00", // orange
        "#56b4e9", // sky blue
        "#009e73", // bluish green
        "#f0e442", // yellow
        "#0072b2", // blue
        "#d55e00", // vermillion
        "#cc79a7", // reddish purple
        "#000000", // black
    ];

    /// <summary>Colour of class <paramref name="index"/> in a palette; wraps around when there are more classes than colours.</summary>
    public static string ClassColor(IReadOnlyList<string> palette, int index) =>
        palette[((index % palette.Count) + palette.Count) % palette.Count];
}
