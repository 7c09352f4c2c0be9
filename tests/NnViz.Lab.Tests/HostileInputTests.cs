using System.Diagnostics;
using NnViz.Testing;

namespace NnViz.Lab.Tests;

/// <summary>
/// Walks the hostile-input corpus (tests/Hostile, see its README): each case runs the real nnviz command (the CLI's own
/// build, with its torch engine) and must be rejected cleanly: the expected exit code, the expected lines on stderr
/// (what is wrong and where), no stack trace, and no file written. Cases that are data files are placed in a fresh
/// data folder named by NNVIZ_DATA. The typed sentences (sentences/) are walked by <see cref="HostileSentenceTests"/>.
/// </summary>
public class HostileInputTests
{
    public static string Corpus => Path.Combine(RepoPaths.Root, "tests", "Hostile");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in HostileCase.Names(Corpus).Where(n => !n.StartsWith("sentences/", StringComparison.Ordinal)))
            data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsRejectedWithAClearMessageAndNoStackTrace(string name)
    {
        string input = Path.Combine(Corpus, name);
        var expect = HostileCase.Read(input + ".expect");
        string outDir = Lab.TempDir("hostile");
        string? data = expect.One("data") is { } placement ? PlaceData(input, placement) : null;
        var args = expect.One("command")!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a
            .Replace("{file}", input).Replace("{out}", outDir).Replace("{corpus}", Corpus)
            .Replace("{experiments}", Path.Combine(RepoPaths.Root, "experiments")).Replace("{data}", data ?? "")).ToList();
        var env = data is null ? null : new Dictionary<string, string> { ["NNVIZ_DATA"] = data };
        var (exit, stdout, stderr) = Cli.Run(args, outDir, env: env, dll: Cli.ProductDll);

        Assert.True(int.Parse(expect.One("exit")!) == exit, $"{name}: exit code {exit}\nstderr:\n{stderr}\nstdout:\n{stdout}");
        foreach (var line in expect.All("stderr"))
            Assert.True(stderr.Contains(line, StringComparison.Ordinal), $"{name}: stderr lacks \"{line}\":\n{stderr}");
        HostileCase.AssertNoStackTrace(name, stderr + stdout);
        // Nothing written for a rejected input: no file at all (a run store may keep the empty folder of an entry it began).
        Assert.Empty(Directory.GetFiles(outDir, "*", SearchOption.AllDirectories));
        Directory.Delete(outDir, true);
        if (data is not null) Directory.Delete(data, true);
    }

    /// <summary>A fresh data folder holding the case: a folder case's files as they are, a file case under the name given.</summary>
    private static string PlaceData(string input, string placement)
    {
        string data = Lab.TempDir("hostile-data");
        if (placement == ".")
            foreach (var f in Directory.GetFiles(input)) File.Copy(f, Path.Combine(data, Path.GetFileName(f)));
        else
            File.Copy(input, Path.Combine(data, placement));
        return data;
    }
}

/// <summary>One case's <c>.expect</c> file: <c>key: value</c> lines, a key may repeat (stderr, error, answer).</summary>
public sealed record HostileCase(IReadOnlyList<(string Key, string Value)> Lines)
{
    /// <summary>Every case under <paramref name="corpus"/>, as a path relative to it without ".expect", in ordinal order.</summary>
    public static IEnumerable<string> Names(string corpus) =>
        Directory.GetFiles(corpus, "*.expect", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(corpus, f)[..^".expect".Length].Replace('\\', '/'));

    public static HostileCase Read(string file) =>
        new([.. File.ReadAllLines(file).Where(l => l.Contains(':')).Select(l => (l[..l.IndexOf(':')], l[(l.IndexOf(':') + 1)..].Trim()))]);

    public string? One(string key) => Lines.SingleOrDefault(l => l.Key == key).Value;

    public IEnumerable<string> All(string key) => Lines.Where(l => l.Key == key).Select(l => l.Value);

    public static void AssertNoStackTrace(string name, string output)
    {
        Assert.False(output.Contains("Unhandled exception", StringComparison.Ordinal), $"{name}: an unhandled exception:\n{output}");
        Assert.DoesNotMatch(@"(^|\n)\s+at [A-Z][\w.`<>]+\(", output);   // a .NET stack frame
    }
}

/// <summary>Runs the built nnviz CLI (copied beside the tests by the project reference) as a user would.</summary>
public static class Cli
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "nnviz.dll");

    /// <summary>
    /// The CLI's own build (src/NnViz.Cli/bin/&lt;configuration&gt;/&lt;framework&gt;), built by the project reference: the copy
    /// beside the tests lacks TorchSharp, which the CLI keeps private, so checkpoints and the torch engine need this one.
    /// </summary>
    public static string ProductDll
    {
        get
        {
            string testProject = Path.Combine(RepoPaths.Root, "tests", "NnViz.Lab.Tests");
            string output = Path.GetRelativePath(testProject, AppContext.BaseDirectory);
            string dll = Path.Combine(RepoPaths.Root, "src", "NnViz.Cli", output, "nnviz.dll");
            Assert.True(File.Exists(dll), $"{dll} is missing: build src/NnViz.Cli (the Lab tests' project reference builds it)");
            return dll;
        }
    }

    public static (int Exit, string Stdout, string Stderr) Run(IEnumerable<string> args, string workingDir, int timeoutSeconds = 300,
        Dictionary<string, string>? env = null, string? dll = null)
    {
        using var p = Process.Start(StartInfo(args, workingDir, env, dll))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"nnviz {string.Join(' ', args)} did not finish in {timeoutSeconds} s");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public static ProcessStartInfo StartInfo(IEnumerable<string> args, string workingDir, Dictionary<string, string>? env = null, string? dll = null)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDir };
        psi.ArgumentList.Add(dll ?? Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        foreach (var (k, v) in env ?? []) psi.Environment[k] = v;
        return psi;
    }
}
