using NnViz.Lab.Runs;

namespace NnViz.Lab.Tests;

/// <summary>
/// Outgrowing one machine: the plan cuts a run into experiment x seed units; shards run as separate processes into
/// their own stores; merging them gives the bytes of a single-machine run; duplicate, conflicting and missing units
/// give clear errors.
/// </summary>
public class ShardingTests
{
    private static readonly string[] Specs = ["moons", "poly-fit", "rings"];

    private static string SpecDir()
    {
        string dir = Lab.TempDir("shard-specs");
        foreach (var s in Specs) File.Copy(Path.Combine(Lab.Experiments, s + ".yaml"), Path.Combine(dir, s + ".yaml"));
        return dir;
    }

    private static string[] Common(string specs) => ["--profile", "ci", "--seeds", "2", "--configs", Lab.Configs];

    [Fact]
    public async Task ThreeConcurrentShardsMergeToTheBytesOfOneMachine()
    {
        string specs = SpecDir(), dir = Lab.TempDir("shards");
        var (exit, single, err) = Cli.Run(["run", specs, .. Common(specs), "--out", Path.Combine(dir, "single"), "--store", Path.Combine(dir, "single-store")], dir);
        Assert.True(exit == 0, err);

        var (planExit, planJson, planErr) = Cli.Run(["plan", specs, .. Common(specs), "--shards", "3"], dir);
        Assert.True(planExit == 0, planErr);
        Assert.Contains("\"shards\": 3", planJson);
        Assert.Equal(planJson, Cli.Run(["plan", specs, .. Common(specs), "--shards", "3"], dir).Stdout);   // same inputs, same plan

        var shards = Enumerable.Range(1, 3).Select(i => Task.Run(() =>
            Cli.Run(["run", specs, .. Common(specs), "--shard", $"{i}/3", "--store", Path.Combine(dir, $"store-{i}")], dir))).ToArray();
        var results = await Task.WhenAll(shards);
        Assert.All(results, r => Assert.True(r.Exit == 0, r.Stderr));
        Assert.Equal(Specs.Length * 2, results.Sum(r => r.Stdout.Split('\n').Count(l => l.Contains('#') && l.Contains(": done"))));

        var (mergeExit, mergeOut, mergeErr) = Cli.Run(["merge", Path.Combine(dir, "store-1"), Path.Combine(dir, "store-2"), Path.Combine(dir, "store-3"),
            "--specs", specs, .. Common(specs), "--out", Path.Combine(dir, "merged"), "--store", Path.Combine(dir, "merged-store")], dir);
        Assert.True(mergeExit == 0, mergeErr + mergeOut);
        foreach (var s in Specs)
            Assert.Equal(Lab.Hashes(Path.Combine(dir, "single", s)), Lab.Hashes(Path.Combine(dir, "merged", s)));
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "single", "index.html")), File.ReadAllText(Path.Combine(dir, "merged", "index.html")));

        var (statusExit, status, _) = Cli.Run(["plan", specs, .. Common(specs), "--status", Path.Combine(dir, "merged-store")], dir);
        Assert.Equal(0, statusExit);
        Assert.Contains($"{Specs.Length * 2} of {Specs.Length * 2} units done", status);
        // Each shard measured the units it ran (a provenance record beside the entries); the merge carried them over.
        Assert.Equal(Specs.Length * 2, status.Split('\n').Count(l => l.StartsWith("done") && l.Contains("measured ") && l.Contains("predicted ")));
        Assert.Equal(Specs.Length * 2, UnitTimes.Read(Path.Combine(dir, "merged-store")).Count);
        Assert.All(UnitTimes.Read(Path.Combine(dir, "merged-store")).Values, t => Assert.True(t.CpuSeconds > 0 && t.PredictedSeconds > 0, t.ToString()));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void AMissingUnitIsNamedAndNothingIsPublished()
    {
        string specs = SpecDir(), dir = Lab.TempDir("shards-missing");
        var (exit, _, err) = Cli.Run(["run", specs, .. Common(specs), "--shard", "1/2", "--store", Path.Combine(dir, "store-1")], dir);
        Assert.True(exit == 0, err);
        var (mergeExit, _, mergeErr) = Cli.Run(["merge", Path.Combine(dir, "store-1"), "--specs", specs, .. Common(specs),
            "--out", Path.Combine(dir, "merged"), "--store", Path.Combine(dir, "merged-store")], dir);
        Assert.Equal(1, mergeExit);
        Assert.Contains("are in none of the stores, so nothing was published", mergeErr);
        Assert.Contains("missing: ", mergeErr);
        Assert.False(Directory.Exists(Path.Combine(dir, "merged")));
        var (statusExit, status, _) = Cli.Run(["plan", specs, .. Common(specs), "--status", Path.Combine(dir, "store-1")], dir);
        Assert.Equal(1, statusExit);
        Assert.Contains("missing  ", status);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void TheSameUnitTwiceIsMergedOnceAndConflictingBytesAreAnError()
    {
        string outDir = Lab.TempDir("shards-conflict");
        var runner = new Runner(new RunnerOptions(Lab.Configs, Path.Combine(outDir, "out"), Path.Combine(outDir, "a"), "ci"));
        var spec = runner.ValidateAll([Path.Combine(Lab.Experiments, "poly-fit.yaml")]).Specs[0];
        runner.EnsureUnit(spec, new RunStore(Path.Combine(outDir, "a")), 0);
        FolderCopy.Copy(Path.Combine(outDir, "a"), Path.Combine(outDir, "b"));
        Assert.Equal(1, StoreMerge.Merge([Path.Combine(outDir, "a"), Path.Combine(outDir, "b")], Path.Combine(outDir, "m")));  // a duplicate: once

        string entry = Directory.GetDirectories(Path.Combine(outDir, "b")).Single();
        string metrics = Path.Combine(entry, "artifacts", "metrics.json");
        File.WriteAllText(metrics, File.ReadAllText(metrics).Replace("1", "2"));
        File.WriteAllLines(Path.Combine(entry, "complete"), RunStore.Manifest(Path.Combine(entry, "artifacts")).Select(kv => $"{kv.Value}  {kv.Key}"));
        var e = Assert.Throws<StoreConflictException>(() => StoreMerge.Merge([Path.Combine(outDir, "a"), Path.Combine(outDir, "b")], Path.Combine(outDir, "m2")));
        Assert.Contains(Path.GetFileName(entry), e.Message);
        Assert.Contains(Path.Combine(outDir, "a"), e.Message);
        Assert.Contains(Path.Combine(outDir, "b"), e.Message);
        Directory.Delete(outDir, true);
    }

    [Fact]
    public void ShardsAreBalancedAndTheShardArgumentIsChecked()
    {
        var runner = new Runner(new RunnerOptions(Lab.Configs, "", "", "full", Seeds: 3));
        var specs = runner.ValidateAll(Runner.FindSpecs(Lab.Experiments)).Specs;
        var plan = Planner.Plan(runner, specs, 2);
        Assert.Equal(specs.Count * 3, plan.Units.Count);
        Assert.All(plan.Units, u => Assert.InRange(u.Shard, 1, 2));
        Assert.True(plan.ShardCosts.Max() <= 1.5 * plan.ShardCosts.Min() + plan.Units.Max(u => u.Cost), string.Join(", ", plan.ShardCosts));
        Assert.Equal((2, 3), Planner.ParseShard("2/3"));
        Assert.Throws<ArgumentException>(() => Planner.ParseShard("4/3"));
        Assert.Throws<ArgumentException>(() => Planner.ParseShard("x"));
    }
}
