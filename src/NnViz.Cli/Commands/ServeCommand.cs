using System.CommandLine;
using Microsoft.Extensions.Hosting;
using NnViz.Cli.Serve;
using NnViz.Lab.Explain;

namespace NnViz.Cli.Commands;

/// <summary>`nnviz serve &lt;run folder&gt;`: the live explorer of an imdb-lstm run on http://127.0.0.1:&lt;port&gt;/.</summary>
internal sealed class ServeCommand : ICliCommand
{
    public int Order => 60;

    public Command Create()
    {
        var target = new Argument<string>("experiment") { Description = "an imdb-lstm run folder (e.g. reports/quick/imdb-lstm) or an experiment name under reports/quick" };
        var port = new Option<int>("--port") { Description = "port on 127.0.0.1 (0 = any free port)", DefaultValueFactory = _ => 5099 };
        var cmd = new Command("serve", "Serve the live explorer of a finished imdb-lstm run: type a sentence, see word impacts per checkpoint and its place in each layer space.\nExample: nnviz serve reports/quick/imdb-lstm --port 5099") { target, port };
        cmd.SetAction(r =>
        {
            string t = r.GetValue(target)!;
            string folder = Directory.Exists(Path.Combine(t, "checkpoints")) ? t : Path.Combine("reports", "quick", t);
            Explorer explorer;
            try { explorer = Explorer.Load(folder); }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            var app = ExplorerServer.Build(explorer, r.GetValue(port));
            app.Start();
            Console.WriteLine($"Explorer of {folder} listening on {string.Join(", ", app.Urls)} (Ctrl+C stops)");
            app.WaitForShutdown();
            return 0;
        });
        return cmd;
    }
}
