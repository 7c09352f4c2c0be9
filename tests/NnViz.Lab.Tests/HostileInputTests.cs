using System.Diagnostics;
using NnViz.Testing;

namespace NnViz.Lab.Tests;

/// <summary>
/// Walks the hostile-input corpus (tests/Hostile, see its README): each case runs the real nnviz command and must be
/// rejected cleanly: the expected exit code, the expected lines on stderr (what is wrong and where), no stack trace,
/// and nothing written.
/// </summary>
public class HostileInputTests
{
    private static string Corpus => Path.Combine(RepoPaths.Root, "tests", "Hostile");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Corpus, "*.expect", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Corpus, f)[..^".expect".Length].Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsRejectedWithAClearMessageAndNoStackTrace(string name)
    {
        string input = Path.Combine(Corpus, name);
        var expect = File.ReadAllLines(input + ".expect").Where(l => l.Contains(':')).Select(l => (Key: l[..l.IndexOf(':')], Value: l[(l.IndexOf(':') + 1)..].Trim())).ToList();
        string outDir = Lab.TempDir("hostile");
        string command = expect.Single(e => e.Key == "command").Value.Replace("{out}", outDir);
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Replace("{file}", input)).ToList();
        var (exit, stdout, stderr) = Cli.Run(args, outDir);

        Assert.True(int.Parse(expect.Single(e => e.Key == "exit").Value) == exit, $"{name}: exit code {exit}\nstderr:\n{stderr}\nstdout:\n{stdout}");
        foreach (var line in expect.Where(e => e.Key == "stderr").Select(e => e.Value))
            Assert.True(stderr.Contains(line, StringComparison.Ordinal), $"{name}: stderr lacks \"{line}\":\n{stderr}");
        Assert.DoesNotContain("Unhandled exception", stderr);
        Assert.DoesNotMatch(@"\n\s+at [A-Z][\w.]+\(", stderr);   // a .NET stack frame
        Assert.Empty(Directory.GetFileSystemEntries(outDir));      // nothing written for a rejected input
        Directory.Delete(outDir, true);
    }
}

/// <summary>Runs the built nnviz CLI (copied beside the tests by the project reference) as a user would.</summary>
public static class Cli
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "nnviz.dll");

    public static (int Exit, string Stdout, string Stderr) Run(IEnumerable<string> args, string workingDir, int timeoutSeconds = 300,
        Dictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDir };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        foreach (var (k, v) in env ?? []) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"nnviz {string.Join(' ', args)} did not finish in {timeoutSeconds} s");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
