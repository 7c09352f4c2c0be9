using System.CommandLine;
using System.Text.Json;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Cli.Commands;

/// <summary>`nnviz plan`: the work units of a run (experiment x seed) as JSON, split into shards; or which are done.</summary>
internal sealed class PlanCommand : ICliCommand
{
    public Command Create()
    {
        var target = new Argument<string>("spec") { Description = "a spec file or a folder of *.yaml specs" };
        var profile = Common.Profile();
        var configs = Common.Configs();
        var seeds = RunCommand.SeedsOption();
        var shards = new Option<int>("--shards") { Description = "split the units into this many shards, balanced by predicted CPU seconds", DefaultValueFactory = _ => 1 };
        var status = new Option<string[]>("--status") { Description = "run stores to check: print which units are done and, for units a shard ran, their measured CPU seconds against the prediction", AllowMultipleArgumentsPerToken = true };
        var stamps = new Option<string?>("--stamps") { Description = "write <spec file>.key per spec into this folder (its units' store keys), rewriting only those whose content changed: MSBuild's Inputs (experiments/Reproduce.proj)" };
        var cmd = new Command("plan",
            "Print the work units of a run (experiment x training seed, each its own run-store entry) with their store keys,\n" +
            "predicted CPU seconds (cost) and training multiply-adds, split into K shards balanced by predicted seconds\n" +
            "(an experiment's seeds together where balance allows), as JSON. The same inputs always give the same plan.\n" +
            "Run a shard with `nnviz run ... --shard i/K --store DIR`, then `nnviz merge DIR... --specs ... --out reports/P`.\n" +
            "Examples:\n  nnviz plan experiments/ --profile full --seeds 3 --shards 4\n" +
            "  nnviz plan experiments/ --profile full --status store-1 store-2\n" +
            "  nnviz plan experiments/ --profile quick --stamps .nnviz/stamps/quick") { target, profile, configs, seeds, shards, status, stamps };
        cmd.SetAction(r =>
        {
            if (!Common.Exists(r.GetValue(target)!)) return Common.ExitInvalid;
            if (r.GetValue(shards) < 1) { Console.Error.WriteLine("error: --shards: expected at least 1"); return Common.ExitInvalid; }
            try
            {
                var runner = new Runner(new RunnerOptions(Common.ConfigsDir(r.GetValue(configs)), "", "", r.GetValue(profile)!, r.GetValue(seeds)));
                var (specs, errors) = runner.ValidateAll(Runner.FindSpecs(r.GetValue(target)!));
                if (errors.Count > 0) { Common.PrintErrors(errors); return Common.ExitInvalid; }
                var plan = Planner.Plan(runner, specs, r.GetValue(shards));
                if (r.GetValue(status) is { Length: > 0 } stores) return Status(plan, stores);
                if (r.GetValue(stamps) is { } dir)
                {
                    var changed = ReproduceStamps.Write(runner, specs, dir);
                    Console.WriteLine($"stamps: {changed.Count} of {specs.Count} changed in {dir}{(changed.Count > 0 ? ": " + string.Join(", ", changed) : "")}");
                    return 0;
                }
                Console.WriteLine(JsonSerializer.Serialize(new { plan.Profile, plan.Seeds, plan.Shards, plan.ShardCosts, plan.Units }, ArtifactSink.JsonOptions));
                return 0;
            }
            catch (SpecException e) { Common.PrintErrors(e.Errors); return Common.ExitInvalid; }
        });
        return cmd;
    }

    private static int Status(WorkPlan plan, string[] stores)
    {
        int done = 0;
        var times = stores.Select(UnitTimes.Read).ToList();
        var ratios = new List<double>();
        foreach (var u in plan.Units)
        {
            int at = Array.FindIndex(stores, s => PartialReport.IsDone(new RunStore(s), u));
            var time = at < 0 ? null : times[at].GetValueOrDefault(u.Entry);
            if (at >= 0) done++;
            if (time is { SharedProcess: false }) ratios.Add(time.CpuSeconds / Math.Max(time.PredictedSeconds, 1e-9));
            Console.WriteLine($"{(at < 0 ? "missing" : "done   ")}  {u.Id,-40} shard {u.Shard}/{plan.Shards}  {(at < 0 ? "" : stores[at])}" +
                $"{(time is null ? "" : "  " + UnitTimes.Describe(time))}");
        }
        Console.WriteLine($"{done} of {plan.Units.Count} units done");
        if (ratios.Count > 0)
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"measured / predicted CPU seconds over {ratios.Count} units run one per process: median {Median(ratios):0.00}, range {ratios.Min():0.00}-{ratios.Max():0.00}"));
        return done == plan.Units.Count ? 0 : 1;
    }

    private static double Median(List<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }
}
