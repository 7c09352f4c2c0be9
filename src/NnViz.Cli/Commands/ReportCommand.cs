using System.CommandLine;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Cli.Commands;

/// <summary>`nnviz report`: the index from the report folder, or (with --store) the whole report from a partly merged run store.</summary>
internal sealed class ReportCommand : ICliCommand
{
    /// <summary>Exit code of a report published with units missing (named on stderr and on the index page).</summary>
    public const int ExitPartial = 3;

    public Command Create()
    {
        var profile = Common.Profile();
        var configs = Common.Configs();
        var outDir = new Option<string?>("--out", "-o") { Description = "report folder (default: reports/<profile>)" };
        var store = new Option<string?>("--store") { Description = "build every page from this run store (e.g. a partly merged one), running nothing" };
        var specs = SpecsOption();
        var seeds = RunCommand.SeedsOption();
        var shards = ShardsOption();
        var cmd = new Command("report",
            "Rebuild the report's index page and assets from the experiment folders already in it\n" +
            "(the MSBuild Reproduce target calls this after running the specs that changed).\n" +
            "With --store, build the report from a run store without running anything: experiments whose units are all\n" +
            "there are published; each missing unit is named on stderr and on the index page, its experiment is left out,\n" +
            $"and the exit code is {ExitPartial} (0 when nothing is missing).\n" +
            "Examples:\n  nnviz report --profile quick\n" +
            "  nnviz report --store merged-store --specs experiments/ --profile full --seeds 3 --shards 4 --out reports/full")
            { profile, configs, outDir, store, specs, seeds, shards };
        cmd.SetAction(r =>
        {
            string p = r.GetValue(profile)!;
            string output = r.GetValue(outDir) ?? Path.Combine("reports", p);
            if (r.GetValue(store) is { } s)
            {
                if (!Directory.Exists(s)) { Console.Error.WriteLine($"error: {s}: no such run store"); return Common.ExitInvalid; }
                return FromStore(new RunnerOptions(Common.ConfigsDir(r.GetValue(configs)), output, s, p, r.GetValue(seeds)), r.GetValue(specs)!, r.GetValue(shards));
            }
            new Runner(new RunnerOptions(Common.ConfigsDir(r.GetValue(configs)), output, "", p)).BuildIndex();
            Console.WriteLine($"Report index: {Path.GetFullPath(Path.Combine(output, "index.html"))}");
            return 0;
        });
        return cmd;
    }

    public static Option<string> SpecsOption() =>
        new("--specs") { Description = "the spec file or folder the shards ran", DefaultValueFactory = _ => "experiments" };

    public static Option<int> ShardsOption()
    {
        var shards = new Option<int>("--shards") { Description = "the shard count the stores were run with (names each missing unit's shard)", DefaultValueFactory = _ => 1 };
        shards.Validators.Add(r => { if (r.GetValue(shards) < 1) r.AddError("--shards: expected at least 1"); });
        return shards;
    }

    /// <summary>Builds the report from a store; a missing unit is a warning naming it and exit code <see cref="ExitPartial"/>.</summary>
    public static int FromStore(RunnerOptions options, string specsPath, int shards)
    {
        if (!Common.Exists(specsPath)) return Common.ExitInvalid;
        try
        {
            var runner = new Runner(options);
            var (specs, errors) = runner.ValidateAll(Runner.FindSpecs(specsPath));
            if (errors.Count > 0) { Common.PrintErrors(errors); return Common.ExitInvalid; }
            var outcome = PartialReport.Build(runner, specs, Planner.Plan(runner, specs, shards), new RunStore(options.StoreDir), options.OutDir);
            string index = Path.GetFullPath(Path.Combine(options.OutDir, "index.html"));
            if (outcome.Complete) { Console.WriteLine($"report: {index}"); return 0; }
            Console.Error.WriteLine($"warning: partial report: {outcome.Missing.Count} unit(s) are missing, so their experiments are left out:");
            foreach (var m in outcome.Missing) Console.Error.WriteLine($"  missing: {m}");
            Console.Error.WriteLine("Run their shards again and merge (`nnviz plan ... --status STORE...` lists what is done).");
            Console.WriteLine($"partial report ({outcome.Published.Count} of {specs.Count} experiments): {index}");
            return ExitPartial;
        }
        catch (SpecException e) { Common.PrintErrors(e.Errors); return Common.ExitInvalid; }
        catch (PublishException e) { Console.Error.WriteLine($"error: {e.Message}"); return 1; }
    }
}
