using System.CommandLine;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Cli.Commands;

/// <summary>`nnviz merge`: run stores of several shards into one, then the report, as a single-machine run makes it.</summary>
internal sealed class MergeCommand : ICliCommand
{
    public Command Create()
    {
        var stores = new Argument<string[]>("store") { Description = "the shards' run stores", Arity = ArgumentArity.OneOrMore };
        var specsOpt = ReportCommand.SpecsOption();
        var profile = Common.Profile();
        var configs = Common.Configs();
        var seeds = RunCommand.SeedsOption();
        var outDir = new Option<string?>("--out", "-o") { Description = "report folder (default: reports/<profile>)" };
        var into = new Option<string>("--store") { Description = "the merged run store", DefaultValueFactory = _ => ".nnviz/store" };
        var partial = new Option<bool>("--partial") { Description = $"publish what is there when units are missing: each is named on stderr and on the index page, exit code {ReportCommand.ExitPartial}" };
        var shards = ReportCommand.ShardsOption();
        var cmd = new Command("merge",
            "Merge the run stores of a sharded run (`nnviz run --shard i/K`) and build the report from them. The same unit in\n" +
            "two stores must hold the same bytes (else an error names both); a unit no store holds is named and nothing\n" +
            $"is published (exit 1), or with --partial the rest is published and the index names what is missing (exit {ReportCommand.ExitPartial}).\n" +
            "The merged report is byte-identical to a single-machine run of the same plan.\n" +
            "Example: nnviz merge store-1 store-2 store-3 --specs experiments/ --profile full --seeds 3 --out reports/full")
            { stores, specsOpt, profile, configs, seeds, outDir, into, partial, shards };
        cmd.SetAction(r =>
        {
            string output = r.GetValue(outDir) ?? Path.Combine("reports", r.GetValue(profile)!);
            var options = new RunnerOptions(Common.ConfigsDir(r.GetValue(configs)), output, r.GetValue(into)!, r.GetValue(profile)!, r.GetValue(seeds));
            try
            {
                int copied = StoreMerge.Merge(r.GetValue(stores)!, options.StoreDir);
                Console.WriteLine($"merged {copied} unit(s) into {options.StoreDir}");
                return r.GetValue(partial) ? ReportCommand.FromStore(options, r.GetValue(specsOpt)!, r.GetValue(shards)) : Complete(options, r.GetValue(specsOpt)!);
            }
            catch (StoreConflictException e) { Console.Error.WriteLine($"error: {e.Message}"); return 1; }
            catch (DirectoryNotFoundException e) { Console.Error.WriteLine($"error: {e.Message}"); return Common.ExitInvalid; }
            catch (SpecException e) { Common.PrintErrors(e.Errors); return Common.ExitInvalid; }
        });
        return cmd;
    }

    /// <summary>The report when every unit is in the merged store; otherwise each missing unit is named and nothing is published.</summary>
    private static int Complete(RunnerOptions options, string specsPath)
    {
        var runner = new Runner(options);
        var (specs, errors) = runner.ValidateAll(Runner.FindSpecs(specsPath));
        if (errors.Count > 0) { Common.PrintErrors(errors); return Common.ExitInvalid; }
        var store = new RunStore(options.StoreDir);
        var missing = specs.SelectMany(s => runner.MissingUnits(s, store, runner.Seeds)).ToList();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine($"error: {missing.Count} unit(s) are in none of the stores, so nothing was published:");
            foreach (var m in missing) Console.Error.WriteLine($"  missing: {m}");
            Console.Error.WriteLine("Run their shard again (`nnviz plan ... --status STORE...` lists what is done), or pass --partial to publish the rest.");
            return 1;
        }
        foreach (var s in specs) runner.Run(s);
        runner.BuildIndex();
        Console.WriteLine($"report: {Path.GetFullPath(Path.Combine(options.OutDir, "index.html"))}");
        return 0;
    }
}
