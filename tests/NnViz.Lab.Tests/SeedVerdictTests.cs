using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Tests;

/// <summary>Claims judged over several seeds: majority verdict, mean and spread, per-seed values kept.</summary>
public class SeedVerdictTests
{
    private static ExperimentSpec PolyFit() =>
        SpecLoader.Load(Path.Combine(Lab.Experiments, "poly-fit.yaml"), Profile.Load(Lab.Configs, "quick"));

    private static IReadOnlyDictionary<string, double> Run(double wide, double narrow) => new Dictionary<string, double>
    {
        ["final_test_mse[1-6-1]"] = wide, ["final_test_mse[1-2-1]"] = narrow,
    };

    [Fact]
    public void AClaimHoldingInTwoOfThreeSeedsIsReproducedAndSaysSo()
    {
        // capacity: final_test_mse[1-2-1] >= 2 x final_test_mse[1-6-1]
        var runs = new List<(ulong, IReadOnlyDictionary<string, double>)> { (3, Run(0.1, 1.0)), (4, Run(0.2, 1.0)), (5, Run(0.8, 1.0)) };
        var capacity = SeedVerdicts.Evaluate(PolyFit(), runs).Single(c => c.Id == "capacity");
        Assert.Equal(Verdict.Reproduced, capacity.Verdict);
        Assert.Equal("reproduced: 2 of 3 seeds", capacity.VerdictLine);
        Assert.Equal([Verdict.Reproduced, Verdict.Reproduced, Verdict.NotReproduced], capacity.Seeds!.Select(s => s.Verdict));
        Assert.Equal([3UL, 4UL, 5UL], capacity.Seeds!.Select(s => s.Seed));
        Assert.Equal(0.8, capacity.Seeds![2].Against);      // the right-hand side per seed (1-6-1's MSE)
        Assert.Equal(1.0, capacity.Seeds![2].Value);
        Assert.StartsWith("final_test_mse[1-2-1] = 1 ± 0 (mean ± sd; 1, 1, 1); final_test_mse[1-6-1] = 0.3667 ± 0.3786", capacity.Measured);
        Assert.EndsWith("holds in 2 of 3 seeds", capacity.Measured);
    }

    [Fact]
    public void OneSeedInThreeIsNotEnough()
    {
        var runs = new List<(ulong, IReadOnlyDictionary<string, double>)> { (3, Run(0.1, 1.0)), (4, Run(0.9, 1.0)), (5, Run(0.8, 1.0)) };
        Assert.Equal(Verdict.NotReproduced, SeedVerdicts.Evaluate(PolyFit(), runs).Single(c => c.Id == "capacity").Verdict);
    }

    [Fact]
    public void ASeedWithoutTheMetricMakesTheClaimNotMeasured()
    {
        var runs = new List<(ulong, IReadOnlyDictionary<string, double>)> { (3, Run(0.1, 1.0)), (4, new Dictionary<string, double>()) };
        var capacity = SeedVerdicts.Evaluate(PolyFit(), runs).Single(c => c.Id == "capacity");
        Assert.Equal(Verdict.NotMeasured, capacity.Verdict);
        Assert.Contains("not measured in 1 of 2 seeds", capacity.Measured);
    }

    [Fact]
    public void TheRunnerTrainsEachSeedAsItsOwnStoreEntryAndJudgesOverAll()
    {
        string outDir = Lab.TempDir("seeds");
        var runner = new Runner(new RunnerOptions(Lab.Configs, outDir, Path.Combine(outDir, ".store"), "ci", Seeds: 2));
        var spec = runner.ValidateAll([Path.Combine(Lab.Experiments, "rings.yaml")]).Specs[0];
        var summary = runner.Run(spec);
        Assert.Equal(3, Directory.GetDirectories(Path.Combine(outDir, ".store")).Length);   // seed 3's unit, seed 4's unit, and both judged together
        string dir = Path.Combine(outDir, "rings");
        var claims = System.Text.Json.JsonSerializer.Deserialize<List<ClaimResult>>(File.ReadAllText(Path.Combine(dir, "claims.json")), ArtifactSink.JsonOptions)!;
        var oneNode = claims.Single(c => c.Id == "one-node-nothing");
        Assert.Equal([spec.Seed, spec.Seed + 1], oneNode.Seeds!.Select(s => s.Seed));
        Assert.NotEqual(oneNode.Seeds![0].Value, oneNode.Seeds![1].Value);               // the seeds really trained differently
        Assert.Contains("holds in", oneNode.Measured);
        Assert.True(File.Exists(Path.Combine(dir, "metrics-by-seed.json")));
        Assert.Contains("judged on 2 training seeds (3, 4)", File.ReadAllText(Path.Combine(dir, "index.html")));
        Assert.True(runner.Run(spec).Reused);
        Assert.NotEqual(summary.SpecHash, Lab.Runner(Lab.TempDir("seeds-one")).Run(spec).SpecHash); // one seed is another entry
        Directory.Delete(outDir, true);
    }

    [Fact]
    public void OneSeedIsJudgedExactlyAsBefore()
    {
        var single = SeedVerdicts.Evaluate(PolyFit(), [(3UL, Run(0.1, 1.0))]);
        Assert.Equal(ClaimChecks.Evaluate(PolyFit(), Run(0.1, 1.0)).Select(c => (c.Id, c.Verdict, c.Measured)), single.Select(c => (c.Id, c.Verdict, c.Measured)));
        Assert.All(single, c => Assert.Null(c.Seeds));
    }
}
