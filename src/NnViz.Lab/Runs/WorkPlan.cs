using NnViz.Lab.Specs;

namespace NnViz.Lab.Runs;

/// <summary>One unit of work: an experiment at one training seed, with its store entry and estimated cost.</summary>
public sealed record WorkUnit(string Id, string Experiment, int SeedIndex, ulong Seed, string Key, string Entry, double Cost, int Shard);

/// <summary>The units of a set of specs at one profile and seed count, split into shards balanced by estimated cost.</summary>
public sealed record WorkPlan(string Profile, int Seeds, int Shards, IReadOnlyList<WorkUnit> Units)
{
    /// <summary>Estimated cost per shard (1-based shard numbers are index + 1).</summary>
    public IReadOnlyList<double> ShardCosts => [.. Enumerable.Range(1, Shards).Select(s => Math.Round(Units.Where(u => u.Shard == s).Sum(u => u.Cost), 3))];
}

/// <summary>
/// Cuts a run into units that an existing scheduler (a CI matrix, a Slurm array) runs: experiment x seed, each a
/// store entry of its own (the store is content-addressed, so a unit run anywhere has the same key and bytes). The
/// same inputs always give the same plan: units in spec order, then seed order; shards by longest-first greedy
/// assignment of the estimated costs, ties to the lowest shard number.
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
                    Path.GetFileName(store.EntryDir(variant.Name, key)), CostModel.Estimate(variant), 0));
            }
        var load = new double[shards];
        var order = units.Select((u, i) => (u, i)).OrderByDescending(x => x.u.Cost).ThenBy(x => x.i).ToList();
        var assigned = new WorkUnit[units.Count];
        foreach (var (u, i) in order)
        {
            int best = Array.IndexOf(load, load.Min());
            load[best] += u.Cost;
            assigned[i] = u with { Shard = best + 1 };
        }
        return new WorkPlan(runner.Profile.Name, runner.Seeds, shards, assigned);
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

/// <summary>
/// A rough, deterministic cost of one unit in millions of multiply-adds: epochs x training rows x the model's
/// weights (dense units times their inputs; a recurrent layer counts 4 gates per time step). For balancing shards and
/// for `nnviz run --dry-run`, not a time prediction: rendering and projection costs are not in it.
/// </summary>
public static class CostModel
{
    /// <summary>
    /// Above this estimate (millions of multiply-adds; about 4x the catalogue's largest experiment, D2 on full) a run
    /// stops before it starts unless forced: an epochs or size typo would otherwise run for days.
    /// </summary>
    public const double Bound = 5_000_000;

    private static readonly string[] RowKeys = ["train", "n", "train_points", "train_limit", "points_per_ring", "per_class"];

    public static double Estimate(ExperimentSpec spec)
    {
        double rows = 1;
        foreach (var key in RowKeys)
            if (Number(spec.Data, key) is { } d)
                rows = Math.Max(rows, key switch { "points_per_ring" => 2 * d, "per_class" => 10 * d, _ => d });
        double steps = Number(spec.Data, "max_length") ?? 1;
        double weights = spec.Members.Sum(m =>
        {
            double total = 0, width = 8;
            foreach (var l in m.Layers.Where(l => l.Units > 0))
            {
                total += l.Kind.Contains("lstm", StringComparison.OrdinalIgnoreCase) ? 4 * l.Units * (width + l.Units) * steps : l.Units * width;
                width = l.Units;
            }
            return total;
        });
        return Math.Round(spec.Epochs * rows * Math.Max(1, weights) / 1e6, 3);
    }

    private static double? Number(Section s, string key) => s.Raw(key) switch
    {
        long l => l,
        int i => i,
        double d => d,
        _ => null,
    };
}
