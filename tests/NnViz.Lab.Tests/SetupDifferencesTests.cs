using NnViz.Lab.Experiments;
using NnViz.Lab.Report;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Tests;

/// <summary>Each page lists how the run differs from the write-up's setup, read off the effective spec.</summary>
public class SetupDifferencesTests
{
    private static ExperimentSpec Load(string name, string profile) =>
        SpecLoader.Load(Path.Combine(Lab.Experiments, name + ".yaml"), Profile.Load(Lab.Configs, profile));

    [Fact]
    public void ProfileOverridesAreListedWithTheWriteUpsValue()
    {
        var rings = Load("rings", "quick");
        var lr = Assert.Single(rings.Differences!, d => d.Path == "optimizer.learning_rate");
        Assert.Equal("0.001", lr.WriteUp);
        Assert.Equal("0.1", lr.ThisRun);
        Assert.EndsWith("rings.yaml", lr.SetBy);

        var imdb = Load("imdb-lstm", "quick");
        var epochs = Assert.Single(imdb.Differences!, d => d.Path == "training.epochs");
        Assert.Equal(("10", "4"), (epochs.WriteUp, epochs.ThisRun));
    }

    [Fact]
    public void TheFullProfileOfASpecAtTheWriteUpsSizesHasNoDifferences()
    {
        var rings = Load("rings", "full");
        Assert.Empty(rings.Differences!);
        var output = new ExperimentOutput([], new Dictionary<string, double>(), "synthetic rings", false, null);
        Assert.Contains("None: this run uses the setup", ExperimentPage.Differences(rings, output));
    }

    [Fact]
    public void TheDifferencesTableNamesEachChangeAndAGeneratedStandIn()
    {
        var spec = Load("imdb-lstm", "quick");
        var output = new ExperimentOutput([], new Dictionary<string, double>(), "generated reviews (stand-in)", true, null);
        string html = ExperimentPage.Differences(spec, output);
        Assert.Contains("<td>training.epochs</td><td>10</td><td>4</td>", html);
        Assert.Contains("generated reviews (stand-in)", html);
    }
}
