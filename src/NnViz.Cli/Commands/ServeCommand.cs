using System.CommandLine;
using NnViz.Explorer;

namespace NnViz.Cli.Commands;

/// <summary>`nnviz serve &lt;run folder&gt;`: parses its arguments; NnViz.Explorer serves the live explorer of an imdb-lstm run.</summary>
internal sealed class ServeCommand : ICliCommand
{
    public Command Create()
    {
        var target = new Argument<string>("experiment") { Description = "an imdb-lstm run folder (e.g. reports/quick/imdb-lstm) or an experiment name under reports/quick" };
        var port = new Option<int>("--port") { Description = "port to listen on (0 = any free port; the address is printed)", DefaultValueFactory = _ => 5099 };
        var host = new Option<string>("--host")
        {
            Description = "address to listen on: 127.0.0.1 (default, this machine only), ::1, localhost, or 0.0.0.0 for every interface (anyone who can reach the machine can then use the explorer)",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var cmd = new Command("serve", "Serve the live explorer of a finished imdb-lstm run: type a sentence, see word impacts per checkpoint and its place in each layer space.\nExample: nnviz serve reports/quick/imdb-lstm --port 5099") { target, port, host };
        cmd.SetAction(r => ExplorerHost.Serve(r.GetValue(target)!, new ExplorerOptions { Host = r.GetValue(host)!, Port = r.GetValue(port) }, Console.Out, Console.Error));
        return cmd;
    }
}
