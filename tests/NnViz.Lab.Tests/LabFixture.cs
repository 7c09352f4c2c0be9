using NnViz.Lab.Runs;
using NnViz.Testing;

namespace NnViz.Lab.Tests;

/// <summary>Paths and helpers for running specs in tests: repository configs and experiments, a fresh temp folder per run.</summary>
public static class Lab
{
    public static string Configs => Path.Combine(RepoPaths.Root, "configs");
    public static string Experiments => Path.Combine(RepoPaths.Root, "experiments");
    public static string Specs => Path.Combine(RepoPaths.Root, "tests", "NnViz.Lab.Tests", "Specs");

    public static string TempDir(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "nnviz-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static Runner Runner(string outDir, string profile = "ci") =>
        new(new RunnerOptions(Configs, outDir, Path.Combine(outDir, ".store"), profile));

    /// <summary>Every artifact under a run's experiment folder with its SHA-256, except the provenance record.</summary>
    public static SortedDictionary<string, string> Hashes(string dir)
    {
        var d = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Directory.GetFiles(dir, "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(dir, f).Replace('\\', '/');
            if (rel.Contains("provenance.", StringComparison.Ordinal) || rel.StartsWith(".store", StringComparison.Ordinal)) continue;
            d[rel] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)));
        }
        return d;
    }
}
