using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace NnViz.Lab.Tests;

/// <summary>
/// `nnviz serve &lt;run&gt; --port 0` as a child process (the CLI built next to the tests): its printed address, its
/// resident memory and CPU time, and everything it writes on stderr (where it logs failures).
/// </summary>
public sealed partial class SoakServer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();
    private readonly Task _readErrors;
    private bool _stopped;

    private SoakServer(Process process, Uri url)
    {
        _process = process;
        Url = url;
        _readErrors = Task.Run(async () =>
        {
            string? line;
            while ((line = await process.StandardError.ReadLineAsync()) is not null)
                lock (_errors) _errors.AppendLine(line);
        });
    }

    public Uri Url { get; }

    public static async Task<SoakServer> StartAsync(string runFolder)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = NnViz.Testing.RepoPaths.Root };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "nnviz.dll"), "serve", runFolder, "--port", "0" }) psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        string line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2)) ?? "";
        var match = Address().Match(line);
        if (!match.Success)
        {
            process.Kill(true);
            throw new InvalidOperationException($"nnviz serve did not print its address: '{line}' {await process.StandardError.ReadToEndAsync()}");
        }
        _ = process.StandardOutput.ReadToEndAsync();
        return new SoakServer(process, new Uri(match.Value));
    }

    /// <summary>Resident memory now and at its peak, in KB (VmRSS and VmHWM of /proc/PID/status; WorkingSet64 elsewhere).</summary>
    public (long Rss, long Peak) Memory()
    {
        string status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
        {
            _process.Refresh();
            return (_process.WorkingSet64 / 1024, _process.PeakWorkingSet64 / 1024);
        }
        long Field(string name) => long.Parse(File.ReadLines(status).First(l => l.StartsWith(name, StringComparison.Ordinal))[name.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return (Field("VmRSS:"), Field("VmHWM:"));
    }

    public TimeSpan Cpu()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>Stops the server and returns what it wrote on stderr.</summary>
    public string StopAndReadErrors()
    {
        Dispose();
        _readErrors.Wait(TimeSpan.FromSeconds(30));
        lock (_errors) return _errors.ToString();
    }

    public void Dispose()
    {
        if (_stopped) return;
        _stopped = true;
        if (!_process.HasExited) _process.Kill(true);
        _process.WaitForExit();
        _process.Dispose();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:[0-9]+")]
    private static partial Regex Address();
}
