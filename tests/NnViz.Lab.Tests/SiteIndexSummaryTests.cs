using NnViz.Lab.Report;
using NnViz.Lab.Runs;
using Xunit;

namespace NnViz.Lab.Tests;

/// <summary>The index's one-line verdict: reproductions on real data, sanity checks on stand-ins only when there are any.</summary>
public sealed class SiteIndexSummaryTests
{
    private static RunSummary Summary(int reproduced, int notReproduced, int sanityPassed = 0, int sanityFailed = 0, int notMeasured = 0) =>
        new("x", "X", "", "quick", reproduced, notReproduced, 1, "", sanityPassed + sanityFailed > 0, null, "h", false,
            notMeasured, sanityPassed, sanityFailed);

    [Fact]
    public void AllRealDataSaysThereWereNoSanityChecks()
    {
        string line = SiteIndex.SummaryLine([Summary(3, 1), Summary(2, 0, notMeasured: 1)]);
        Assert.Equal("5 of 7 claims judged on the write-ups' data reproduced across 2 experiments (1 not measured, counted as failures)" +
                     "; no generated stand-in data used, so no sanity checks; 2 not applicable at this profile's scale.", line);
    }

    [Fact]
    public void StandInsAreCountedApartFromReproductions()
    {
        string line = SiteIndex.SummaryLine([Summary(3, 1), Summary(0, 0, sanityPassed: 2, sanityFailed: 1)]);
        Assert.Equal("3 of 4 claims judged on the write-ups' data reproduced across 2 experiments" +
                     "; 2 of 3 sanity checks on generated stand-in data passed (not counted as reproductions); 2 not applicable at this profile's scale.", line);
    }
}
