using System.Globalization;
using System.Text;

namespace NnViz.Plot;

/// <summary>
/// Shrinks the SVG that Skia's canvas writes without changing the picture, in one pass: coordinates rounded to 2
/// decimals (a hundredth of a pixel, half away from zero, no negative zero), one position per text run instead of one
/// per glyph (the font is pinned, so every viewer lays the glyphs out the same), no indentation and no whitespace
/// around text. Text content, colours, ids and embedded images are copied as they are.
/// </summary>
internal static partial class SvgCompact
{
    private static readonly HashSet<string> Geometry =
    [
        "x", "y", "cx", "cy", "rx", "ry", "r", "width", "height", "d", "transform", "stroke-width", "font-size",
        "stroke-opacity", "fill-opacity", "opacity", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
    ];

    public static string Apply(string xml)
    {
        var sb = new StringBuilder(xml.Length);
        int i = 0;
        while (i < xml.Length)
        {
            int lt = xml.IndexOf('<', i);
            if (lt < 0) lt = xml.Length;
            ReadOnlySpan<char> text = xml.AsSpan(i, lt - i);
            ReadOnlySpan<char> trimmed = text.Trim();
            if (trimmed.Length > 0) sb.Append(trimmed);
            else if (text.Contains('\n')) sb.Append('\n');
            if (lt == xml.Length) break;
            i = Tag(xml, lt, sb);
        }
        return GroupCircles(sb.ToString());
    }

    /// <summary>
    /// Scatter points come out of Skia as one &lt;ellipse&gt; each (two when outlined: fill, then stroke), repeating every
    /// attribute. A fill followed by its outline at the same centre becomes one circle with both, and a run of circles
    /// with the same attributes becomes one &lt;g&gt; of &lt;circle cx cy r&gt;: the same picture in under half the bytes.
    /// </summary>
    private static string GroupCircles(string xml)
    {
        string[] lines = xml.Split('\n');
        var dots = lines.Select(l => l.StartsWith("<ellipse ", StringComparison.Ordinal) && RoundDot().Match(l) is { Success: true } m
            ? (Attrs: m.Groups[1].Value.TrimEnd(), Cx: m.Groups[2].Value, Cy: m.Groups[3].Value, R: m.Groups[4].Value) : default).ToArray();
        var sb = new StringBuilder(xml.Length);
        string? open = null;
        for (int i = 0; i < lines.Length; i++)
        {
            var d = dots[i];
            if (d.Attrs is not null && i + 1 < lines.Length && dots[i + 1] is { Attrs: { } next } o && (o.Cx, o.Cy, o.R) == (d.Cx, d.Cy, d.R)
                && !d.Attrs.Contains("stroke=", StringComparison.Ordinal) && next.StartsWith("fill=\"none\" stroke=", StringComparison.Ordinal))
            {
                d.Attrs += next["fill=\"none\"".Length..]; // the outline's stroke attributes join the fill's
                i++;
            }
            if (d.Attrs != open && open is not null) { sb.Append("</g>\n"); open = null; }
            if (d.Attrs is null) { sb.Append(lines[i]).Append('\n'); continue; }
            if (open is null) { sb.Append("<g ").Append(d.Attrs).Append(">\n"); open = d.Attrs; }
            sb.Append("<circle cx=\"").Append(d.Cx).Append("\" cy=\"").Append(d.Cy).Append("\" r=\"").Append(d.R).Append("\"/>\n");
        }
        if (open is not null) sb.Append("</g>\n");
        return sb.ToString(0, Math.Max(0, sb.Length - 1)); // Split added no final newline of its own
    }

    [System.Text.RegularExpressions.GeneratedRegex("^<ellipse ((?:[a-z-]+=\"[^\"]*\" )+)cx=\"([^\"]*)\" cy=\"([^\"]*)\" rx=\"([^\"]*)\" ry=\"\\4\"/>$")]
    private static partial System.Text.RegularExpressions.Regex RoundDot();

    /// <summary>Copies the tag starting at <paramref name="lt"/>, rounding geometry attributes; returns the index after it.</summary>
    private static int Tag(string xml, int lt, StringBuilder sb)
    {
        int i = lt;
        while (i < xml.Length && xml[i] != '>')
        {
            char c = xml[i];
            if (c != '=' || i + 1 >= xml.Length || xml[i + 1] != '"') { sb.Append(c); i++; continue; }
            int nameStart = i;
            while (nameStart > lt && xml[nameStart - 1] != ' ' && xml[nameStart - 1] != '\t') nameStart--;
            string name = xml[nameStart..i];
            int close = xml.IndexOf('"', i + 2);
            if (close < 0) { sb.Append(xml, i, xml.Length - i); return xml.Length; }
            sb.Append("=\"");
            var value = xml.AsSpan(i + 2, close - i - 2);
            if (name is "x" or "y" && value.IndexOf(',') is int comma and >= 0) value = value[..comma]; // first glyph only
            if (Geometry.Contains(name)) Round(value, sb);
            else sb.Append(value);
            sb.Append('"');
            i = close + 1;
        }
        if (i < xml.Length) sb.Append('>');
        return i + 1;
    }

    /// <summary>Appends <paramref name="value"/> with every decimal number rounded to 2 decimals.</summary>
    private static void Round(ReadOnlySpan<char> value, StringBuilder sb)
    {
        int i = 0;
        while (i < value.Length)
        {
            char c = value[i];
            bool starts = char.IsAsciiDigit(c) || (c is '-' or '.' && i + 1 < value.Length && (char.IsAsciiDigit(value[i + 1]) || value[i + 1] == '.'));
            if (!starts) { sb.Append(c); i++; continue; }
            int j = i + 1;
            while (j < value.Length && (char.IsAsciiDigit(value[j]) || value[j] == '.' ||
                   ((value[j] is 'e' or 'E') && j + 1 < value.Length) || (value[j] is '-' or '+' && value[j - 1] is 'e' or 'E'))) j++;
            Number(value[i..j], sb);
            i = j;
        }
    }

    private static void Number(ReadOnlySpan<char> token, StringBuilder sb)
    {
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) { sb.Append(token); return; }
        double h = Math.Round(v * 100, MidpointRounding.AwayFromZero);
        if (!(Math.Abs(h) < 1e15)) { sb.Append(token); return; }
        long c = (long)h;
        if (c == 0) { sb.Append('0'); return; }
        if (c < 0) { sb.Append('-'); c = -c; }
        sb.Append(c / 100);
        long frac = c % 100;
        if (frac == 0) return;
        sb.Append('.').Append((char)('0' + frac / 10));
        if (frac % 10 != 0) sb.Append((char)('0' + frac % 10));
    }
}
