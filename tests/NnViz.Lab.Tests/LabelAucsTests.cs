using NnViz.Data;
using NnViz.Engine;
using NnViz.Lab.Explain.Baselines;

namespace NnViz.Lab.Tests;

/// <summary>Per-label ROC AUC (the Jigsaw competition's metric): each column against its own label, NaN without both classes, the mean over the measured labels.</summary>
public class LabelAucsTests
{
    [Fact]
    public void Each_label_is_scored_by_its_own_column_and_a_one_class_label_is_not_measured()
    {
        string[] names = ["a", "b", "c"];
        // Held-out labels (rows x 3) and probabilities: column a orders all pairs, b half of them, c has no positive.
        float[] y = [1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0];
        float[] p = [0.9f, 0.1f, 0.5f, 0.2f, 0.8f, 0.5f, 0.7f, 0.6f, 0.5f, 0.1f, 0.9f, 0.5f];
        var aucs = LabelAucs.Measure(names, [], [], ["w", "x", "y", "z"], y, p, seed: 1);
        Assert.Equal(1.0, aucs.Labels[0].Network, 9);   // positives 0.9, 0.7 above negatives 0.2, 0.1
        Assert.Equal(0.5, aucs.Labels[1].Network, 9);   // positives 0.8, 0.6; negatives 0.1, 0.9: two of four pairs ordered
        Assert.True(double.IsNaN(aucs.Labels[2].Network));
        Assert.Equal(2, aucs.Measured);
        Assert.Equal(0.75, aucs.MeanNetwork, 9);
        Assert.Equal([2, 2, 0], aucs.Labels.Select(l => l.Positives));
        var metrics = new Dictionary<string, double>();
        aucs.AddMetrics(metrics, "m", withBaseline: true);
        Assert.Equal(0.75, metrics["mean_column_auc[m]"], 9);
        Assert.True(double.IsNaN(metrics["auc_c[m]"]));
        Assert.True(double.IsNaN(metrics["baseline_mean_column_auc"])); // no training texts: no baseline fitted
    }

    [Fact]
    public void The_baseline_is_fitted_per_label_on_the_generated_toxic_comments()
    {
        var train = GeneratedText.Toxic(new Rng(1), 600);
        var test = GeneratedText.Toxic(new Rng(2), 300);
        int k = Jigsaw.LabelNames.Count;
        // A "network" that outputs the true labels as probabilities: AUC 1 on every measured label.
        var aucs = LabelAucs.Measure(Jigsaw.LabelNames, train.Texts, train.Labels, test.Texts, test.Labels, test.Labels, seed: 5);
        Assert.All(aucs.Labels.Where(l => l.Positives > 0 && l.Positives < test.Count), l => Assert.Equal(1.0, l.Network, 9));
        // The toxic label is written into the generated text: counting words finds it.
        Assert.True(aucs.Labels[0].Baseline > 0.8, $"baseline toxic AUC {aucs.Labels[0].Baseline}");
        var again = LabelAucs.Measure(Jigsaw.LabelNames, train.Texts, train.Labels, test.Texts, test.Labels, test.Labels, seed: 5);
        Assert.Equal(aucs.Labels.Select(l => l.Baseline), again.Labels.Select(l => l.Baseline));
        var reused = LabelAucs.Measure(Jigsaw.LabelNames, [], [], test.Texts, test.Labels, test.Labels, 5, baselineOf: aucs);
        Assert.Equal(aucs.MeanBaseline, reused.MeanBaseline);
        Assert.Equal(k, aucs.Labels.Count);
    }
}
