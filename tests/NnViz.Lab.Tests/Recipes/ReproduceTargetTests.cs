using NnViz.Testing;

namespace NnViz.Lab.Tests.Recipes;

/// <summary>
/// experiments/Reproduce.proj's incrementality: a second build with nothing changed skips RunSpecs and Report; a new
/// timestamp or a comment (the same store keys) skips too; a changed spec reruns that spec only; -p:Shard=i/K runs
/// one shard into the store and skips when it is done. Run on a copy of the project with two tiny specs (ci profile).
/// </summary>
public class ReproduceTargetTests
{
    private const string SkippedRunSpecs = "Skipping target \"RunSpecs\" because all output files are up-to-date";
    private const string SkippedReport = "Skipping target \"Report\" because all output files are up-to-date";

    private static (string Root, string Experiments) Copy()
    {
        string root = Lab.TempDir("reproduce-target"), experiments = Path.Combine(root, "experiments");
        Directory.CreateDirectory(experiments);
        File.Copy(Path.Combine(Lab.Experiments, "Reproduce.proj"), Path.Combine(experiments, "Reproduce.proj"));
        foreach (var s in new[] { "poly-fit", "rings" }) File.Copy(Path.Combine(Lab.Experiments, s + ".yaml"), Path.Combine(experiments, s + ".yaml"));
        return (root, experiments);
    }

    /// <summary>`dotnet build experiments -t:Reproduce` on the copy, with the nnviz built next to the tests (no harness build).</summary>
    private static string Build(string experiments, params string[] properties)
    {
        var (exit, stdout, stderr) = Shell.Run("dotnet", ["build", Path.Combine(experiments, "Reproduce.proj"), "-t:Reproduce", "-v:detailed",
            "-nologo", "-nodeReuse:false", "-p:Profile=ci", $"-p:Nnviz={Cli.Dll}", $"-p:Configs={Lab.Configs}", .. properties.Select(p => $"-p:{p}")],
            experiments, new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1" });
        Assert.True(exit == 0, stdout + stderr);
        return stdout;
    }

    [Fact]
    public void ASecondBuildSkipsAndOnlyAChangedSpecRunsAgain()
    {
        var (root, experiments) = Copy();
        string first = Build(experiments);
        Assert.Contains("Building target \"RunSpecs\" completely", first);
        Assert.Contains("stamps: 2 of 2 changed", first);
        string index = Path.Combine(root, "reports", "ci", "index.html");
        Assert.True(File.Exists(index));
        string indexBytes = File.ReadAllText(index);

        string second = Build(experiments);
        Assert.DoesNotContain("Building target \"RunSpecs\"", second);
        Assert.Contains(SkippedRunSpecs, second);
        Assert.Contains(SkippedReport, second);
        Assert.Contains("stamps: 0 of 2 changed", second);

        // A new timestamp, or a comment, leaves the store keys as they were: still nothing to do.
        string polyFit = Path.Combine(experiments, "poly-fit.yaml");
        File.AppendAllText(polyFit, "# a reader's note: the keys do not change\n");
        File.SetLastWriteTimeUtc(Path.Combine(experiments, "rings.yaml"), DateTime.UtcNow);
        string third = Build(experiments);
        Assert.Contains(SkippedRunSpecs, third);
        Assert.Contains("stamps: 0 of 2 changed", third);

        // A changed title changes poly-fit's effective spec: poly-fit alone runs again and the index is rebuilt.
        File.WriteAllText(polyFit, File.ReadAllText(polyFit).Replace("title: \"A1 · Polynomial fitter", "title: \"A1 · The polynomial fitter"));
        string fourth = Build(experiments);
        Assert.Contains("stamps: 1 of 2 changed in", fourth);
        Assert.Contains("Building target \"RunSpecs\" partially", fourth);
        Assert.Contains("poly-fit.yaml", fourth.Split("Building target \"RunSpecs\" partially")[1].Split("Done building target \"RunSpecs\"")[0]);
        Assert.Contains("rings.yaml\" --profile", first);   // how a spec's run shows in the log
        Assert.DoesNotContain("rings.yaml\" --profile", fourth);
        Assert.Contains("The polynomial fitter", File.ReadAllText(index));
        Assert.NotEqual(indexBytes, File.ReadAllText(index));
        Directory.Delete(root, true);
    }

    [Fact]
    public void AShardRunsIntoTheStoreOnceAndIsThenUpToDate()
    {
        var (root, experiments) = Copy();
        string store = Path.Combine(root, "shard-store");
        string first = Build(experiments, "Shard=2/2", $"Store={store}");
        Assert.Contains("Building target \"RunShard\" completely", first);
        Assert.Contains("shard 2/2: 1 of 2 units", first);
        Assert.DoesNotContain("Building target \"RunSpecs\"", first);
        Assert.False(Directory.Exists(Path.Combine(root, "reports")));   // a shard publishes nothing: merge does
        Assert.Single(Directory.GetDirectories(store));
        Assert.True(File.Exists(Path.Combine(store, ".shard-2-of-2.done")));

        string second = Build(experiments, "Shard=2/2", $"Store={store}");
        Assert.Contains("Skipping target \"RunShard\" because all output files are up-to-date", second);
        Directory.Delete(root, true);
    }
}
