using NnViz.Lab.Experiments;
using NnViz.Lab.Experiments.Common;

namespace NnViz.Lab.Explain.Baselines;

/// <summary>
/// A text model beside its bag-of-words baseline on one label: the network's accuracy, ROC AUC and F1 on the held-out
/// texts, and those of <see cref="TextBaseline.BagOfWords"/> fitted on the same training texts. Null scores: the label
/// has one class only in the training or held-out texts (<see cref="WhyNone"/> says which).
/// </summary>
public sealed record TextComparison(string Label, int TrainRows, int HeldOutRows, string HeldOutName, ClassifierScores? Network, ClassifierScores? Baseline, ulong Seed)
{
    /// <summary>How the baseline reads each text, for the caption.</summary>
    public string Reading { get; init; } = "each text as the network reads it (its vocabulary's words, out-of-vocabulary words as one token)";

    public string? WhyNone => Network is null || Baseline is null
        ? $"the '{Label}' label has one class only in the training or {HeldOutName} texts" : null;

    /// <summary>
    /// Scores the network's probabilities and fits the baseline. Give the texts as the network sees them (its
    /// vocabulary's tokens, out-of-vocabulary words as one token) where possible, so the two models read the same words.
    /// </summary>
    public static TextComparison Measure(string label, IReadOnlyList<string> trainTexts, bool[] trainY, IReadOnlyList<string> heldOutTexts, bool[] heldOutY,
        IReadOnlyList<float> probabilities, ulong seed, string heldOutName = "validation")
    {
        bool usable = trainY.Distinct().Count() == 2 && heldOutY.Distinct().Count() == 2;
        var network = usable ? TextBaseline.Of(probabilities, heldOutY) : null;
        var baseline = usable ? TextBaseline.BagOfWords(trainTexts, trainY, heldOutTexts, heldOutY, SeedOf(seed)) : null;
        return new TextComparison(label, trainTexts.Count, heldOutTexts.Count, heldOutName, network, baseline, seed);
    }

    /// <summary>ML.NET's context seed (an int) from a spec's seed.</summary>
    public static int SeedOf(ulong seed) => (int)(seed % int.MaxValue);

    /// <summary>
    /// The declared metrics: network_accuracy, network_auc, network_f1 (per member of a family) and baseline_accuracy,
    /// baseline_auc, baseline_f1 (once); NaN when a label has one class (the claims then read "not measured").
    /// </summary>
    public void AddMetrics(IDictionary<string, double> metrics, string? member, bool withBaseline)
    {
        metrics[Format.Key("network_accuracy", member)] = Network?.Accuracy ?? double.NaN;
        metrics[Format.Key("network_auc", member)] = Network?.RocAuc ?? double.NaN;
        metrics[Format.Key("network_f1", member)] = Network?.F1 ?? double.NaN;
        if (!withBaseline) return;
        metrics["baseline_accuracy"] = Baseline?.Accuracy ?? double.NaN;
        metrics["baseline_auc"] = Baseline?.RocAuc ?? double.NaN;
        metrics["baseline_f1"] = Baseline?.F1 ?? double.NaN;
    }

    /// <summary>The metrics <see cref="AddMetrics"/> writes, for a kind's declaration.</summary>
    public static IEnumerable<MetricInfo> Declared(string heldOut, MetricScope networkScope) =>
    [
        new("network_accuracy", $"accuracy of the network's probabilities for the shown label on the {heldOut} texts (threshold 0.5), after the last epoch", networkScope),
        new("network_auc", $"ROC AUC of the network's probabilities for the shown label on the {heldOut} texts, after the last epoch", networkScope),
        new("network_f1", $"F1 of the network's predictions for the shown label on the {heldOut} texts (threshold 0.5), after the last epoch", networkScope),
        new("baseline_accuracy", $"accuracy of the bag-of-words baseline (ML.NET text featurizer + SDCA logistic regression, seeded) for the shown label on the {heldOut} texts"),
        new("baseline_auc", $"ROC AUC of the bag-of-words baseline for the shown label on the {heldOut} texts"),
        new("baseline_f1", $"F1 of the bag-of-words baseline for the shown label on the {heldOut} texts (threshold 0.5)"),
    ];

    /// <summary>The table printed beside the model.</summary>
    public PageBlock Block(string heading)
    {
        if (WhyNone is { } why) return new MarkdownBlock($"No bag-of-words baseline{heading}: {why}.");
        IReadOnlyList<string> Row(string name, ClassifierScores s) => [name, Format.Num(s.Accuracy), Format.Num(s.RocAuc), Format.Num(s.F1)];
        return new TableBlock($"What the network adds over counting words{heading}", ["model", "accuracy", "ROC AUC", "F1"],
            [Row("this network (after the last epoch)", Network!), Row("bag of words + logistic regression", Baseline!)],
            $"Label '{Label}' on the {HeldOutRows} {HeldOutName} texts, threshold 0.5 (metrics network_* and baseline_*). Baseline: ML.NET's text featurizer (normalised word and " +
            $"character n-gram counts) and SDCA logistic regression (one thread, seed {SeedOf(Seed)}), trained on the same {TrainRows} texts as the network, {Reading}.");
    }
}
