using NnViz.Lab.Runs;

namespace NnViz.Torch.Tests;

/// <summary><c>--engine torch</c> through the Lab: the effective spec, the page's setup differences, the store key, and
/// the same bytes on one or two libtorch threads.</summary>
public class EngineOptionTests
{
    [Fact]
    public void Engine_option_is_a_setup_difference_and_changes_the_effective_spec()
    {
        string file = Path.Combine(Specs.Experiments, "rings.yaml");
        var (native, e1) = Specs.Runner(Specs.TempDir("rings-native"), "native").ValidateAll([file]);
        var (torch, e2) = Specs.Runner(Specs.TempDir("rings-torch"), "torch").ValidateAll([file]);
        Assert.Empty(e1);
        Assert.Empty(e2);
        Assert.Equal("torch", torch[0].Train.Engine);
        var change = Assert.Single(torch[0].Differences!, d => d.Path == "training.engine");
        Assert.Equal(("torch", "--engine"), (change.ThisRun, change.SetBy));
        // The store key hashes the effective spec: the engine is part of it.
        Assert.NotEqual(native[0].EffectiveText, torch[0].EffectiveText);
        Assert.Contains("engine: torch", torch[0].EffectiveText);
    }

    [Fact]
    public void A_spec_trained_by_the_torch_engine_gives_the_same_bytes_on_one_and_two_threads()
    {
        try
        {
            var one = Run(threads: 1);
            var two = Run(threads: 2);
            Assert.NotEmpty(one);
            Assert.Equal(one, two);
        }
        finally
        {
            TorchRuntime.Ensure(1);
        }
    }

    private static SortedDictionary<string, string> Run(int threads)
    {
        TorchRuntime.Ensure(threads);
        string outDir = Specs.TempDir($"rings-threads{threads}");
        var runner = Specs.Runner(outDir, "torch");
        var (specs, errors) = runner.ValidateAll([Path.Combine(Specs.Experiments, "rings.yaml")]);
        Assert.Empty(errors);
        var summary = runner.Run(specs[0]);
        Assert.Equal(threads, TorchRuntime.Threads);
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string dir = Path.Combine(outDir, summary.Name);
        foreach (var f in Directory.GetFiles(dir, "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(dir, f).Replace('\\', '/');
            if (rel.Contains("provenance.", StringComparison.Ordinal)) continue;
            hashes[rel] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)));
        }
        Directory.Delete(outDir, true);
        return hashes;
    }
}
