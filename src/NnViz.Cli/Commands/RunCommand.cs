using System.CommandLine;
using NnViz.Lab;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using Spectre.Console;

namespace NnViz.Cli.Commands;

internal sealed class RunCommand : ICliCommand
{
    public Command Create()
    {
        var target = new Argument<string[]>("spec") { Description = "spec files or folders of *.yaml specs (e.g. experiments/)", Arity = ArgumentArity.OneOrMore };
        var profile = Common.Profile();
        var configs = Common.Configs();
        var outDir = new Option<string?>("--out", "-o") { Description = "report folder (default: reports/<profile>)" };
        var store = new Option<string>("--store") { Description = "run store for finished and partial work", DefaultValueFactory = _ => ".nnviz/store" };
        var seeds = SeedsOption();
        var shard = new Option<string?>("--shard") { Description = "run only shard i of K of `nnviz plan --shards K` (e.g. 2/3) into --store; no report (nnviz merge builds it)" };
        var engine = new Option<string?>("--engine") { Description = $"training engine for every spec, overriding training.engine ({string.Join(", ", NnViz.Lab.Experiments.Pipeline.Engines.Names)}); shown in each page's setup differences" };
        engine.AcceptOnlyFromAmong([.. NnViz.Lab.Experiments.Pipeline.Engines.Names]);
        var dryRun = new Option<bool>("--dry-run") { Description = "print what would run (engine, seeds, the data each spec will read and why, estimated cost) and stop" };
        var jobs = JobsOption();
        var force = new Option<bool>("--force") { Description = $"run even when a spec's estimated cost is above the bound ({CostModel.Bound:N0} M multiply-adds)" };
        var cmd = new Command("run",
            "Run experiment specs: train, record, project, render figures and animations, check claims, and write the\n" +
            "report (reports/<profile>/index.html). All specs are validated first; an invalid spec writes nothing.\n" +
            "Finished work is reused from the run store when the inputs are unchanged; an interrupted run resumes.\n" +
            "Examples:\n  nnviz run experiments/                      every experiment, quick profile\n" +
            "  nnviz run experiments/rings.yaml --profile full --out /tmp/rings\n" +
            "  nnviz run experiments/ --profile ci --engine torch   train with libtorch (TorchSharp) instead of NnViz.Engine\n" +
            "  nnviz run experiments/ --profile full --seeds 3 --shard 1/4 --store store-1   one shard of a sharded run\n" +
            "  nnviz run experiments/ --profile full --jobs 1           one unit at a time, every core for its kernels")
            { target, profile, configs, outDir, store, seeds, shard, engine, dryRun, jobs, force };
        cmd.SetAction(r => r.GetValue(shard) is { } s
            ? RunShard(r.GetValue(target)!, r.GetValue(profile)!, Common.ConfigsDir(r.GetValue(configs)), r.GetValue(store)!, r.GetValue(seeds), s, r.GetValue(engine), r.GetValue(jobs))
            : Execute(r.GetValue(target)!, r.GetValue(profile)!, Common.ConfigsDir(r.GetValue(configs)),
                r.GetValue(outDir), r.GetValue(store)!, r.GetValue(seeds), r.GetValue(engine), r.GetValue(jobs), r.GetValue(dryRun), r.GetValue(force)));
        return cmd;
    }

    /// <summary>--jobs: units (experiment x seed) run at once.</summary>
    private static Option<int> JobsOption()
    {
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = $"units (experiment x seed) run at once, longest predicted first, each with cores / jobs kernel threads " +
                $"(default: the processor count, {Environment.ProcessorCount} here). Every artifact has the bytes of --jobs 1; only provenance.json differs",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        jobs.Validators.Add(r =>
        {
            if (r.GetValue(jobs) is var n && (n < 1 || n > 256)) r.AddError($"--jobs: expected 1 to 256, received {n}");
        });
        return jobs;
    }

    /// <summary>Every spec file named or found in the folders named, in the order given.</summary>
    private static List<string> FindAll(string[] targets) => [.. targets.SelectMany(Runner.FindSpecs)];

    /// <summary>--seeds, shared by run, plan and merge.</summary>
    public static Option<int?> SeedsOption()
    {
        var seeds = new Option<int?>("--seeds") { Description = $"training seeds judging each claim (1 to {NnViz.Lab.Runs.Profile.MaxSeeds}; default: the profile's, 3 on full, 1 on quick and ci)" };
        seeds.Validators.Add(r =>
        {
            if (r.GetValue(seeds) is { } n && (n < 1 || n > NnViz.Lab.Runs.Profile.MaxSeeds)) r.AddError($"--seeds: expected 1 to {NnViz.Lab.Runs.Profile.MaxSeeds}, received {n}");
        });
        return seeds;
    }

    /// <summary>What each spec would run with, and its estimate; nothing runs.</summary>
    private static int DryRun(Runner runner, IReadOnlyList<ExperimentSpec> specs)
    {
        Console.WriteLine($"dry run: {specs.Count} experiment(s), profile {runner.Profile.Name}, {runner.Seeds} seed(s); nothing is run or written");
        foreach (var s in specs)
        {
            var (engine, seeds, data, cost) = runner.Describe(s);
            Console.WriteLine($"{s.Name} ({s.Kind}, {s.File}): engine {engine}, {s.Epochs} epoch(s) x {seeds} seed(s), " +
                $"estimated {cost:N1} M multiply-adds per seed{(cost > CostModel.Bound ? $" (above the bound {CostModel.Bound:N0}: needs --force)" : "")}");
            foreach (var d in data) Console.WriteLine($"    {d}");
            if (data.Count == 0) Console.WriteLine("    data: generated (the write-up's data are synthetic)");
        }
        return 0;
    }

    /// <summary>Runs exactly one shard's units into its own store, printing each unit as it goes.</summary>
    private static int RunShard(string[] targets, string profileName, string configsDir, string storeDir, int? seeds, string shardText, string? engine, int jobs)
    {
        if (!targets.All(Common.Exists)) return Common.ExitInvalid;
        try
        {
            var (index, count) = Planner.ParseShard(shardText);
            var runner = new Runner(new RunnerOptions(configsDir, "", storeDir, profileName, seeds, engine));
            var (specs, errors) = runner.ValidateAll(FindAll(targets));
            if (errors.Count > 0) { Common.PrintErrors(errors); return Common.ExitInvalid; }
            var plan = Planner.Plan(runner, specs, count);
            var mine = plan.Units.Where(u => u.Shard == index).ToList();
            Console.WriteLine($"shard {index}/{count}: {mine.Count} of {plan.Units.Count} units, predicted {plan.ShardCosts[index - 1]} s CPU, into {storeDir}");
            runner.RunUnits(specs, new RunStore(storeDir), mine, jobs, Console.WriteLine);
            return 0;
        }
        catch (ArgumentException e) { Console.Error.WriteLine($"error: {e.Message}"); return Common.ExitInvalid; }
        catch (SpecException e) { Common.PrintErrors(e.Errors); return Common.ExitInvalid; }
    }

    private static int Execute(string[] targets, string profileName, string configsDir, string? outDir, string storeDir, int? seeds, string? engine,
        int jobs, bool dryRun = false, bool force = false)
    {
        if (!targets.All(Common.Exists)) return Common.ExitInvalid;
        string output = outDir ?? Path.Combine("reports", profileName);
        List<RunSummary> results = [];
        try
        {
            var progress = new ProgressSink();
            var runner = new Runner(new RunnerOptions(configsDir, output, storeDir, profileName, seeds, engine), progress);
            var (specs, errors) = runner.ValidateAll(FindAll(targets));
            if (errors.Count > 0) { Common.PrintErrors(errors); return Common.ExitInvalid; }
            if (dryRun) return DryRun(runner, specs);
            var tooBig = specs.Select(s => (s, cost: CostModel.Estimate(s))).Where(x => x.cost > CostModel.Bound).ToList();
            if (tooBig.Count > 0 && !force)
            {
                foreach (var (s, cost) in tooBig)
                    Console.Error.WriteLine($"{s.File}: estimated cost {cost:N0} M multiply-adds per seed is above the bound {CostModel.Bound:N0} " +
                        "(about 4x the catalogue's largest experiment on full): check training.epochs and the data sizes, or pass --force.");
                Console.Error.WriteLine("Nothing was run or written (`nnviz run --dry-run` shows each spec's estimate).");
                return Common.ExitInvalid;
            }
            AnsiConsole.MarkupLine($"Running [bold]{specs.Count}[/] experiment(s) on profile [bold]{profileName}[/] with {runner.Seeds} seed(s) into [bold]{Markup.Escape(output)}[/]" +
                (jobs > 1 ? $", up to {jobs} units at once" : ""));
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .Start(ctx =>
                {
                    progress.Attach(ctx, specs.Select(s => s.Name));
                    results.AddRange(runner.RunAll(specs, jobs, s => progress.Finish(s.Name)));
                });
            runner.BuildIndex();
        }
        catch (SpecException e) { Common.PrintErrors(e.Errors); return Common.ExitInvalid; }
        catch (PublishException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (NnViz.Data.DataException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        var table = new Table().AddColumns("experiment", "reproduced", "not reproduced", "not measured", "sanity checks", "n/a", "data", "store");
        foreach (var s in results)
            table.AddRow(s.Name, s.Reproduced.ToString(), s.NotReproduced.ToString(), s.NotMeasured.ToString(),
                $"{s.SanityPassed} of {s.SanityPassed + s.SanityFailed}", s.NotApplicable.ToString(), Markup.Escape(DataLine.For(s)), s.Reused ? "reused" : "ran");
        AnsiConsole.Write(table);
        // A clickable link in a terminal; the plain path in a log, where the link's escape codes would only be noise.
        string index = Markup.Escape(Path.GetFullPath(Path.Combine(output, "index.html")));
        AnsiConsole.MarkupLine(Console.IsOutputRedirected ? $"Report: {index}" : $"Report: [link]{index}[/]");
        return 0;
    }

    /// <summary>Turns the runner's progress reports into one Spectre progress bar per experiment.</summary>
    private sealed class ProgressSink : IProgress<RunProgress>
    {
        private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

        public void Attach(ProgressContext ctx, IEnumerable<string> names)
        {
            foreach (var n in names) _tasks[n] = ctx.AddTask(Markup.Escape(n), autoStart: true, maxValue: 1.0);
        }

        public void Report(RunProgress p)
        {
            if (!_tasks.TryGetValue(p.Experiment, out var t)) return;
            t.Description = Markup.Escape($"{p.Experiment}: {p.Stage}");
            t.Value = p.Fraction;
        }

        public void Finish(string name)
        {
            if (!_tasks.TryGetValue(name, out var t)) return;
            t.Description = Markup.Escape(name);
            t.Value = 1.0;
            t.StopTask();
        }
    }
}
