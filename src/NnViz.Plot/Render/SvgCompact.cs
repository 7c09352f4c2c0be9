using System.Globalization;
using System.Text.RegularExpressions;

namespace NnViz.Plot;

/// <summary>
/// Shrinks the SVG that Skia's canvas writes without changing the picture: coordinates rounded to 2 decimals (a hundredth
/// of a pixel), one position per text run instead of one per glyph (the font is pinned, so every viewer lays the glyphs
/// out the same), no indentation. Text content, colours, ids and embedded images are left as they are.
/// </summary>
internal static partial class SvgCompact
{
    public static string Apply(string xml)
    {
        xml = Indent().Replace(xml, "\n");
        xml = TextBody().Replace(xml, ">$1</text>");
        xml = GlyphPositions().Replace(xml, "$1$2\"");
        return Geometry().Replace(xml, m => " " + m.Groups[1].Value + "=\"" + Number().Replace(m.Groups[2].Value, Round) + "\"");
    }

    private static string Round(Match m)
    {
        double v = double.Parse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        double r = Math.Round(v, 2, MidpointRounding.AwayFromZero);
        if (r == 0) r = 0; // no negative zero
        return r.ToString("0.##", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("\n[\t ]+")]
    private static partial Regex Indent();

    [GeneratedRegex(">\n([^<\n]*)\n</text>")]
    private static partial Regex TextBody();

    [GeneratedRegex("( [xy]=\")(-?[0-9.eE+-]+), [^\"]*\"")]
    private static partial Regex GlyphPositions();

    [GeneratedRegex(" (x|y|cx|cy|rx|ry|r|width|height|d|transform|stroke-width|font-size|stroke-opacity|fill-opacity|opacity|stroke-miterlimit|stroke-dasharray|stroke-dashoffset)=\"([^\"]*)\"")]
    private static partial Regex GeometryAttribute();

    private static Regex Geometry() => GeometryAttribute();

    [GeneratedRegex("-?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?")]
    private static partial Regex Number();
}
