using System.Globalization;
using System.Text;

namespace NnViz.Plot;

/// <summary>
/// Number and text formatting for SVG: invariant culture, coordinates rounded to 2 decimals with trailing zeros
/// dropped, no negative zero, so the same figure always gives the same bytes.
/// </summary>
public static class SvgText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A coordinate: 2 decimals at most ("12.5", "-3", "0.07").</summary>
    public static string Num(double v)
    {
        double r = Math.Round(v, 2, MidpointRounding.AwayFromZero);
        if (r == 0) r = 0; // folds -0 into 0
        return r.ToString("0.##", Inv);
    }

    /// <summary>A label with exactly <paramref name="decimals"/> decimals ("0.50", "-2").</summary>
    public static string Fixed(double v, int decimals)
    {
        double r = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
        if (r == 0) r = 0;
        return r.ToString("F" + decimals.ToString(Inv), Inv);
    }

    /// <summary>
    /// Appends a coordinate without allocating (scatter plots write thousands): the value in hundredths, rounded half
    /// away from zero (as Math.Round(v, 2) does), written as integer digits; custom format strings are ~20x slower.
    /// </summary>
    public static StringBuilder AppendNum(this StringBuilder sb, double v)
    {
        double h = Math.Round(v * 100, MidpointRounding.AwayFromZero);
        if (!(Math.Abs(h) < 1e15)) return sb.Append(Num(v)); // NaN, infinities, astronomically large values
        long c = (long)h;
        if (c == 0) return sb.Append('0');
        if (c < 0) { sb.Append('-'); c = -c; }
        sb.Append(c / 100);
        long frac = c % 100;
        if (frac == 0) return sb;
        sb.Append('.').Append((char)('0' + frac / 10));
        return frac % 10 == 0 ? sb : sb.Append((char)('0' + frac % 10));
    }

    /// <summary>
    /// Escapes text for element content and attribute values, and drops what XML cannot hold at all (control
    /// characters other than tab and newlines, U+FFFE/U+FFFF, unpaired surrogates), so any text gives a well-formed SVG.
    /// </summary>
    public static string Escape(string s)
    {
        s = Clean(s);
        if (s.AsSpan().IndexOfAny("&<>\"'") < 0) return s;
        var sb = new StringBuilder(s.Length + 16);
        foreach (char c in s)
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        return sb.ToString();
    }

    /// <summary>Drops the characters XML cannot hold (see <see cref="Escape"/>); paired surrogates are real characters and stay.</summary>
    public static string Clean(string s)
    {
        if (s.AsSpan().IndexOfAnyExceptInRange(' ', '\uD7FF') < 0) return s;
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); continue; }
            if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF') continue;
            sb.Append(c);
        }
        return sb.Length == s.Length ? s : sb.ToString();
    }

    public static string Anchor(TextAnchor a) => a switch
    {
        TextAnchor.Middle => "middle",
        TextAnchor.End => "end",
        _ => "start",
    };
}
