using NnViz.Lab.Specs;

namespace NnViz.Lab.Runs;

/// <summary>One unit of work: an experiment at one training seed, with its store entry and estimated cost.</summary>
/// <param name="Cost">predicted CPU seconds of the whole unit (<see cref="CostModel.Seconds"/>): what shards are balanced on.</param>
/// <param name="MultiplyAdds">the training's millions of multiply-adds (<see cref="CostModel.Estimate"/>, the measure the run bound is on).</param>
/// <param name="ProjectedPoints">millions of projected point-iterations (<see cref="CostModel.ProjectionWork"/>), the cost model's second size.</param>
public sealed record WorkUnit(string Id, string Experiment, int SeedIndex, ulong Seed, string Key, string Entry, double Cost, int Shard,
    double MultiplyAdds = 0, double ProjectedPoints = 0);

/// <summary>The units of a set of specs at one profile and seed count, split into shards balanced by estimated cost.</summary>
public sealed record WorkPlan(string Profile, int Seeds, int Shards, IReadOnlyList<WorkUnit> Units)
{
    /// <summary>Predicted CPU seconds per shard (1-based shard numbers are index + 1).</summary>
    public IReadOnlyList<double> ShardCosts => [.. Enumerable.Range(1, Shards).Select(s => Math.Round(Units.Where(u => u.Shard == s).Sum(u => u.Cost), 3))];
}

/// <summary>
/// Cuts a run into units that an existing scheduler (a CI matrix, a Slurm array) runs: experiment x seed, each a
/// store entry of its own (the store is content-addressed, so a unit run anywhere has the same key and bytes). The
/// same inputs always give the same plan: units in spec order, then seed order; shards by longest-first greedy
/// assignment of the predicted CPU seconds (an experiment's seeds together where balance allows), ties to the
/// lowest shard number.
/// </summary>
public static class Planner
{
    public static WorkPlan Plan(Runner runner, IReadOnlyList<ExperimentSpec> specs, int shards)
    {
        if (shards < 1) throw new ArgumentOutOfRangeException(nameof(shards), "at least one shard");
        var store = new RunStore("");
        var units = new List<WorkUnit>();
        foreach (var spec in specs)
            for (int i = 0; i < runner.Seeds; i++)
            {
                var variant = runner.SeedVariant(spec, i);
                string key = runner.UnitKey(variant);
                units.Add(new WorkUnit($"{spec.Name}#{variant.Seed}", spec.Name, i, variant.Seed, key[..16],
                    Path.GetFileName(store.EntryDir(variant.Name, key)), CostModel.Seconds(variant), 0,
                    CostModel.Estimate(variant), CostModel.ProjectionWork(variant)));
            }
        return new WorkPlan(runner.Profile.Name, runner.Seeds, shards, Assign(units, shards));
    }

    /// <summary>
    /// Longest-first greedy over groups: an experiment's seeds stay together on one shard (each process loads an
    /// experiment's data and compiles its code once: on ci, two shards with every experiment split between them cost
    /// 56 s of CPU against one process's 37 s), unless the experiment is more than half an ideal shard's share
    /// (total / shards), when its seeds are placed one by one: kept whole, such an experiment leaves the shards up to
    /// half a share apart (on full with 3 seeds, D2's three seeds are about half of all the CPU time).
    /// </summary>
    private static WorkUnit[] Assign(List<WorkUnit> units, int shards)
    {
        double ideal = units.Sum(u => u.Cost) / shards;
        var groups = units.Select((u, i) => (u, i)).GroupBy(x => x.u.Experiment)
            .SelectMany(g => g.Sum(x => x.u.Cost) > ideal / 2 ? g.Select(x => new[] { x.i }) : [g.Select(x => x.i).ToArray()])
            .Select(ids => (Ids: ids, Cost: ids.Sum(i => units[i].Cost)))
            .OrderByDescending(g => g.Cost).ThenBy(g => g.Ids[0]).ToList();
        var load = new double[shards];
        var assigned = new WorkUnit[units.Count];
        foreach (var (ids, cost) in groups)
        {
            int best = Array.IndexOf(load, load.Min());
            load[best] += cost;
            foreach (int i in ids) assigned[i] = units[i] with { Shard = best + 1 };
        }
        return assigned;
    }

    /// <summary>Parses "i/K" (1-based): shard i of K.</summary>
    public static (int Index, int Count) ParseShard(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out int i) && int.TryParse(parts[1], out int k) && k >= 1 && i >= 1 && i <= k)
            return (i, k);
        throw new ArgumentException($"--shard: expected i/K with 1 <= i <= K (e.g. 2/3), received '{text}'");
    }
}
