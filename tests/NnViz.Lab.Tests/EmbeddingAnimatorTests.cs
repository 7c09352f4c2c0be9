using NnViz.Data;
using NnViz.Engine;
using NnViz.Lab.Experiments.EmbeddingAnimator;
using NnViz.Lab.Experiments.Pipeline;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Testing;

namespace NnViz.Lab.Tests;

/// <summary>The embedding animator (catalogue C1-C3): hard-example choice, losses, projection plumbing, real-data runs and data errors.</summary>
public class EmbeddingAnimatorTests
{
    [Fact]
    public void APointInsideTheOtherClassIsTheFirstHardExample()
    {
        // Two tight clusters on a line; point 5 has label 1 but sits among the label-0 points.
        float[] x = [0, 0.1f, 0.2f, 0.3f, 0.4f, 0.25f, 10, 10.1f, 10.2f, 10.3f, 10.4f];
        int[] labels = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
        float[] p = [0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.2f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f];
        var hard = HardExamples.Pick(x, 11, 1, labels, p, k: 3, count: 2);
        Assert.Equal(5, hard[0].Index);
        Assert.Equal("A", hard[0].Letter);
        Assert.Equal(1.0, hard[0].NeighbourDisagreement);
        Assert.Equal(0.8, hard[0].Surprise, 6);
        Assert.Equal([2, 3, 1], hard[0].Neighbours);   // 0.2 and 0.3 are both 0.05 away, then 0.1 and 0.4 tie: the lower index first
        Assert.Equal("B", hard[1].Letter);
        Assert.True(hard[1].Score <= hard[0].Score);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(27, "AB")]
    public void LettersContinuePastZ(int rank, string letter) => Assert.Equal(letter, HardExamples.Letter(rank));

    [Fact]
    public void BinaryLossAndAccuracyMatchHandComputedValues()
    {
        float[] p = [0.9f, 0.2f, 0.6f, 0.4f];
        float[] y = [1, 0, 0, 1];
        double expected = -(Math.Log(0.9f) + Math.Log(1 - 0.2f) + Math.Log(1 - 0.6f) + Math.Log(0.4f)) / 4;
        Assert.Equal(expected, AnimatorTraining.BinaryLoss(p, y), 6);
        Assert.Equal(0.5, Accuracy.Binary(p, y));
    }

    private static string ToxicSpecOn(string dataLines, string name)
    {
        string text = File.ReadAllText(Path.Combine(Lab.Experiments, "toxic-animator.yaml"))
            .Replace("  kind: toxic\n  source: auto\n", dataLines).Replace("  toxic_rate: 0.4\n", "");
        string path = Path.Combine(Lab.TempDir(name), "toxic-animator.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void TheJigsawSampleRunsWithItsSixLabelsToSwitchBetween()
    {
        string spec = ToxicSpecOn($"  kind: jigsaw\n  folder: {Path.Combine(RepoPaths.SharedData, "jigsaw_toxic_sample")}\n", "jigsaw");
        string outDir = Lab.TempDir("jigsaw-out");
        var runner = Lab.Runner(outDir);
        var (specs, errors) = runner.ValidateAll([spec]);
        Assert.Empty(errors);
        runner.Run(specs[0]);
        string dir = Path.Combine(outDir, "toxic-animator");
        string summary = File.ReadAllText(Path.Combine(dir, "summary.json"));
        Assert.Contains("\"data_used\": \"real: jigsaw: ", summary);
        Assert.Contains("\"data_set\": \"jigsaw\"", summary);
        Assert.Contains("\"generated_data\": false", summary);
        string page = File.ReadAllText(Path.Combine(dir, "index.html"));
        foreach (var label in Jigsaw.LabelNames) Assert.Contains($"\"{label}\"", page);
        Assert.Contains("\"independent\"", page);
        Assert.Contains("temporal stability", page);
        Directory.Delete(outDir, true);
    }

    [Fact]
    public void AMissingJigsawFileIsADataErrorSayingWhereToGetIt()
    {
        string empty = Lab.TempDir("no-data");
        string spec = ToxicSpecOn($"  kind: jigsaw\n  folder: {empty}\n", "jigsaw-missing");
        var runner = Lab.Runner(Lab.TempDir("missing-out"));
        var (specs, errors) = runner.ValidateAll([spec]);
        Assert.Empty(errors);
        var e = Assert.Throws<DataException>(() => runner.Run(specs[0]));
        Assert.Contains("not found under", e.Message);
        Assert.Contains("kaggle", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AWrongOutputWidthIsASpecErrorAtTheLayer()
    {
        string text = File.ReadAllText(Path.Combine(Lab.Experiments, "toxic-animator.yaml")).Replace("{kind: dense, units: 6, activation: sigmoid}", "{kind: dense, units: 1, activation: sigmoid}");
        string path = Path.Combine(Lab.TempDir("bad-width"), "toxic-animator.yaml");
        File.WriteAllText(path, text);
        var (_, errors) = Lab.Runner(Lab.TempDir("bad-width-out")).ValidateAll([path]);
        var e = Assert.Single(errors);
        Assert.Contains("6 sigmoid unit(s)", e.ToString());
        Assert.Contains("toxic-animator.yaml:", e.ToString());
    }
}
