using System.CommandLine;
using NnViz.Data;
using NnViz.Lab.Experiments.Common;

namespace NnViz.Cli.Commands;

/// <summary>`nnviz data status | fetch | import`: the real data sets of the write-ups.</summary>
internal sealed class DataCommand : ICliCommand
{
    internal static Option<string?> FolderOption() => new("--data")
    {
        Description = $"data folder (default: ${DataCatalog.EnvironmentVariable}, else ./{DataCatalog.DefaultFolder})",
    };

    public Command Create() =>
        new("data",
            "Real data sets: what is present, their identities, and getting the rest.\n" +
            "Examples:\n" +
            "  NNVIZ_DATA=../shared/data nnviz data status\n" +
            "  nnviz data fetch all --data ~/nnviz-data\n" +
            "  nnviz data import ~/Downloads/yelp_academic_dataset_review.json")
        {
            Status(), DataFetchCommand.Create(), DataImportCommand.Create(),
        };

    private static Command Status()
    {
        var folder = FolderOption();
        var noChecksums = new Option<bool>("--no-checksums") { Description = "skip SHA-256 and row counts (faster on large sets)" };
        var specs = new Option<string>("--specs") { Description = "experiment specs (a folder or one file)", DefaultValueFactory = _ => "experiments" };
        var configs = new Option<string>("--configs") { Description = "profiles folder", DefaultValueFactory = _ => "configs" };
        var status = new Command("status",
            "For each data set: whether it is present and where, how it was recognised, its files with SHA-256 (and\n" +
            "whether they are a known published copy), rows and identity hash, and what uses it; for a missing set\n" +
            "what was looked for, how to get it and what runs meanwhile. Then, for each experiment of --specs and each\n" +
            "profile, which data it will read (real set, stand-in or generated) and why.\n" +
            "Example: NNVIZ_DATA=../shared/data nnviz data status") { folder, noChecksums, specs, configs };
        status.SetAction(r =>
        {
            DataFolder f = DataCatalog.ResolveFolder(r.GetValue(folder));
            // The experiments resolve their data as a run does (spec folder, else NNVIZ_DATA): --data stands for NNVIZ_DATA here.
            if (r.GetValue(folder) is { } given) Environment.SetEnvironmentVariable(DataCatalog.EnvironmentVariable, Path.GetFullPath(given));
            return Run(() =>
            {
                Console.Write(DataStatusView.Format(f, DataStatusView.Collect(f.Path, identities: !r.GetValue(noChecksums))));
                if (Directory.Exists(r.GetValue(specs)!))
                    Console.Write(DataPlan.Format(DataPlan.Collect(r.GetValue(specs)!, r.GetValue(configs)!)));
            });
        });
        return status;
    }

    /// <summary>Runs a data action; a <see cref="DataException"/> is printed as `error: …` (with its hint) and exits 1.</summary>
    internal static int Run(Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (DataException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
