using NnViz.Lab.Specs;

namespace NnViz.Lab;

/// <summary>
/// The verdict on one claim at one profile. <see cref="NotMeasured"/> (the metric is missing or NaN) counts as a
/// failure everywhere; <see cref="NotApplicable"/> is only given to a claim whose spec says it cannot hold at this
/// profile's scale.
/// </summary>
public enum Verdict { Reproduced, NotReproduced, NotMeasured, NotApplicable }

/// <summary>
/// A row of the claims table: claim, expected, measured, verdict. <paramref name="SanityCheck"/> marks a claim judged
/// on a generated stand-in instead of the write-up's data: shown apart and never counted as a reproduction.
/// </summary>
/// <param name="Seeds">each seed's judgement when the claim was judged over several seeds (null for one seed).</param>
public sealed record ClaimResult(string Id, string Text, string Expected, string Measured, Verdict Verdict, bool SanityCheck = false,
    IReadOnlyList<SeedJudgement>? Seeds = null)
{
    /// <summary>"reproduced in k of N seeds" when judged over several seeds, else the verdict.</summary>
    public string VerdictLine => Seeds is { Count: > 1 } s && Verdict is Verdict.Reproduced or Verdict.NotReproduced
        ? $"{VerdictText}: {s.Count(x => x.Verdict == Verdict.Reproduced)} of {s.Count} seeds"
        : VerdictText;

    public string VerdictText => (Verdict, SanityCheck) switch
    {
        (Verdict.Reproduced, false) => "reproduced",
        (Verdict.NotReproduced, false) => "not reproduced",
        (Verdict.Reproduced, true) => "sanity check passed (generated data)",
        (Verdict.NotReproduced, true) => "sanity check failed (generated data)",
        (Verdict.NotMeasured, _) => "not measured",
        _ => "not applicable on this profile",
    };

    /// <summary>A failure wherever it is counted: not reproduced, or never measured.</summary>
    public bool Failed => Verdict is Verdict.NotReproduced or Verdict.NotMeasured;
}

/// <summary>
/// Judges claims from measured metrics. A metric is read as <c>name[member]</c> (or <c>name</c> for single
/// models); a claim compares it with a number, with another member's (or another metric's) value times a factor,
/// asks that it lie in a two-sided band (<c>op: about</c> with <c>tolerance</c>: |measured - expected| &lt;= tolerance),
/// or asks that the member rank lowest/highest of the family. A metric that is missing or NaN is "not measured".
/// </summary>
public static class ClaimChecks
{
    /// <param name="declared">the metrics the spec's kind can emit: a claim naming another metric is an error.</param>
    public static void Validate(ExperimentSpec spec, ICollection<SpecError> errors, IReadOnlyList<Experiments.MetricInfo>? declared = null) =>
        ClaimValidation.Validate(spec, errors, declared);

    public static string Key(string metric, string? member) => member is null ? metric : $"{metric}[{member}]";

    /// <param name="standIn">The experiment ran on a generated stand-in for the write-up's data: its claims are sanity checks.</param>
    public static IReadOnlyList<ClaimResult> Evaluate(ExperimentSpec spec, IReadOnlyDictionary<string, double> metrics, bool standIn = false)
    {
        var results = new List<ClaimResult>();
        foreach (var c in spec.Claims)
        {
            string expected = ClaimText.Expected(c);
            string measured = ClaimText.Measured(c, spec, metrics);
            Verdict verdict = !c.Profiles.Contains(spec.Profile) ? Verdict.NotApplicable : Judge(c, spec, metrics) switch
            {
                true => Verdict.Reproduced,
                false => Verdict.NotReproduced,
                null => Verdict.NotMeasured,
            };
            results.Add(new ClaimResult(c.Id, c.Text, expected, measured, verdict, standIn && verdict != Verdict.NotApplicable));
        }
        return results;
    }

    /// <summary>True or false from the numbers; null when a number it needs is missing or NaN.</summary>
    public static bool? Judge(ClaimSpec c, ExperimentSpec spec, IReadOnlyDictionary<string, double> m)
    {
        if (!TryGet(m, Key(c.Metric, c.Member), out double left)) return null;
        if (c.Is is { } rank)
        {
            var all = spec.Members.Select(x => TryGet(m, Key(c.Metric, x.Name), out var v) ? v : double.NaN).ToList();
            if (all.Any(double.IsNaN)) return null;
            return rank == "lowest" ? all.All(v => left <= v) : all.All(v => left >= v);
        }
        double right;
        if (c.Value is { } v0) right = v0;
        else if (!TryGet(m, Key(c.OtherMetric ?? c.Metric, c.Other ?? c.Member), out right)) return null;
        right *= c.Factor;
        bool tie = Tie(left, right);
        return c.Op switch
        {
            "<" => left < right && !tie,
            "<=" => left <= right || tie,
            ">" => left > right && !tie,
            // The band as printed (right - tolerance to right + tolerance), edges included.
            "about" => left >= right - c.Tolerance!.Value && left <= right + c.Tolerance!.Value,
            _ => left >= right || tie,
        };
    }

    /// <summary>Relative difference below which two measured values are the same number (rounding noise of a sum).</summary>
    public const double TieTolerance = 1e-10;

    /// <summary>
    /// True when a and b are equal up to <see cref="TieTolerance"/> relative: a strict claim (&lt;, &gt;) on them is not
    /// reproduced and a non-strict one (&lt;=, &gt;=) is, whatever the last bits say (0.1 + 0.2 against 0.3 ties).
    /// </summary>
    public static bool Tie(double a, double b) => a == b || Math.Abs(a - b) <= TieTolerance * Math.Max(Math.Abs(a), Math.Abs(b));

    private static bool TryGet(IReadOnlyDictionary<string, double> m, string key, out double value) =>
        m.TryGetValue(key, out value) && !double.IsNaN(value);

    public static string Num(double v) => ClaimText.Num(v);
}
