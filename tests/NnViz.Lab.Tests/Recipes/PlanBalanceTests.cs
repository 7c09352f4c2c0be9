using NnViz.Lab.Runs;

namespace NnViz.Lab.Tests.Recipes;

/// <summary>
/// The planner balances predicted CPU seconds and keeps an experiment's seeds on one shard unless the experiment
/// alone is more than an ideal shard's share; the run bound stays on training multiply-adds.
/// </summary>
public class PlanBalanceTests
{
    private static WorkPlan Plan(string profile, int seeds, int shards)
    {
        var runner = new Runner(new RunnerOptions(Lab.Configs, "", "", profile, Seeds: seeds));
        return Planner.Plan(runner, runner.ValidateAll(Runner.FindSpecs(Lab.Experiments)).Specs, shards);
    }

    [Theory]
    [InlineData("ci", 2, 2)]
    [InlineData("full", 3, 2)]
    [InlineData("full", 3, 4)]
    public void SeedsStayTogetherUnlessTheirExperimentIsMoreThanAShardsShare(string profile, int seeds, int shards)
    {
        var plan = Plan(profile, seeds, shards);
        double ideal = plan.Units.Sum(u => u.Cost) / shards;
        foreach (var g in plan.Units.GroupBy(u => u.Experiment))
        {
            Assert.Equal(seeds, g.Count());
            if (g.Sum(u => u.Cost) <= ideal) Assert.Single(g.Select(u => u.Shard).Distinct());
        }
        double largest = plan.Units.GroupBy(u => u.Experiment).Max(g => g.Sum(u => u.Cost) <= ideal ? g.Sum(u => u.Cost) : g.Max(u => u.Cost));
        Assert.True(plan.ShardCosts.Max() - plan.ShardCosts.Min() <= largest + 1e-9, string.Join(", ", plan.ShardCosts));
        Assert.Equal(Math.Round(plan.Units.Sum(u => u.Cost), 1), Math.Round(plan.ShardCosts.Sum(), 1));
    }

    [Fact]
    public void UnitsCarryPredictedSecondsAndTheirMultiplyAdds()
    {
        var plan = Plan("full", 1, 1);
        Assert.All(plan.Units, u => Assert.True(u.Cost > 0 && u.MultiplyAdds > 0, u.Id));
        var imdb = plan.Units.Single(u => u.Experiment == "imdb-lstm");
        Assert.InRange(CostModel.Bound / imdb.MultiplyAdds, 3.5, 4.5);   // the bound is about 4x D2 on full
        // On ci an embedding animator costs more CPU than its few multiply-adds say: seconds are not multiply-adds.
        var ci = Plan("ci", 1, 1);
        var animator = ci.Units.Single(u => u.Experiment == "model-comparison-animator");
        var polyFit = ci.Units.Single(u => u.Experiment == "poly-fit");
        Assert.True(animator.Cost > polyFit.Cost, $"{animator.Cost} vs {polyFit.Cost}");
    }
}
