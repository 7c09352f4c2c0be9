using System.CommandLine;
using NnViz.Lab.Specs;

namespace NnViz.Cli.Commands;

/// <summary>Options and output shared by the commands.</summary>
internal static class Common
{
    public const int ExitInvalid = 2;

    public static Option<string> Profile() => new("--profile", "-p")
    {
        Description = "run profile from configs/<name>.yaml: ci (tiny), quick (minutes, the default), full (the write-ups' sizes)",
        DefaultValueFactory = _ => "quick",
    };

    public static Option<string?> Configs() => new("--configs")
    {
        Description = "folder of profile files that override or add to the built-in ci, quick and full (default: configs/ in the current folder, if any)",
    };

    public static string ConfigsDir(string? given) => given ?? Path.Combine(Directory.GetCurrentDirectory(), "configs");

    /// <summary>Prints spec errors grouped by file, one per line, in the order found.</summary>
    public static void PrintErrors(IReadOnlyList<SpecError> errors)
    {
        // Plain lines, never wrapped: editors and CI annotate file:line:column when it starts the line.
        var err = Console.Error;
        foreach (var group in errors.GroupBy(e => e.File))
        {
            err.WriteLine($"error in {group.Key} ({group.Count()} problem{(group.Count() == 1 ? "" : "s")}):");
            foreach (var e in group) err.WriteLine($"{e.File}:{e.Line}:{e.Column}: {(e.Path.Length > 0 ? e.Path + ": " : "")}{e.Message}");
        }
        err.WriteLine($"{errors.Count} error{(errors.Count == 1 ? "" : "s")}; nothing was written. Fix the spec(s) and run again (`nnviz validate <spec>` checks without running).");
    }

    public static bool Exists(string path)
    {
        if (File.Exists(path) || Directory.Exists(path)) return true;
        Console.Error.WriteLine($"error: {path}: no such spec file or folder. Specs live in experiments/ (try `nnviz list`).");
        return false;
    }
}
