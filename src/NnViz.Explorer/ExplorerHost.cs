using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace NnViz.Explorer;

/// <summary>
/// What `nnviz serve` does once its arguments are parsed: find the run folder, load it, listen (127.0.0.1 unless
/// <see cref="ExplorerOptions.Host"/> says otherwise) until Ctrl+C, printing where it listens. A missing or unreadable
/// run, a host that is not an address, or an address that cannot be bound is a message on <c>error</c> and exit code
/// 2, not a stack trace.
/// </summary>
public static class ExplorerHost
{
    /// <summary>A run folder (one holding checkpoints/) as given, otherwise an experiment name under reports/quick.</summary>
    public static string RunFolder(string target) =>
        Directory.Exists(Path.Combine(target, "checkpoints")) ? target : Path.Combine("reports", "quick", target);

    public static int Serve(string target, ExplorerOptions options, TextWriter output, TextWriter error)
    {
        var app = Start(target, options, output, error);
        if (app is null) return 2;
        app.WaitForShutdown();
        return 0;
    }

    /// <summary>Loads the run and starts listening; null (after a message on <paramref name="error"/>) when it cannot.</summary>
    public static WebApplication? Start(string target, ExplorerOptions options, TextWriter output, TextWriter error)
    {
        string folder = RunFolder(target);
        WebApplication? app = null;
        try
        {
            options.Address();
            app = ExplorerServer.Build(RunExplorer.Load(folder), options);
            app.Start();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or SocketException)
        {
            error.WriteLine($"error: {e.Message}");
            (app as IDisposable)?.Dispose();
            return null;
        }
        output.WriteLine($"Explorer of {folder} {ExplorerServer.Listening(app, options)} (Ctrl+C stops)");
        if (ReachWarning(options) is { } warning) error.WriteLine(warning);
        return app;
    }

    /// <summary>The warning printed when other machines can reach the explorer; null on a loopback address.</summary>
    public static string? ReachWarning(ExplorerOptions options) => options.IsLoopback ? null
        : $"warning: --host {options.Host} lets other machines reach the explorer; anyone who can reach this address can use it (the default 127.0.0.1 is this machine only)";
}
