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

    /// <summary>Appends a coordinate without allocating a string (scatter plots write thousands).</summary>
    public static StringBuilder AppendNum(this StringBuilder sb, double v)
    {
        double r = Math.Round(v, 2, MidpointRounding.AwayFromZero);
        if (r == 0) r = 0;
        Span<char> buf = stackalloc char[32];
        return r.TryFormat(buf, out int n, "0.##", Inv) ? sb.Append(buf[..n]) : sb.Append(Num(v));
    }

    /// <summary>Escapes text for element content and attribute values.</summary>
    public static string Escape(string s)
    {
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

    public static string Anchor(TextAnchor a) => a switch
    {
        TextAnchor.Middle => "middle",
        TextAnchor.End => "end",
        _ => "start",
    };
}
