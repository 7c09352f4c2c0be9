using NnViz.Lab.Specs;

namespace NnViz.Lab;

/// <summary>One seed's judgement of a claim (in claims.json beside the aggregate).</summary>
public sealed record SeedJudgement(ulong Seed, Verdict Verdict, string Measured, double? Value, double? Against);

/// <summary>
/// Judges claims over several training seeds, as the write-ups themselves say runs differ. Each seed is judged on its
/// own metrics; the claim is reproduced when a majority of seeds reproduce it ("reproduced in k of N seeds"), not
/// measured when any seed lacks the metric (a failure), and the measured column shows mean and spread.
/// With one seed the result is exactly <see cref="ClaimChecks.Evaluate"/>'s.
/// </summary>
public static class SeedVerdicts
{
    public static IReadOnlyList<ClaimResult> Evaluate(ExperimentSpec spec,
        IReadOnlyList<(ulong Seed, IReadOnlyDictionary<string, double> Metrics)> runs, bool standIn = false)
    {
        if (runs.Count == 0) throw new ArgumentException("at least one seed's metrics are needed", nameof(runs));
        var first = ClaimChecks.Evaluate(spec, runs[0].Metrics, standIn);
        if (runs.Count == 1) return first;
        var perSeed = runs.Select(r => ClaimChecks.Evaluate(spec, r.Metrics, standIn)).ToList();
        var results = new List<ClaimResult>();
        for (int i = 0; i < spec.Claims.Count; i++)
        {
            var claim = spec.Claims[i];
            var judged = runs.Select((r, s) => new SeedJudgement(r.Seed, perSeed[s][i].Verdict, perSeed[s][i].Measured,
                Value(r.Metrics, ClaimChecks.Key(claim.Metric, claim.Member)), Against(claim, r.Metrics))).ToList();
            results.Add(first[i] with
            {
                Verdict = Aggregate(judged.Select(j => j.Verdict).ToList()),
                Measured = Spread(claim, judged),
                Seeds = judged,
            });
        }
        return results;
    }

    /// <summary>Majority of seeds reproduced; any seed not measured makes the claim not measured.</summary>
    public static Verdict Aggregate(IReadOnlyList<Verdict> seeds)
    {
        if (seeds.All(v => v == Verdict.NotApplicable)) return Verdict.NotApplicable;
        if (seeds.Any(v => v == Verdict.NotMeasured)) return Verdict.NotMeasured;
        int ok = seeds.Count(v => v == Verdict.Reproduced);
        return 2 * ok > seeds.Count ? Verdict.Reproduced : Verdict.NotReproduced;
    }

    private static double? Value(IReadOnlyDictionary<string, double> m, string key) =>
        m.TryGetValue(key, out var v) && !double.IsNaN(v) ? v : null;

    private static double? Against(ClaimSpec c, IReadOnlyDictionary<string, double> m) =>
        c.Is is not null || c.Value is not null ? null : Value(m, ClaimChecks.Key(c.OtherMetric ?? c.Metric, c.Other ?? c.Member));

    private static string Spread(ClaimSpec c, IReadOnlyList<SeedJudgement> seeds)
    {
        int n = seeds.Count, k = seeds.Count(s => s.Verdict == Verdict.Reproduced);
        string Stat(string key, IEnumerable<double?> values)
        {
            var v = values.ToList();
            if (v.Any(x => x is null)) return $"{key} not measured in {v.Count(x => x is null)} of {n} seeds";
            double mean = v.Average(x => x!.Value);
            double sd = Math.Sqrt(v.Sum(x => (x!.Value - mean) * (x!.Value - mean)) / Math.Max(1, n - 1));
            return $"{key} = {ClaimText.Num(mean)} ± {ClaimText.Num(sd)} (mean ± sd; {string.Join(", ", v.Select(x => ClaimText.Num(x!.Value)))})";
        }
        string left = Stat(ClaimChecks.Key(c.Metric, c.Member), seeds.Select(s => s.Value));
        string right = c.Is is null && c.Value is null
            ? "; " + Stat(ClaimChecks.Key(c.OtherMetric ?? c.Metric, c.Other ?? c.Member), seeds.Select(s => s.Against))
            : "";
        return seeds.All(s => s.Verdict == Verdict.NotApplicable) ? left + right : $"{left}{right}; holds in {k} of {n} seeds";
    }
}
