namespace NnViz.Plot;

/// <summary>
/// A continuous colour map: evenly spaced stops in [0, 1], linearly interpolated in sRGB.
/// <see cref="At"/> clamps its argument, so values outside the scale take the end colours.
/// </summary>
public sealed record ColorMap(string Name, IReadOnlyList<Rgb> Stops)
{
    public Rgb At(double t)
    {
        if (double.IsNaN(t)) return new Rgb(128, 128, 128);
        double u = Math.Clamp(t, 0, 1) * (Stops.Count - 1);
        int i = Math.Min((int)Math.Floor(u), Stops.Count - 2);
        return Rgb.Lerp(Stops[i], Stops[i + 1], u - i);
    }

    /// <summary>Maps <paramref name="value"/> on the scale [min, max] to a colour.</summary>
    public Rgb At(double value, double min, double max) => At(max > min ? (value - min) / (max - min) : 0.5);

    /// <summary>
    /// Diverging red - white - blue (ColorBrewer RdBu, 11 classes; Harrower &amp; Brewer 2003): 0 is dark red,
    /// 0.5 is exactly white-ish (#f7f7f7), 1 is dark blue. Readable with red-green colour blindness.
    /// </summary>
    public static ColorMap RdBu { get; } = FromHex("RdBu",
        "#67001f", "#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#f7f7f7",
        "#d1e5f0", "#92c5de", "#4393c3", "#2166ac", "#053061");

    /// <summary>Sequential viridis (van der Walt &amp; Smith, matplotlib 2.0): perceptually uniform and colour-blind safe.</summary>
    public static ColorMap Viridis { get; } = FromHex("viridis",
        "#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89",
        "#35b779", "#6ece58", "#b5de2b", "#fde725");

    public static ColorMap FromHex(string name, params string[] stops) =>
        new(name, stops.Select(Rgb.Parse).ToArray());
}
