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
        return $"{Val(c.Metric, c.Member)}; {Val(c.OtherMetric ?? c.Metric, c.Other ?? c.Member)}";
    }

    public static string Num(double v) => Math.Abs(v) >= 1e4 || (Math.Abs(v) < 1e-3 && v != 0)
        ? v.ToString("0.###e+0", CultureInfo.InvariantCulture)
        : v.ToString("0.####", CultureInfo.InvariantCulture);
}
