using NnViz.Lab.Specs;

namespace NnViz.Lab;

/// <summary>Checks a spec's claims against its model family, the comparison forms and the known profiles.</summary>
public static class ClaimValidation
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
            if (c.Op == "about" && c.Tolerance is null)
                Err("'op: about' needs 'tolerance', the half-width of the band (e.g. 'about 80 %' = value 0.8, tolerance 0.05)");
            if (c.Op != "about" && c.Tolerance is not null) Err("'tolerance' only goes with 'op: about' (a two-sided band)");
            foreach (var p in c.Profiles.Where(p => !Runs.Profile.Known.Contains(p)))
                Err($"unknown profile '{p}' in profiles (expected {string.Join(", ", Runs.Profile.Known)})");
        }
    }
}
