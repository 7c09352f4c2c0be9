using NnViz.Lab.Report;
using NnViz.Lab.Runs;

namespace NnViz.Lab.Tests;

public class RunnerTests
{
    [Fact]
    public void InvalidSpecWritesNothingAndExitsWithTwo()
    {
        string outDir = Path.Combine(Lab.TempDir("invalid"), "report");
        var (exit, _, err) = CliProcess.Run(null, "run", "tests/NnViz.Lab.Tests/Specs/broken/typos-and-types.yaml", "--profile", "ci", "--out", outDir);
        Assert.Equal(2, exit);
        Assert.Contains("typos-and-types.yaml:15:1: trainig: unknown key 'trainig' in experiment (did you mean 'training'?)", err);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void MissingSpecFileIsAClearError()
    {
        var (exit, _, err) = CliProcess.Run(null, "validate", "experiments/nope.yaml");
        Assert.Equal(2, exit);
        Assert.Contains("experiments/nope.yaml: no such spec file or folder", err);
    }

    [Fact]
    public void SecondRunReusesTheStoreAndAnInterruptedRunResumesFromParts()
    {
        string outDir = Lab.TempDir("store");
        var runner = Lab.Runner(outDir);
        var spec = runner.ValidateAll([Path.Combine(Lab.Experiments, "poly-fit.yaml")]).Specs[0];
        var first = runner.Run(spec);
        Assert.False(first.Reused);
        var before = Lab.Hashes(Path.Combine(outDir, "poly-fit"));
        var second = runner.Run(spec);
        Assert.True(second.Reused);
        Assert.Equal(before, Lab.Hashes(Path.Combine(outDir, "poly-fit")));

        // Simulate an interruption after training: the finished parts stay, the artifacts and the mark do not.
        string entry = Directory.GetDirectories(Path.Combine(outDir, ".store")).Single();
        File.Delete(Path.Combine(entry, "complete"));
        Directory.Delete(Path.Combine(entry, "artifacts"), true);
        var partTimes = Directory.GetFiles(Path.Combine(entry, "parts"), "*.json").ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Assert.Equal(spec.Members.Count, partTimes.Count);
        var third = runner.Run(spec);
        Assert.False(third.Reused);
        Assert.All(partTimes, kv => Assert.Equal(kv.Value, File.GetLastWriteTimeUtc(kv.Key)));
        Assert.Equal(before, Lab.Hashes(Path.Combine(outDir, "poly-fit")));
        Directory.Delete(outDir, true);
    }

    [Fact]
    public void IndexListsEveryExperimentWithItsClaimCount()
    {
        string outDir = Lab.TempDir("index");
        var runner = Lab.Runner(outDir);
        var summaries = runner.ValidateAll([Path.Combine(Lab.Experiments, "poly-fit.yaml"), Path.Combine(Lab.Experiments, "rings.yaml")])
            .Specs.Select(runner.Run).ToList();
        runner.BuildIndex();
        string index = File.ReadAllText(Path.Combine(outDir, "index.html"));
        foreach (var s in summaries)
        {
            Assert.Contains($"href=\"{s.Name}/index.html\"", index);
            Assert.Contains($"claims {s.Reproduced} of {s.Reproduced + s.NotReproduced + s.NotMeasured}</span>", index);
            Assert.Equal("synthetic, as the write-up's", s.DataOrigin);   // A1 and A2 generate their data as the write-ups do
            Assert.Contains($"src=\"{s.Name}/figures/", index); // the thumbnail
        }
        Assert.Contains(summaries, s => s.Reproduced > 0);
        Assert.Contains(NnViz.Web.Html.Encode(SiteIndex.SummaryLine(summaries)), index);
        Assert.True(File.Exists(Path.Combine(outDir, "assets", "site.css")));
        Assert.True(File.Exists(Path.Combine(outDir, "assets", "player.js")));
        Directory.Delete(outDir, true);
    }
}
