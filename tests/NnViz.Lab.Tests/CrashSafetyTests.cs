using NnViz.Lab.Runs;

namespace NnViz.Lab.Tests;

/// <summary>
/// Crash safety as a tested property: a run killed with SIGKILL at any stage (NNVIZ_KILL_AT, see KillPoint), then
/// run again, ends with exactly the bytes of a run that was never interrupted; a damaged run store entry is found and
/// recomputed, never published.
/// </summary>
public class CrashSafetyTests
{
    private const string Spec = "sentiment-animator";   // trains, projects and renders on the ci profile in seconds

    private static readonly Lazy<(SortedDictionary<string, string> Experiment, string Index)> Reference = new(() =>
    {
        string dir = Lab.TempDir("crash-reference");
        var (exit, _, stderr) = Cli.Run(Args(dir), dir);
        Assert.True(exit == 0, stderr);
        return (Lab.Hashes(Path.Combine(dir, "out", Spec)), File.ReadAllText(Path.Combine(dir, "out", "index.html")));
    });

    private static string[] Args(string dir) =>
        ["run", Path.Combine(Lab.Experiments, Spec + ".yaml"), "--profile", "ci", "--configs", Lab.Configs,
         "--out", Path.Combine(dir, "out"), "--store", Path.Combine(dir, "store")];

    [Theory]
    [InlineData("training")]
    [InlineData("projecting")]
    [InlineData("rendering")]
    [InlineData("store-commit")]
    [InlineData("publishing")]
    [InlineData("publish-copied")]
    [InlineData("index")]
    public void AKilledRunResumesToTheSameBytes(string point)
    {
        string dir = Lab.TempDir($"crash-{point}");
        var (exit, _, stderr) = Cli.Run(Args(dir), dir, env: new() { ["NNVIZ_KILL_AT"] = point });
        Assert.True(exit == 137, $"expected SIGKILL (137) at '{point}', got exit {exit}: {stderr}");

        (exit, _, stderr) = Cli.Run(Args(dir), dir);
        Assert.True(exit == 0, stderr);
        Assert.Equal(Reference.Value.Experiment, Lab.Hashes(Path.Combine(dir, "out", Spec)));
        Assert.Equal(Reference.Value.Index, File.ReadAllText(Path.Combine(dir, "out", "index.html")));
        Assert.Empty(Directory.GetDirectories(Path.Combine(dir, "out"), ".*"));   // no half copies left beside the report
        Directory.Delete(dir, true);
    }

    [Theory]
    [InlineData("truncate")]
    [InlineData("alter")]
    [InlineData("delete")]
    [InlineData("extra")]
    [InlineData("manifest")]
    public void ADamagedStoreEntryIsRecomputedNotPublished(string damage)
    {
        string outDir = Lab.TempDir($"store-{damage}");
        var runner = Lab.Runner(outDir);
        var spec = runner.ValidateAll([Path.Combine(Lab.Experiments, "poly-fit.yaml")]).Specs[0];
        var first = runner.Run(spec);
        var good = Lab.Hashes(Path.Combine(outDir, "poly-fit"));
        string entry = Directory.GetDirectories(Path.Combine(outDir, ".store")).Single();
        string artifacts = Path.Combine(entry, "artifacts");
        string figure = Directory.GetFiles(Path.Combine(artifacts, "figures"), "*.svg").Order(StringComparer.Ordinal).First();
        switch (damage)
        {
            case "truncate": File.WriteAllBytes(figure, File.ReadAllBytes(figure)[..100]); break;
            case "alter": var b = File.ReadAllBytes(figure); b[b.Length / 2] ^= 0x20; File.WriteAllBytes(figure, b); break;
            case "delete": File.Delete(Path.Combine(artifacts, "metrics.json")); break;
            case "extra": File.WriteAllText(Path.Combine(artifacts, "stray.txt"), "not from the run"); break;
            case "manifest": File.WriteAllText(Path.Combine(entry, "complete"), "garbage"); break;
        }
        Assert.False(new RunStore(Path.Combine(outDir, ".store")).IsComplete(entry));

        var second = runner.Run(spec);
        Assert.False(second.Reused);                         // recomputed, not published from the damaged entry
        Assert.Equal(good, Lab.Hashes(Path.Combine(outDir, "poly-fit")));
        Assert.True(runner.Run(spec).Reused);                // and the recomputed entry is whole again
        Assert.Equal(first.SpecHash, second.SpecHash);
        Directory.Delete(outDir, true);
    }

    [Fact]
    public void ADamagedPartIsRecomputed()
    {
        string outDir = Lab.TempDir("part-damage");
        var runner = Lab.Runner(outDir);
        var spec = runner.ValidateAll([Path.Combine(Lab.Experiments, "poly-fit.yaml")]).Specs[0];
        runner.Run(spec);
        var good = Lab.Hashes(Path.Combine(outDir, "poly-fit"));
        string entry = Directory.GetDirectories(Path.Combine(outDir, ".store")).Single();
        var store = new RunStore(Path.Combine(outDir, ".store"));
        store.Discard(entry);                                // keep the parts, drop the finished artifacts
        string part = Directory.GetFiles(store.PartsDir(entry), "*.json").Order(StringComparer.Ordinal).First();
        string text = File.ReadAllText(part);
        int digit = text.IndexOfAny("123456789".ToCharArray(), text.Length / 2);
        File.WriteAllText(part, text[..digit] + (text[digit] == '9' ? '1' : (char)(text[digit] + 1)) + text[(digit + 1)..]); // still valid JSON
        runner.Run(spec);
        Assert.Equal(good, Lab.Hashes(Path.Combine(outDir, "poly-fit")));
        Directory.Delete(outDir, true);
    }
}
