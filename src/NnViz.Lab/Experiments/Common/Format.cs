using System.Globalization;

namespace NnViz.Lab.Experiments.Common;

/// <summary>How pages and claims tables write numbers and metric keys.</summary>
public static class Format
{
    /// <summary>Up to four decimals; scientific notation for very large or very small magnitudes.</summary>
    public static string Num(double v) => Math.Abs(v) >= 1e4 || (Math.Abs(v) < 1e-3 && v != 0)
        ? v.ToString("0.###e+0", CultureInfo.InvariantCulture)
        : v.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The key of a metric: <c>name[member]</c> for a family member, <c>name</c> otherwise.</summary>
    public static string Key(string metric, string? member) => member is null ? metric : $"{metric}[{member}]";

    /// <summary>An integer in invariant culture.</summary>
    public static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);
}
