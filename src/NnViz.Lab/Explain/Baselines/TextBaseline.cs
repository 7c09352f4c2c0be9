using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace NnViz.Lab.Explain.Baselines;

/// <summary>A binary classifier's scores on held-out texts, as ML.NET's evaluator reports them (threshold 0.5).</summary>
public sealed record ClassifierScores(double Accuracy, double RocAuc, double F1);

/// <summary>
/// The field's yardstick for a text classifier, with ML.NET: a bag-of-words baseline (ML.NET's text featurizer:
/// normalised word and character n-gram counts, then SDCA logistic regression on one thread, seeded, so the same
/// texts give the same bits), and ROC AUC and F1 beside accuracy for a network's own probabilities, so a reader sees
/// what the network adds over counting words.
/// </summary>
public static class TextBaseline
{
    private sealed class TextRow
    {
        public string Text { get; set; } = "";
        public bool Label { get; set; }
    }

    private sealed class ScoredRow
    {
        public bool Label { get; set; }
        public float Score { get; set; }
        public float Probability { get; set; }
        public bool PredictedLabel { get; set; }
    }

    /// <summary>Fits the bag-of-words baseline on the training texts and scores it on the held-out ones.</summary>
    public static ClassifierScores BagOfWords(IReadOnlyList<string> trainTexts, IReadOnlyList<bool> trainLabels,
        IReadOnlyList<string> testTexts, IReadOnlyList<bool> testLabels, int seed)
    {
        RequireBothClasses(trainLabels, "training");
        RequireBothClasses(testLabels, "held-out");
        var ml = new MLContext(seed);
        var train = ml.Data.LoadFromEnumerable(Rows(trainTexts, trainLabels));
        var test = ml.Data.LoadFromEnumerable(Rows(testTexts, testLabels));
        var sdca = new SdcaLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(TextRow.Label), FeatureColumnName = "Features", NumberOfThreads = 1,
            MaximumNumberOfIterations = SdcaProbe.MaxPasses,
        };
        // The featurized texts are cached before SDCA: without the checkpoint every one of SDCA's passes re-ran the
        // text featurizer over all training texts (imdb-lstm on full: 25,000 reviews x up to 200 passes, over 25 min).
        var pipeline = ml.Transforms.Text.FeaturizeText("Features", nameof(TextRow.Text))
            .AppendCacheCheckpoint(ml)
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(sdca));
        var model = pipeline.Fit(train);
        var m = ml.BinaryClassification.Evaluate(model.Transform(test), nameof(TextRow.Label));
        return new ClassifierScores(m.Accuracy, m.AreaUnderRocCurve, m.F1Score);
    }

    /// <summary>Accuracy, ROC AUC and F1 of a network's probabilities (one per text) against 0/1 labels.</summary>
    public static ClassifierScores Of(IReadOnlyList<float> probabilities, IReadOnlyList<bool> labels)
    {
        if (probabilities.Count != labels.Count) throw new ArgumentException($"{probabilities.Count} probabilities for {labels.Count} labels");
        RequireBothClasses(labels, "held-out");
        var ml = new MLContext(0);
        // ML.NET's evaluator thresholds the score at 0: the score is the logit, so that is probability 0.5.
        var rows = labels.Select((y, i) => new ScoredRow { Label = y, Score = Logit(probabilities[i]), Probability = probabilities[i], PredictedLabel = probabilities[i] > 0.5f });
        var m = ml.BinaryClassification.Evaluate(ml.Data.LoadFromEnumerable(rows), nameof(ScoredRow.Label));
        return new ClassifierScores(m.Accuracy, m.AreaUnderRocCurve, m.F1Score);
    }

    private static float Logit(float p)
    {
        double q = Math.Clamp(p, 1e-7, 1 - 1e-7);
        return (float)Math.Log(q / (1 - q));
    }

    private static IEnumerable<TextRow> Rows(IReadOnlyList<string> texts, IReadOnlyList<bool> labels)
    {
        if (texts.Count != labels.Count) throw new ArgumentException($"{texts.Count} texts for {labels.Count} labels");
        return texts.Select((t, i) => new TextRow { Text = t, Label = labels[i] }).ToList();
    }

    private static void RequireBothClasses(IReadOnlyList<bool> labels, string which)
    {
        if (!labels.Contains(true) || !labels.Contains(false))
            throw new ArgumentException($"the {which} texts need both classes for ROC AUC ({labels.Count(l => l)} of {labels.Count} positive)");
    }
}
