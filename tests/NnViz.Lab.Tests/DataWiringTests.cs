using NnViz.Data;
using NnViz.Engine;
using NnViz.Lab.Experiments;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Experiments.EmbeddingAnimator;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Lab.Text;
using NnViz.Testing;

namespace NnViz.Lab.Tests;

/// <summary>
/// Which data each experiment reads (the shared real data on the ci and quick profiles), what it says about it, and
/// that the run store reruns an experiment when its data change.
/// </summary>
public class DataWiringTests
{
    private static ExperimentSpec Load(string name, string profile, string? specFile = null) =>
        SpecLoader.Load(specFile ?? Path.Combine(Lab.Experiments, name + ".yaml"), Profile.Load(Lab.Configs, profile));

    private static string[] Sets(ExperimentSpec spec) =>
        [.. ExperimentKinds.ByName[spec.Kind].ChooseData(spec).Select(c => c.Located is null ? "generated" : c.Located.Info.Id)];

    [Theory]
    [InlineData("imdb-lstm", "ci", "aclimdb")]
    [InlineData("mnist-weights", "ci", "mnist")]
    [InlineData("mnist-projections", "ci", "mnist")]
    [InlineData("toxic-animator", "ci", "jigsaw,glove")]
    [InlineData("model-comparison-animator", "ci", "uci-sentences")]
    [InlineData("sentiment-animator", "ci", "uci-sentences")]
    [InlineData("word-drift-animator", "ci", "uci-sentences,glove")]
    [InlineData("toxic-word-drift", "ci", "generated")]      // ci asks for the generated corpus (its lexicon is the ground truth)
    [InlineData("toxic-word-drift", "quick", "jigsaw")]
    [InlineData("occlusion", "ci", "title-abstract")]
    [InlineData("occlusion", "quick", "title-abstract")]
    [InlineData("moons", "ci", "")]
    public void EachExperimentReadsItsWriteUpsDataWhenTheSharedDataAreThere(string name, string profile, string expected)
    {
        Assert.True(Directory.Exists(RepoPaths.SharedData), $"the shared data are not at {RepoPaths.SharedData}");
        Assert.Equal(expected, string.Join(",", Sets(Load(name, profile))));
    }

    [Fact]
    public void ARunSaysWhichDataItReadInItsSummaryWithChecksumsAndRows()
    {
        string outDir = Lab.TempDir("data-summary");
        var runner = Lab.Runner(outDir);
        var (specs, errors) = runner.ValidateAll([Path.Combine(Lab.Experiments, "sentiment-animator.yaml")]);
        Assert.Empty(errors);
        RunSummary s = runner.Run(specs[0]);
        Assert.False(s.GeneratedData);
        DataUseRecord use = Assert.Single(s.Data!);
        Assert.Equal("uci-sentences", use.DataSet);
        Assert.Equal(3, use.Files.Count);
        Assert.All(use.Files, f => Assert.Matches("^[0-9a-f]{64}$", f.Sha256));
        Assert.Equal(1000, use.Rows.Single(r => r.Part == "yelp").Rows);
        Assert.Equal([60, 400], use.RowsUsed.Select(r => r.Rows).Order());
        Assert.StartsWith("real: uci-sentences", s.DataUsed);
        Assert.Contains("sha256", s.DataUsed);
        Directory.Delete(outDir, true);
    }

    [Fact]
    public void AutoWithoutTheDataRunsTheGeneratedStandInAndThePageSaysSo()
    {
        string empty = Lab.TempDir("no-data");
        string spec = Path.Combine(empty, "sentiment-animator.yaml");
        File.WriteAllText(spec, File.ReadAllText(Path.Combine(Lab.Experiments, "sentiment-animator.yaml"))
            .Replace("  source: auto\n", $"  source: auto\n  folder: \"{empty}\"\n"));
        var runner = Lab.Runner(Path.Combine(empty, "out"));
        var (specs, errors) = runner.ValidateAll([spec]);
        Assert.Empty(errors);
        RunSummary s = runner.Run(specs[0]);
        Assert.True(s.GeneratedData);
        Assert.Null(s.Data);
        Assert.StartsWith("generated:", s.DataUsed);
        Assert.Contains("not found", s.DataUsed);
        Assert.Contains("source: auto", s.DataUsed);
        Directory.Delete(empty, true);
    }

    [Fact]
    public void SourceRealWithoutTheDataIsAnErrorNamingWhatWasLookedFor()
    {
        string empty = Lab.TempDir("no-data-real");
        var d = new TextData("toxic", "real", 100, 20, 100, 10, 0, 0.4, empty);
        var e = Assert.Throws<DataException>(() => TextSources.Choose(d));
        Assert.Contains("Jigsaw", e.Message);
        Assert.Contains("not found", e.Message);
        Directory.Delete(empty, true);
    }

    [Fact]
    public void WithoutMnistFashionMnistStandsInAndIsMarkedAsAStandIn()
    {
        Assert.True(Directory.Exists(Mnist.DebianFashionMnistFolder), "Debian's dataset-fashion-mnist is not installed");
        string empty = Lab.TempDir("no-mnist");
        DataChoice auto = MnistSource.Choose("auto", empty);
        Assert.Equal(KnownDataSet.FashionMnist, auto.Located!.Set);
        Assert.True(auto.StandIn);
        Assert.True(auto.Substituted);
        Assert.StartsWith("stand-in: Fashion-MNIST", MnistSource.Describe(auto, "rows"));
        DataChoice asked = MnistSource.Choose("fashion-mnist", empty);
        Assert.True(asked.StandIn);
        Assert.False(asked.Substituted);   // asked for by name: no warning, but still not the write-up's data
        Assert.Throws<DataException>(() => MnistSource.Choose("mnist", empty));
        DataChoice real = MnistSource.Choose("auto", RepoPaths.SharedData);
        Assert.Equal(KnownDataSet.Mnist, real.Located!.Set);
        Assert.False(real.StandIn);
        Directory.Delete(empty, true);
    }

    [Fact]
    public void TheStoreReusesARunUntilItsDataChange()
    {
        string dir = Lab.TempDir("data-key");
        string data = Path.Combine(dir, "data");
        Directory.CreateDirectory(data);
        foreach (string f in UciSentences.FileNames)
            File.Copy(Path.Combine(RepoPaths.SharedData, "sentiment_labelled_sentences", f), Path.Combine(data, f));
        string spec = Path.Combine(dir, "sentiment-animator.yaml");
        File.WriteAllText(spec, File.ReadAllText(Path.Combine(Lab.Experiments, "sentiment-animator.yaml"))
            .Replace("  source: auto\n", $"  source: real\n  folder: \"{data}\"\n"));
        var runner = Lab.Runner(Path.Combine(dir, "out"));
        var specs = runner.ValidateAll([spec]).Specs;
        RunSummary first = runner.Run(specs[0]);
        Assert.True(runner.Run(specs[0]).Reused);
        File.AppendAllText(Path.Combine(data, "yelp_labelled.txt"), "An extra review line that was not there before.\t1\n");
        RunSummary third = runner.Run(specs[0]);
        Assert.False(third.Reused);
        Assert.NotEqual(first.SpecHash, third.SpecHash);
        Assert.NotEqual(first.Data![0].Hash, third.Data![0].Hash);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void JigsawValidationTextsAreTestRowsWhoseIdsAreNotInTrain()
    {
        ExperimentSpec spec = Load("toxic-animator", "ci");
        DataChoice choice = TextSources.Choose(spec.DataAs<TextData>());
        TextTask task = TextTask.Load(spec, new Rng(spec.Seed), choice, out DataUse? use);
        var train = new HashSet<string>(choice.Located!.ReadJigsaw().Train.Ids, StringComparer.Ordinal);
        Assert.Equal(60, task.ValRows);
        Assert.DoesNotContain(task.ValIds, train.Contains);
        Assert.Contains("32 test ids also in train dropped", use!.Sampling);
        Assert.Contains("toxic share", use.Sampling);
        Assert.Equal(6, task.LabelNames.Count);
    }

    [Fact]
    public void ImdbQuickSubsetIsStratifiedAndDrawnFromTheWholeSplit()
    {
        ExperimentSpec spec = Load("imdb-lstm", "ci");
        var section = spec.DataAs<Section>();
        ReviewData data = ReviewData.Load(section, new Rng(spec.Seed), ReviewData.Choose(section));
        Assert.False(data.Generated);
        Assert.Equal(120, data.TrainLabels.Count(l => l == 1));
        Assert.Equal(120, data.TrainLabels.Count(l => l == 0));
        Assert.Equal(30, data.TestLabels.Count(l => l == 1));
        Assert.Equal(data.Train.Count, data.Train.Ids.Distinct().Count());
        Assert.All(data.Train.Ids, id => Assert.StartsWith("train/", id));
        // A seeded draw, not the lowest ids: some chosen reviews lie beyond the first 120 of their label.
        Assert.Contains(data.Train.Ids, id => int.Parse(id.Split('/')[2].Split('_')[0]) > 2000);
        Assert.Contains("stratified", data.Use!.Sampling);
    }

    [Fact]
    public void SharedDataIsFoundBesideAParentOfADeeperCheckout()
    {
        string root = Lab.TempDir("walk-up");
        string deep = Path.Combine(root, "wt", "branch");
        Directory.CreateDirectory(deep);
        Directory.CreateDirectory(Path.Combine(root, "shared", "data"));
        Assert.Equal(Path.Combine(root, "shared", "data"), RepoPaths.FindSharedData(deep));
        Directory.Delete(root, true);
    }
}
