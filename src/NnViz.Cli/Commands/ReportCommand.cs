using System.CommandLine;
using NnViz.Lab.Runs;

namespace NnViz.Cli.Commands;

internal sealed class ReportCommand : ICliCommand
{
    public Command Create()
    {
        var profile = Common.Profile();
        var configs = Common.Configs();
        var outDir = new Option<string?>("--out", "-o") { Description = "report folder (default: reports/<profile>)" };
        var cmd = new Command("report",
            "Rebuild the report's index page and assets from the experiment folders already in it\n" +
            "(the MSBuild Reproduce target calls this after running the specs that changed).\n" +
            "Example: nnviz report --profile quick") { profile, configs, outDir };
        cmd.SetAction(r =>
        {
            string p = r.GetValue(profile)!;
            string output = r.GetValue(outDir) ?? Path.Combine("reports", p);
            new Runner(new RunnerOptions(Common.ConfigsDir(r.GetValue(configs)), output, "", p)).BuildIndex();
            Console.WriteLine($"Report index: {Path.GetFullPath(Path.Combine(output, "index.html"))}");
            return 0;
        });
        return cmd;
    }
}
