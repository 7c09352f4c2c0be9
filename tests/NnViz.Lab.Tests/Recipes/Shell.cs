using System.Diagnostics;

namespace NnViz.Lab.Tests.Recipes;

/// <summary>Runs a program (bash, dotnet build) as a child process with a chosen environment and a time limit.</summary>
public static class Shell
{
    public static (int Exit, string Stdout, string Stderr) Run(string file, IEnumerable<string> args, string workingDir,
        IReadOnlyDictionary<string, string>? env = null, int timeoutSeconds = 600)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDir };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeoutSeconds} s");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A temp folder holding copies of the named experiment specs.</summary>
    public static string Specs(string name, params string[] specs)
    {
        string dir = Lab.TempDir(name);
        foreach (var s in specs) File.Copy(Path.Combine(Lab.Experiments, s + ".yaml"), Path.Combine(dir, s + ".yaml"));
        return dir;
    }

    /// <summary>The command that runs the nnviz built next to the tests, as the recipes' NNVIZ variable takes it.</summary>
    public static string Nnviz => $"dotnet {Cli.Dll}";
}
