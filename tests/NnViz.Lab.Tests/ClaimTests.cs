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
    public void ClaimsOutsideTheirProfilesOrWithoutMeasurementsAreNotApplicable()
    {
        var ci = ClaimChecks.Evaluate(PolyFit("ci"), Metrics(("1-2-1", 1.0)));
        Assert.All(ci, r => Assert.Equal(Verdict.NotApplicable, r.Verdict));
        var missing = ClaimChecks.Evaluate(PolyFit("quick"), new Dictionary<string, double>());
        Assert.All(missing, r => Assert.Equal(Verdict.NotApplicable, r.Verdict));
        Assert.Contains("not measured", missing[0].Measured);
    }
}
