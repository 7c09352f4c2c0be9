using NnViz.Lab.Report;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Runs;

/// <summary>What a report built from a run store holds: the experiments published and the units no store had.</summary>
public sealed record ReportOutcome(IReadOnlyList<RunSummary> Published, IReadOnlyList<string> Missing)
{
    public bool Complete => Missing.Count == 0;
}

/// <summary>
/// Builds the report from what a (partly) merged run store holds, running nothing: an experiment whose units are all
/// in the store is published as a single-machine run publishes it; an experiment with a missing unit is left out (a
/// page from an older run in the report folder is removed, so nothing stale passes for current) and each missing unit
/// is named on the index page. With nothing missing the report is byte-identical to <c>nnviz merge</c>'s.
/// </summary>
public static class PartialReport
{
    /// <param name="plan">the plan the shards ran (its shard numbers say which shard to rerun).</param>
    public static ReportOutcome Build(Runner runner, IReadOnlyList<ExperimentSpec> specs, WorkPlan plan, RunStore store, string outDir)
    {
        var missing = MissingUnits(plan, store);
        var published = new List<RunSummary>();
        foreach (var spec in specs)
        {
            if (missing.Any(u => u.Experiment == spec.Name))
            {
                string stale = Path.Combine(outDir, spec.Name);
                if (Directory.Exists(stale)) Directory.Delete(stale, true);
                continue;
            }
            published.Add(runner.Run(spec));
        }
        var lines = missing.Select(u => Describe(u, plan)).ToList();
        SiteIndex.Write(outDir, runner.Profile, lines);
        return new ReportOutcome(published, lines);
    }

    /// <summary>The plan's units that are not complete (committed, intact, with their page record) in the store.</summary>
    public static IReadOnlyList<WorkUnit> MissingUnits(WorkPlan plan, RunStore store) =>
        [.. plan.Units.Where(u => !IsDone(store, u))];

    public static bool IsDone(RunStore store, WorkUnit u)
    {
        string entry = Path.Combine(store.Root, u.Entry);
        return Directory.Exists(entry) && store.Check(entry) is null && PageRecord.Read(entry) is not null;
    }

    /// <summary>"unit moons (seed 4), shard 2 of 3, store entry moons-0123456789abcdef".</summary>
    public static string Describe(WorkUnit u, WorkPlan plan) =>
        $"unit {u.Experiment} (seed {u.Seed}), " + (plan.Shards > 1 ? $"shard {u.Shard} of {plan.Shards}, " : "") + $"store entry {u.Entry}";
}
