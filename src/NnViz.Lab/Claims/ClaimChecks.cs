using System.Globalization;
using NnViz.Lab.Specs;

namespace NnViz.Lab;

/// <summary>The verdict on one claim at one profile.</summary>
public enum Verdict { Reproduced, NotReproduced, NotApplicable }

/// <summary>A row of the claims table: claim, expected, measured, verdict.</summary>
public sealed record ClaimResult(string Id, string Text, string Expected, string Measured, Verdict Verdict)
{
    public string VerdictText => Verdict switch
    {
        Verdict.Reproduced => "reproduced",
        Verdict.NotReproduced => "not reproduced",
        _ => "not applicable on this profile",
    };
}

/// <summary>
/// Judges claims from measured metrics. A metric is read as <c>name[member]</c> (or <c>name</c> for single
/// models); a claim compares it with a number, with another member's (or another metric's) value times a factor,
/// or asks that the member rank lowest/highest of the family.
/// </summary>
public static class ClaimChecks
{
    public static void Validate(ExperimentSpec spec, ICollection<SpecError> errors)
    {
        var names = spec.Members.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (c, i) in spec.Claims.Select((c, i) => (c, i)))
        {
            string path = $"claims[{i}]";
            void Err(string msg) => errors.Add(new SpecError(c.Where.File, c.Where.Line, c.Where.Column, path, msg));
            if (c.Member is { } m && !names.Contains(m)) Err($"member '{m}' is not in the model family ({string.Join(", ", names)})");
            if (c.Other is { } o && !names.Contains(o)) Err($"other '{o}' is not in the model family ({string.Join(", ", names)})");
            bool ranks = c.Is is not null, compares = c.Op is not null;
            if (ranks == compares) Err("expected either 'is: lowest|highest' or 'op' with 'value' or 'other'/'other_metric'");
            if (compares && !ranks && c.Value is null && c.Other is null && c.OtherMetric is null) Err("'op' needs 'value', 'other' or 'other_metric' to compare against");
            if (compares && c.Value is not null && (c.Other is not null || c.OtherMetric is not null)) Err("give either 'value' or 'other'/'other_metric', not both");
            if (ranks && c.Member is null) Err("'is' needs 'member'");
            foreach (var p in c.Profiles.Where(p => !Runs.Profile.Known.Contains(p)))
                Err($"unknown profile '{p}' in profiles (expected {string.Join(", ", Runs.Profile.Known)})");
        }
    }

    public static string Key(string metric, string? member) => member is null ? metric : $"{metric}[{member}]";

    public static IReadOnlyList<ClaimResult> Evaluate(ExperimentSpec spec, IReadOnlyDictionary<string, double> metrics)
    {
        var results = new List<ClaimResult>();
        foreach (var c in spec.Claims)
        {
            string expected = Expected(c);
            if (!c.Profiles.Contains(spec.Profile))
            {
                results.Add(new ClaimResult(c.Id, c.Text, expected, Measured(c, spec, metrics), Verdict.NotApplicable));
                continue;
            }
            bool? ok = Judge(c, spec, metrics);
            results.Add(new ClaimResult(c.Id, c.Text, expected, Measured(c, spec, metrics),
                ok switch { true => Verdict.Reproduced, false => Verdict.NotReproduced, null => Verdict.NotApplicable }));
        }
        return results;
    }

    private static bool? Judge(ClaimSpec c, ExperimentSpec spec, IReadOnlyDictionary<string, double> m)
    {
        if (!m.TryGetValue(Key(c.Metric, c.Member), out double left)) return null;
        if (c.Is is { } rank)
        {
            var all = spec.Members.Select(x => m.TryGetValue(Key(c.Metric, x.Name), out var v) ? v : double.NaN).ToList();
            if (all.Any(double.IsNaN)) return null;
            return rank == "lowest" ? all.All(v => left <= v) : all.All(v => left >= v);
        }
        double right;
        if (c.Value is { } v0) right = v0;
        else if (!m.TryGetValue(Key(c.OtherMetric ?? c.Metric, c.Other ?? c.Member), out right)) return null;
        right *= c.Factor;
        return c.Op switch { "<" => left < right, "<=" => left <= right, ">" => left > right, _ => left >= right };
    }

    private static string Expected(ClaimSpec c)
    {
        string lhs = Key(c.Metric, c.Member);
        if (c.Is is { } rank) return $"{lhs} is the {rank} of the family";
        string rhs = c.Value is { } v ? Num(v) : Key(c.OtherMetric ?? c.Metric, c.Other ?? c.Member);
        string factor = c.Value is null && c.Factor != 1 ? $"{Num(c.Factor)} x " : "";
        return $"{lhs} {c.Op} {factor}{rhs}";
    }

    private static string Measured(ClaimSpec c, ExperimentSpec spec, IReadOnlyDictionary<string, double> m)
    {
        string Val(string metric, string? member) =>
            m.TryGetValue(Key(metric, member), out var v) ? $"{Key(metric, member)} = {Num(v)}" : $"{Key(metric, member)} not measured";
        if (c.Is is not null)
            return string.Join("; ", spec.Members.Select(x => Val(c.Metric, x.Name)));
        if (c.Value is not null) return Val(c.Metric, c.Member);
        return $"{Val(c.Metric, c.Member)}; {Val(c.OtherMetric ?? c.Metric, c.Other ?? c.Member)}";
    }

    public static string Num(double v) => Math.Abs(v) >= 1e4 || (Math.Abs(v) < 1e-3 && v != 0)
        ? v.ToString("0.###e+0", CultureInfo.InvariantCulture)
        : v.ToString("0.####", CultureInfo.InvariantCulture);
}
