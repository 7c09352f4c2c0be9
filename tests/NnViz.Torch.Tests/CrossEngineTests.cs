using NnViz.Lab;
using NnViz.Lab.Runs;
using NnViz.Testing;

namespace NnViz.Torch.Tests;

/// <summary>
/// Every spec of experiments/ on the ci profile, trained once by each engine (<c>--engine native</c> and
/// <c>--engine torch</c>): the claims get the same verdicts. The kinds that read NnViz.Engine's own model files
/// (imdb-lstm, occlusion) reject the torch engine at validation, with the location of training.engine.
/// </summary>
public class CrossEngineTests
{
    /// <summary>Kinds that need native model files (see their Train comments): torch is a validation error for them.</summary>
    private static readonly HashSet<string> NativeOnly = ["imdb-lstm", "occlusion"];

    public static TheoryData<string> SpecNames()
    {
        var data = new TheoryData<string>();
        foreach (var f in Runner.FindSpecs(Specs.Experiments)) data.Add(Path.GetFileNameWithoutExtension(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(SpecNames))]
    public void Torch_engine_gives_the_native_verdicts_on_the_ci_profile(string name)
    {
        string file = Path.Combine(Specs.Experiments, name + ".yaml");
        string kind = Specs.KindOf(file);
        if (NativeOnly.Contains(kind))
        {
            var (_, errors) = Specs.Runner(Specs.TempDir(name), "torch").ValidateAll([file]);
            var error = Assert.Single(errors, e => e.Path == "training.engine");
            Assert.Contains($"kind '{kind}' trains on the native engine only", error.Message);
            Assert.True(error.Line >= 1 && error.Column >= 1, $"{error.File}:{error.Line}:{error.Column}");
            return;
        }
        var native = Verdicts(name, "native");
        var torch = Verdicts(name, "torch");
        Assert.Equal(native.Keys.Order(), torch.Keys.Order());
        var differ = native.Where(kv => torch[kv.Key].Verdict != kv.Value.Verdict)
            .Select(kv => $"{kv.Key}: native {kv.Value.Verdict} ({kv.Value.Measured}), torch {torch[kv.Key].Verdict} ({torch[kv.Key].Measured})").ToList();
        Assert.True(differ.Count == 0, string.Join("\n", differ));
    }

    private static Dictionary<string, ClaimResult> Verdicts(string name, string engine)
    {
        string outDir = Specs.TempDir($"{name}-{engine}");
        var runner = Specs.Runner(outDir, engine);
        var (specs, errors) = runner.ValidateAll([Path.Combine(Specs.Experiments, name + ".yaml")]);
        Assert.Empty(errors);
        Assert.Equal(engine, specs[0].Train.Engine);
        var summary = runner.Run(specs[0]);
        var claims = Specs.Claims(Path.Combine(outDir, summary.Name));
        Directory.Delete(outDir, true);
        return claims.ToDictionary(c => c.Id);
    }
}

/// <summary>Running the repository's specs from the torch tests: paths, a runner with an engine, the claims of a run.</summary>
public static class Specs
{
    public static string Configs => Path.Combine(RepoPaths.Root, "configs");
    public static string Experiments => Path.Combine(RepoPaths.Root, "experiments");

    public static string TempDir(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "nnviz-torch-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static Runner Runner(string outDir, string engine, string profile = "ci") =>
        new(new RunnerOptions(Configs, outDir, Path.Combine(outDir, ".store"), profile, Engine: engine));

    public static string KindOf(string file) =>
        File.ReadLines(file).Select(l => l.Trim()).First(l => l.StartsWith("kind:", StringComparison.Ordinal))["kind:".Length..].Trim();

    public static List<ClaimResult> Claims(string dir) =>
        System.Text.Json.JsonSerializer.Deserialize<List<ClaimResult>>(File.ReadAllText(Path.Combine(dir, "claims.json")), ArtifactSink.JsonOptions)!;
}
