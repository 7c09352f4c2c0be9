using System.Globalization;
using NnViz.Lab.Specs;

namespace NnViz.Lab;

/// <summary>How a claim's expectation and its measurements read in the claims table.</summary>
public static class ClaimText
{
    public static string Expected(ClaimSpec c)
    {
        string lhs = ClaimChecks.Key(c.Metric, c.Member);
        if (c.Is is { } rank) return $"{lhs} is the {rank} of the family";
        string rhs = c.Value is { } v ? Num(v * c.Factor) : Key(c);
        string factor = c.Value is null && c.Factor != 1 ? $"{Num(c.Factor)} x " : "";
        if (c.Op == "about")
        {
            string band = c.Value is { } center
                ? $" (band {Num(center * c.Factor - c.Tolerance!.Value)} to {Num(center * c.Factor + c.Tolerance!.Value)})"
                : "";
            return $"{lhs} = {factor}{rhs} ± {Num(c.Tolerance!.Value)}{band}";
        }
        return $"{lhs} {c.Op} {factor}{rhs}";
    }

    private static string Key(ClaimSpec c) => ClaimChecks.Key(c.OtherMetric ?? c.Metric, c.Other ?? c.Member);

    public static string Measured(ClaimSpec c, ExperimentSpec spec, IReadOnlyDictionary<string, double> m)
    {
        string Val(string metric, string? member)
        {
            string key = ClaimChecks.Key(metric, member);
            return m.TryGetValue(key, out var v) && !double.IsNaN(v) ? $"{key} = {Num(v)}" : $"{key} not measured";
        }
        if (c.Is is not null)
            return string.Join("; ", spec.Members.Select(x => Val(c.Metric, x.Name)));
        if (c.Value is not null) return Val(c.Metric, c.Member);
        string leftKey = ClaimChecks.Key(c.Metric, c.Member), rightKey = Key(c);
        if (c.Factor == 1 && m.TryGetValue(leftKey, out double l) && m.TryGetValue(rightKey, out double r) && Num(l) == Num(r) && !double.IsNaN(l))
            return ClaimChecks.Tie(l, r)
                ? $"{leftKey} = {rightKey} = {Num(l)} (equal: a tie)"
                : $"{leftKey} = {Distinct(l, r)}; {rightKey} = {Distinct(r, l)}";
        return $"{Val(c.Metric, c.Member)}; {Val(c.OtherMetric ?? c.Metric, c.Other ?? c.Member)}";
    }

    /// <summary><paramref name="v"/> with the fewest significant digits (at least 6) that tell it from <paramref name="other"/>.</summary>
    private static string Distinct(double v, double other)
    {
        for (int digits = 6; digits < 17; digits++)
        {
            string a = v.ToString("G" + digits, CultureInfo.InvariantCulture);
            if (a != other.ToString("G" + digits, CultureInfo.InvariantCulture)) return a;
        }
        return v.ToString("R", CultureInfo.InvariantCulture);
    }

    public static string Num(double v) => Math.Abs(v) >= 1e4 || (Math.Abs(v) < 1e-3 && v != 0)
        ? v.ToString("0.###e+0", CultureInfo.InvariantCulture)
        : v.ToString("0.####", CultureInfo.InvariantCulture);
}
