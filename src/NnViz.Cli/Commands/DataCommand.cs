using System.CommandLine;
using NnViz.Data;

namespace NnViz.Cli.Commands;

internal sealed class DataCommand : ICliCommand
{
    public int Order => 50;

    public Command Create()
    {
        var folder = new Option<string?>("--data")
        {
            Description = $"data folder (default: ${DataCatalog.EnvironmentVariable}, else ./{DataCatalog.DefaultFolder})",
        };
        var noChecksums = new Option<bool>("--no-checksums") { Description = "skip SHA-256 of the files (faster on large sets)" };
        var status = new Command("status",
            "Which real data sets are present, where, their checksums, and for each missing one where to get it and\n" +
            "where to put it. Experiments run on generated data or Fashion-MNIST when a set is missing.\n" +
            "Example: NNVIZ_DATA=~/nnviz-data nnviz data status") { folder, noChecksums };
        status.SetAction(r =>
        {
            var f = DataCatalog.ResolveFolder(r.GetValue(folder));
            Console.Write(DataCatalog.Status(f, checksums: !r.GetValue(noChecksums)).Format());
            return 0;
        });
        return new Command("data", "Real data sets: see what is present and how to get the rest.\nExample: nnviz data status") { status };
    }
}
