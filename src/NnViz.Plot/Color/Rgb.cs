using System.Globalization;

namespace NnViz.Plot;

/// <summary>An sRGB colour; written to SVG as lower-case <c>#rrggbb</c>.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    public string Hex => $"#{R:x2}{G:x2}{B:x2}";

    public override string ToString() => Hex;

    /// <summary>Parses <c>#rrggbb</c> (the only form the palettes use).</summary>
    public static Rgb Parse(string hex)
    {
        string h = hex.TrimStart('#');
        if (h.Length != 6) throw new FormatException($"expected #rrggbb, received '{hex}'");
        return new Rgb(
            byte.Parse(h.AsSpan(0, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            byte.Parse(h.AsSpan(2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            byte.Parse(h.AsSpan(4, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    /// <summary>Linear interpolation in sRGB, rounded half away from zero so every platform gives the same byte.</summary>
    public static Rgb Lerp(Rgb a, Rgb b, double t) => new(Mix(a.R, b.R, t), Mix(a.G, b.G, t), Mix(a.B, b.B, t));

    private static byte Mix(byte a, byte b, double t) =>
        (byte)Math.Clamp(Math.Round(a + (b - a) * t, MidpointRounding.AwayFromZero), 0, 255);
}
