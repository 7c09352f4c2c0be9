using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Tests;

public class ClaimTests
{
    private static ExperimentSpec PolyFit(string profile) =>
        SpecLoader.Load(Path.Combine(Lab.Experiments, "poly-fit.yaml"), Profile.Load(Lab.Configs, profile));

    private static Dictionary<string, double> Metrics(params (string Member, double Mse)[] finals)
    {
        var m = new Dictionary<string, double>();
        foreach (var (member, mse) in finals)
        {
            m[$"final_test_mse[{member}]"] = mse;
            m[$"mean_test_mse[{member}]"] = mse * 2;
            m[$"low_x_mse[{member}]"] = mse * 3;
        }
        return m;
    }

    [Fact]
    public void RankAndComparisonsAreJudgedFromTheNumbers()
    {
        var spec = PolyFit("quick");
        var results = ClaimChecks.Evaluate(spec, Metrics(("1-2-1", 1.0), ("1-2-2-2-1", 0.9), ("1-6-1", 0.1), ("1-3-3-1", 0.5), ("1-3-1-3-1", 1.2), ("1-3-3-1-3-3-1", 0.8)));
        var byId = results.ToDictionary(r => r.Id);
        Assert.Equal(Verdict.Reproduced, byId["width-best"].Verdict);
        Assert.Equal(Verdict.Reproduced, byId["capacity"].Verdict);           // 1.0 >= 2 x 0.1
        Assert.Equal(Verdict.Reproduced, byId["chokepoint-worst"].Verdict);   // 1.2 >= 0.9 x 1.0
        Assert.Equal(Verdict.Reproduced, byId["deep-misses-low-x"].Verdict);  // 2.4 > 0.8
        Assert.Equal("final_test_mse[1-2-1] >= 2 x final_test_mse[1-6-1]", byId["capacity"].Expected);

        var worse = ClaimChecks.Evaluate(spec, Metrics(("1-2-1", 1.0), ("1-2-2-2-1", 0.9), ("1-6-1", 0.6), ("1-3-3-1", 0.5), ("1-3-1-3-1", 0.5), ("1-3-3-1-3-3-1", 0.8)));
        Assert.Equal(Verdict.NotReproduced, worse.Single(r => r.Id == "width-best").Verdict);
        Assert.Equal(Verdict.NotReproduced, worse.Single(r => r.Id == "capacity").Verdict);
    }

    [Fact]
    public void ClaimsOutsideTheirProfilesAreNotApplicable()
    {
        var spec = PolyFit("ci");
        var outside = spec.Claims.Where(c => !c.Profiles.Contains("ci")).Select(c => c.Id).ToHashSet();
        Assert.NotEmpty(outside);
        var ci = ClaimChecks.Evaluate(spec, Metrics(("1-2-1", 1.0))).Where(r => outside.Contains(r.Id)).ToList();
        Assert.All(ci, r => Assert.Equal(Verdict.NotApplicable, r.Verdict));
        Assert.All(ci, r => Assert.False(r.Failed));
    }

    [Fact]
    public void AMissingOrNaNMetricIsNotMeasuredAndCountsAsAFailure()
    {
        var missing = ClaimChecks.Evaluate(PolyFit("quick"), new Dictionary<string, double>());
        Assert.All(missing, r => Assert.Equal(Verdict.NotMeasured, r.Verdict));
        Assert.All(missing, r => Assert.True(r.Failed));
        Assert.Contains("not measured", missing[0].Measured);
        Assert.Equal("not measured", missing[0].VerdictText);

        var m = Metrics(("1-2-1", 1.0), ("1-2-2-2-1", 0.9), ("1-6-1", 0.1), ("1-3-3-1", 0.5), ("1-3-1-3-1", 1.2), ("1-3-3-1-3-3-1", 0.8));
        m["final_test_mse[1-3-3-1]"] = double.NaN;           // one member's NaN spoils the family ranking
        var byId = ClaimChecks.Evaluate(PolyFit("quick"), m).ToDictionary(r => r.Id);
        Assert.Equal(Verdict.NotMeasured, byId["width-best"].Verdict);
        Assert.Equal(Verdict.Reproduced, byId["capacity"].Verdict);
    }

    [Fact]
    public void ClaimsOnGeneratedStandInDataAreSanityChecksNotReproductions()
    {
        var m = Metrics(("1-2-1", 1.0), ("1-2-2-2-1", 0.9), ("1-6-1", 0.1), ("1-3-3-1", 0.5), ("1-3-1-3-1", 1.2), ("1-3-3-1-3-3-1", 0.8));
        var results = ClaimChecks.Evaluate(PolyFit("quick"), m, standIn: true);
        var width = results.Single(r => r.Id == "width-best");
        Assert.True(width.SanityCheck);
        Assert.Equal(Verdict.Reproduced, width.Verdict);
        Assert.Equal("sanity check passed (generated data)", width.VerdictText);
        var ciSpec = PolyFit("ci");
        Assert.All(ClaimChecks.Evaluate(ciSpec, m, standIn: true).Where(r => ciSpec.Claims.Single(c => c.Id == r.Id).Profiles.Contains("ci") is false),
            r => Assert.False(r.SanityCheck)); // n/a stays n/a
    }

    [Theory]
    [InlineData(0.74, Verdict.NotReproduced)]   // below the band
    [InlineData(0.75, Verdict.Reproduced)]      // its lower edge
    [InlineData(0.81, Verdict.Reproduced)]      // inside
    [InlineData(0.85, Verdict.Reproduced)]      // its upper edge
    [InlineData(0.99, Verdict.NotReproduced)]   // "about 80 %" is not 99 %
    public void AboutIsATwoSidedBand(double accuracy, Verdict expected)
    {
        var spec = Spec("  - {id: about-80, text: about 80 %, metric: final_test_mse, member: model, op: about, value: 0.8, tolerance: 0.05, profiles: [ci]}");
        var r = ClaimChecks.Evaluate(spec, new Dictionary<string, double> { ["final_test_mse[model]"] = accuracy }).Single();
        Assert.Equal(expected, r.Verdict);
        Assert.Equal("final_test_mse[model] = 0.8 ± 0.05 (band 0.75 to 0.85)", r.Expected);
    }

    [Theory]
    [InlineData(0.01, Verdict.Reproduced)]
    [InlineData(-0.075, Verdict.NotReproduced)]  // a drop of 0.075 is not "barely changes"
    [InlineData(0.03, Verdict.NotReproduced)]
    public void BarelyChangesIsAnAbsoluteBandAroundZero(double gain, Verdict expected)
    {
        var spec = Spec("  - {id: barely, text: barely changes, metric: final_train_loss, member: model, op: about, value: 0, tolerance: 0.02, profiles: [ci]}");
        Assert.Equal(expected, ClaimChecks.Evaluate(spec, new Dictionary<string, double> { ["final_train_loss[model]"] = gain }).Single().Verdict);
    }

    [Fact]
    public void AClaimNamingAMetricItsKindDoesNotMeasureIsRejected()
    {
        var e = Assert.Throws<SpecException>(() => Spec("  - {id: typo, text: t, metric: final_acuracy, member: model, op: '>', value: 0.8}"));
        var err = Assert.Single(e.Errors);
        Assert.Contains("metric 'final_acuracy' is not a metric kind 'curve-fit' measures", err.Message);
        Assert.True(err.Line > 1);
        var scope = Assert.Throws<SpecException>(() => Spec("  - {id: s, text: t, metric: final_test_mse, op: '>', value: 0.8}"));
        Assert.Contains("measured per family member", Assert.Single(scope.Errors).Message);
    }

    [Fact]
    public void AboutNeedsATolerance()
    {
        var e = Assert.Throws<SpecException>(() => Spec("  - {id: about-80, text: about, metric: final_test_mse, member: model, op: about, value: 0.8}"));
        Assert.Contains(e.Errors, x => x.Message.Contains("'op: about' needs 'tolerance'") && x.Line > 1);
        var e2 = Assert.Throws<SpecException>(() => Spec("  - {id: t, text: t, metric: final_test_mse, member: model, op: '>', value: 0.8, tolerance: 0.1}"));
        Assert.Contains(e2.Errors, x => x.Message.Contains("'tolerance' only goes with 'op: about'"));
    }

    /// <summary>A poly-fit spec with one model and the given claims lines, loaded on the ci profile.</summary>
    private static ExperimentSpec Spec(string claimLines)
    {
        string dir = Lab.TempDir("claims");
        string file = Path.Combine(dir, "claims.yaml");
        File.WriteAllText(file, $$"""
            name: claims-test
            title: claims test
            description: A one-model curve fit whose claims the test sets.
            kind: curve-fit
            data: {kind: polynomial, coefficients: [0, 1], train_points: 16}
            model:
              layers: [{kind: dense, units: 2, activation: tanh}, {kind: dense, units: 1, activation: linear}]
            loss: mse
            optimizer: {kind: sgd, learning_rate: 0.01}
            training: {epochs: 1, batch_size: 8, seed: 1}
            claims:
            {{claimLines}}
            """);
        return SpecLoader.Load(file, Profile.Load(Lab.Configs, "ci"));
    }
}
