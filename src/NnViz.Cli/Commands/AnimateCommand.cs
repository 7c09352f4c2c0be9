using System.CommandLine;
using NnViz.Data;
using NnViz.Engine;
using NnViz.Lab.Animator;
using NnViz.Web;

namespace NnViz.Cli.Commands;

/// <summary>`nnviz animate a.csv b.csv ...`: one self-contained HTML page animating between the users' own checkpoints (catalogue C6).</summary>
internal sealed class AnimateCommand : ICliCommand
{
    public Command Create()
    {
        var files = new Argument<string[]>("csv") { Description = "checkpoint CSV files in order: an id column, optional label and text columns, the rest numbers", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "the HTML page to write", DefaultValueFactory = _ => "animation.html" };
        var title = new Option<string>("--title") { Description = "page title", DefaultValueFactory = _ => "Embedding animator" };
        var seed = new Option<int>("--seed") { Description = "seed of the projection", DefaultValueFactory = _ => 2026 };
        var cmd = new Command("animate",
            "Write one self-contained HTML page animating points between checkpoints given as CSV files (rows = points,\n" +
            "an id column, optional label and text columns, the rest numbers). Two numeric columns are drawn as they are;\n" +
            "more are projected to 2-D with the aligned strategy (and independently, to compare), with temporal stability\n" +
            "and trustworthiness printed. The page also accepts dropped CSV files, with no server.\n" +
            "Example: nnviz animate epoch1.csv epoch2.csv epoch3.csv --out animation.html") { files, output, title, seed };
        cmd.SetAction(r =>
        {
            try
            {
                var cps = r.GetValue(files)!.Select(f => File.Exists(f)
                    ? CsvCheckpoint.Parse(f, File.ReadAllText(f))
                    : throw new DataException("file not found", f, hint: "Give existing CSV files, one per checkpoint.")).ToList();
                var data = CsvAnimation.Build(cps, new Rng((ulong)r.GetValue(seed)));
                string path = r.GetValue(output)!;
                File.WriteAllText(path, AnimatorPage.Standalone(r.GetValue(title)!, data));
                Console.WriteLine($"wrote {path}: {data.Ids.Count} points, {data.FrameLabels.Count} checkpoints, layouts {string.Join(", ", data.Layouts.Select(l => l.Name))}");
                foreach (var l in data.Layouts)
                    foreach (var m in l.Metrics ?? [])
                        Console.WriteLine($"  {l.Name}: {m.Name} {m.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}");
                return 0;
            }
            catch (DataException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return Common.ExitInvalid;
            }
        });
        return cmd;
    }
}
