namespace NnViz.Lab.Tests.Recipes;

/// <summary>
/// A report from a partly merged store: what is there is published, every missing unit is named (stderr and the
/// index page, with its shard), exit code 3; once the last shard is merged the report equals a complete merge's.
/// </summary>
public class PartialReportTests
{
    private static readonly string[] Common = ["--profile", "ci", "--configs", Lab.Configs];

    [Fact]
    public void MissingUnitsAreNamedOnTheIndexAndTheRestIsPublished()
    {
        string specs = Shell.Specs("partial-specs", "poly-fit", "rings"), dir = Lab.TempDir("partial");
        string Store(int i) => Path.Combine(dir, $"store-{i}");
        var (planExit, plan, planErr) = Cli.Run(["plan", specs, .. Common, "--shards", "2"], dir);
        Assert.True(planExit == 0, planErr);
        var units = System.Text.Json.JsonDocument.Parse(plan).RootElement.GetProperty("units").EnumerateArray()
            .ToDictionary(u => u.GetProperty("shard").GetInt32(), u => (Name: u.GetProperty("experiment").GetString()!, Seed: u.GetProperty("seed").GetUInt64()));
        Assert.True(Cli.Run(["run", specs, .. Common, "--shard", "1/2", "--store", Store(1)], dir).Exit == 0);

        // A stale page of the missing experiment, from an older run, must not pass for current.
        string outDir = Path.Combine(dir, "report");
        Directory.CreateDirectory(Path.Combine(outDir, units[2].Name));
        File.WriteAllText(Path.Combine(outDir, units[2].Name, "summary.json"), "{}");

        var (exit, stdout, stderr) = Cli.Run(["merge", Store(1), "--partial", "--shards", "2", "--specs", specs, .. Common,
            "--store", Path.Combine(dir, "merged"), "--out", outDir], dir);
        Assert.True(exit == 3, stdout + stderr);
        string line = $"missing: unit {units[2].Name} (seed {units[2].Seed}), shard 2 of 2, store entry {units[2].Name}-";
        Assert.Contains("warning: partial report: 1 unit(s) are missing", stderr);
        Assert.Contains(line, stderr);
        string index = File.ReadAllText(Path.Combine(outDir, "index.html"));
        Assert.Contains("Partial report: 1 unit(s) missing", index);
        Assert.Contains(line, index);
        Assert.True(File.Exists(Path.Combine(outDir, units[1].Name, "index.html")));
        Assert.False(Directory.Exists(Path.Combine(outDir, units[2].Name)));
        Assert.Contains($"{units[1].Name}/index.html", index);
        Assert.DoesNotContain($"{units[2].Name}/index.html", index);

        // The last shard arrives: `nnviz report --store` on the merged store gives a complete merge's report, exit 0.
        Assert.True(Cli.Run(["run", specs, .. Common, "--shard", "2/2", "--store", Store(2)], dir).Exit == 0);
        Assert.True(Cli.Run(["merge", Store(1), Store(2), "--specs", specs, .. Common, "--store", Path.Combine(dir, "full-store"), "--out", Path.Combine(dir, "full")], dir).Exit == 0);
        Assert.True(Cli.Run(["merge", Store(2), "--specs", specs, .. Common, "--store", Path.Combine(dir, "merged"), "--out", Path.Combine(dir, "unused")], dir).Exit == 0);
        var (reportExit, reportOut, reportErr) = Cli.Run(["report", "--store", Path.Combine(dir, "merged"), "--specs", specs, .. Common, "--out", outDir], dir);
        Assert.True(reportExit == 0, reportOut + reportErr);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "full", "index.html")), File.ReadAllText(Path.Combine(outDir, "index.html")));
        foreach (var (name, _) in units.Values)
            Assert.Equal(Lab.Hashes(Path.Combine(dir, "full", name)), Lab.Hashes(Path.Combine(outDir, name)));
        Directory.Delete(dir, true);
        Directory.Delete(specs, true);
    }

    [Fact]
    public void AReportFromAStoreThatDoesNotExistIsRefused()
    {
        string dir = Lab.TempDir("partial-none");
        var (exit, _, stderr) = Cli.Run(["report", "--store", Path.Combine(dir, "nowhere"), .. Common, "--out", Path.Combine(dir, "out")], dir);
        Assert.Equal(2, exit);
        Assert.Contains("no such run store", stderr);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
        Directory.Delete(dir, true);
    }
}
