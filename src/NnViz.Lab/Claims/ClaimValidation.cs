using NnViz.Lab.Experiments;
using NnViz.Lab.Specs;

namespace NnViz.Lab;

/// <summary>Checks a spec's claims against its model family, the comparison forms and the known profiles.</summary>
public static class ClaimValidation
{
    public static void Validate(ExperimentSpec spec, ICollection<SpecError> errors, IReadOnlyList<MetricInfo>? declared = null)
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
            if (c.Op == "about" && c.Tolerance is null)
                Err("'op: about' needs 'tolerance', the half-width of the band (e.g. 'about 80 %' = value 0.8, tolerance 0.05)");
            if (c.Op != "about" && c.Tolerance is not null) Err("'tolerance' only goes with 'op: about' (a two-sided band)");
            if (declared is not null)
            {
                CheckMetric(c.Metric, c.Member, "metric", declared, spec, Err);
                if (c.Value is null && c.Is is null && (c.OtherMetric is not null || c.Other is not null))
                    CheckMetric(c.OtherMetric ?? c.Metric, c.Other ?? c.Member, "other_metric", declared, spec, Err);
            }
            foreach (var p in c.Profiles.Where(p => !Runs.Profile.Known.Contains(p)))
                Err($"unknown profile '{p}' in profiles (expected {string.Join(", ", Runs.Profile.Known)})");
        }
    }

    /// <summary>
    /// A claim may only name a metric its kind declares, keyed as the kind keys it (per member or per experiment):
    /// a misspelled metric would otherwise never be measured.
    /// </summary>
    private static void CheckMetric(string metric, string? member, string key, IReadOnlyList<MetricInfo> declared, ExperimentSpec spec, Action<string> err)
    {
        if (declared.Any(m => m.Matches(metric, member))) return;
        var named = declared.FirstOrDefault(m => m.Name == metric);
        if (named is not null)
        {
            err(named.Scope == MetricScope.PerMember
                ? $"{key} '{metric}' is measured per family member: name the member ('member:' or 'other:')"
                : $"{key} '{metric}' is measured once per experiment, not per member: remove the member");
            return;
        }
        string hint = SchemaBinder.Suggest(metric, declared.Select(m => m.Name));
        err($"{key} '{metric}' is not a metric kind '{spec.Kind}' measures{hint}; it measures: {string.Join(", ", declared.Select(m => m.Name).Distinct())}");
    }
}
