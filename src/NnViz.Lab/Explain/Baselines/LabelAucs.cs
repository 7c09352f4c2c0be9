using NnViz.Lab.Experiments;
using NnViz.Lab.Experiments.Common;

namespace NnViz.Lab.Explain.Baselines;

/// <summary>One label's ROC AUC on the held-out texts: the network's, the bag-of-words baseline's, and how many held-out texts carry it.</summary>
public sealed record LabelAuc(string Label, int Positives, double Network, double Baseline);

/// <summary>
/// The Jigsaw toxic-comment competition's metric for a multi-label model: ROC AUC of each label's probability (column-
/// wise), and their mean. A label whose held-out texts are all one class has no AUC (NaN); the mean is then over the
/// measured labels (<see cref="Measured"/> says how many), which the page states.
/// </summary>
public sealed record LabelAucs(IReadOnlyList<LabelAuc> Labels)
{
    public int Measured => Labels.Count(l => !double.IsNaN(l.Network));
    public double MeanNetwork => Mean(Labels.Select(l => l.Network));
    public double MeanBaseline => Mean(Labels.Select(l => l.Baseline));

    private static double Mean(IEnumerable<double> v)
    {
        var ok = v.Where(x => !double.IsNaN(x)).ToList();
        return ok.Count == 0 ? double.NaN : ok.Average();
    }

    /// <summary>
    /// Per label: the network's probabilities (rows x labels) against the held-out labels, and a bag-of-words baseline
    /// fitted for that label on the training texts (NaN when the label has one class in the training texts), or the
    /// baseline AUCs of <paramref name="baselineOf"/> when given (another model on the same texts: the baseline is the same).
    /// </summary>
    public static LabelAucs Measure(IReadOnlyList<string> labelNames, IReadOnlyList<string> trainTexts, float[] trainY, IReadOnlyList<string> heldOutTexts,
        float[] heldOutY, float[] probabilities, ulong seed, LabelAucs? baselineOf = null)
    {
        int k = labelNames.Count, n = heldOutTexts.Count;
        var labels = new List<LabelAuc>();
        for (int c = 0; c < k; c++)
        {
            bool[] y = Column(heldOutY, c, k), ty = Column(trainY, c, k);
            bool heldOutBoth = y.Distinct().Count() == 2, trainBoth = ty.Distinct().Count() == 2;
            double network = heldOutBoth ? TextBaseline.Of([.. Enumerable.Range(0, n).Select(i => probabilities[i * k + c])], y).RocAuc : double.NaN;
            double baseline = baselineOf is not null ? baselineOf.Labels[c].Baseline
                : heldOutBoth && trainBoth ? TextBaseline.BagOfWords(trainTexts, ty, heldOutTexts, y, TextComparison.SeedOf(seed)).RocAuc : double.NaN;
            labels.Add(new LabelAuc(labelNames[c], y.Count(v => v), network, baseline));
        }
        return new LabelAucs(labels);
    }

    private static bool[] Column(float[] y, int c, int k) => [.. Enumerable.Range(0, y.Length / k).Select(i => y[i * k + c] >= 0.5f)];

    /// <summary>auc_&lt;label&gt; per label and mean_column_auc, auc_labels_measured (per member of a family); baseline_mean_column_auc once.</summary>
    public void AddMetrics(IDictionary<string, double> metrics, string? member, bool withBaseline)
    {
        foreach (var l in Labels) metrics[Format.Key($"auc_{l.Label}", member)] = l.Network;
        metrics[Format.Key("mean_column_auc", member)] = MeanNetwork;
        metrics[Format.Key("auc_labels_measured", member)] = Measured;
        if (withBaseline) metrics["baseline_mean_column_auc"] = MeanBaseline;
    }

    /// <summary>The metrics <see cref="AddMetrics"/> writes for these label names, for a kind's declaration.</summary>
    public static IEnumerable<MetricInfo> Declared(IReadOnlyList<string> labelNames, MetricScope networkScope) =>
    [
        .. labelNames.Select(l => new MetricInfo($"auc_{l}", $"six-label data: ROC AUC of the network's '{l}' probability on the validation texts, after the last epoch", networkScope)),
        new("mean_column_auc", "six-label data: mean column-wise ROC AUC over the labels measured (the Jigsaw competition's metric)", networkScope),
        new("auc_labels_measured", "six-label data: labels with both classes among the validation texts (those mean_column_auc averages)", networkScope),
        new("baseline_mean_column_auc", "six-label data: the bag-of-words baseline's mean column-wise ROC AUC (one baseline per label)"),
    ];

    /// <summary>The per-label table.</summary>
    public PageBlock Block(string heading, int heldOutRows)
    {
        var missing = Labels.Where(l => double.IsNaN(l.Network)).Select(l => l.Label).ToList();
        var rows = Labels.Select(l => (IReadOnlyList<string>)[l.Label, l.Positives.ToString(System.Globalization.CultureInfo.InvariantCulture), Num(l.Network), Num(l.Baseline)]).ToList();
        rows.Add([$"mean column-wise ({Measured} of {Labels.Count} labels)", "", Num(MeanNetwork), Num(MeanBaseline)]);
        return new TableBlock($"ROC AUC per label, the Jigsaw competition's metric{heading}", ["label", $"positives of {heldOutRows}", "network", "bag of words"], rows,
            "The model has one sigmoid output per label; each output's probability is scored against its own label on the validation texts (metrics auc_<label>, " +
            "mean_column_auc; the competition scores the mean over all six). Baseline: one bag-of-words logistic regression per label, as above." +
            (missing.Count > 0 ? $" Not measured, no positive (or no negative) validation text: {string.Join(", ", missing)}; the mean is over the other labels." : ""));
    }

    private static string Num(double v) => double.IsNaN(v) ? "–" : Format.Num(v);
}
