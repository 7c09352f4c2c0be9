using Microsoft.Extensions.Hosting;

namespace NnViz.Explorer;

/// <summary>
/// What `nnviz serve` does once its arguments are parsed: find the run folder, load it, listen on 127.0.0.1 until
/// Ctrl+C. A missing or unreadable run is a message on <paramref name="error"/> and exit code 2, not a stack trace.
/// </summary>
public static class ExplorerHost
{
    /// <summary>A run folder (one holding checkpoints/) as given, otherwise an experiment name under reports/quick.</summary>
    public static string RunFolder(string target) =>
        Directory.Exists(Path.Combine(target, "checkpoints")) ? target : Path.Combine("reports", "quick", target);

    public static int Serve(string target, int port, TextWriter output, TextWriter error)
    {
        string folder = RunFolder(target);
        RunExplorer explorer;
        try { explorer = RunExplorer.Load(folder); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
        var app = ExplorerServer.Build(explorer, port);
        app.Start();
        output.WriteLine($"Explorer of {folder} listening on {string.Join(", ", app.Urls)} (Ctrl+C stops)");
        app.WaitForShutdown();
        return 0;
    }
}
