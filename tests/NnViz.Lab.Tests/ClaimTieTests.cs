using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Tests;

/// <summary>
/// Values that are the same number up to rounding noise: a strict claim ("increases") on them is not reproduced, a
/// non-strict one is, and the claims table says "a tie" or prints enough digits to show the difference.
/// </summary>
public class ClaimTieTests
{
    private static ExperimentSpec Spec(string name) =>
        SpecLoader.Load(Path.Combine(Lab.Experiments, name + ".yaml"), Profile.Load(Lab.Configs, "quick"));

    private static ClaimResult Cluster(double after, double before)
    {
        var m = new Dictionary<string, double>
        {
            ["toxic_neighbour_share_after"] = after, ["toxic_neighbour_share_before"] = before, ["toxic_neighbour_base_rate"] = 0.04,
            ["final_train_loss"] = 0.1, ["first_epoch_loss"] = 0.4,
        };
        return ClaimChecks.Evaluate(Spec("toxic-word-drift"), m).Single(r => r.Id == "toxic-words-cluster");
    }

    [Fact]
    public void AStrictIncreaseOnValuesEqualButForRoundingIsNotReproduced()
    {
        // 6 hits of 60 summed in two orders: what the word-drift share gave before it counted in integers.
        ClaimResult tie = Cluster(0.10000000000000002, 0.09999999999999999);
        Assert.Equal(Verdict.NotReproduced, tie.Verdict);
        Assert.Equal("toxic_neighbour_share_after = toxic_neighbour_share_before = 0.1 (equal: a tie)", tie.Measured);
        Assert.Equal(Verdict.NotReproduced, Cluster(0.1, 0.1).Verdict);
        Assert.True(ClaimChecks.Tie(0.1 + 0.2, 0.3));
        Assert.False(ClaimChecks.Tie(0.30001, 0.3));
    }

    [Fact]
    public void ARealDifferenceThatPrintsTheSameIsShownWithMoreDigits()
    {
        ClaimResult close = Cluster(0.10004, 0.1);
        Assert.Equal(Verdict.Reproduced, close.Verdict);
        Assert.Equal("toxic_neighbour_share_after = 0.10004; toxic_neighbour_share_before = 0.1", close.Measured);
        Assert.Equal("toxic_neighbour_share_after = 0.4; toxic_neighbour_share_before = 0.1", Cluster(0.4, 0.1).Measured);
    }

    [Theory]
    [InlineData(0.6000000000000001, Verdict.Reproduced)]
    [InlineData(0.5999999999999999, Verdict.Reproduced)]   // >= on a tie holds
    [InlineData(0.5999, Verdict.NotReproduced)]
    public void ANonStrictClaimOnATieIsReproduced(double stability, Verdict expected)
    {
        var m = new Dictionary<string, double> { ["stability_aligned"] = stability };
        var r = ClaimChecks.Evaluate(Spec("toxic-animator"), m).Single(c => c.Id == "aligned-stable");
        Assert.Equal(expected, r.Verdict);
    }
}
