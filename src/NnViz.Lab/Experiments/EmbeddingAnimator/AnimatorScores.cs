using NnViz.Engine;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Explain;
using NnViz.Lab.Explain.Baselines;
using NnViz.Web;

namespace NnViz.Lab.Experiments.EmbeddingAnimator;

/// <summary>
/// One member's scores beside its pictures: the colour label's accuracy, ROC AUC and F1 next to the bag-of-words
/// baseline's, the per-label ROC AUC of six-label data (the Jigsaw competition's metric), and a linear probe of the
/// recorded representation after the first and the last epoch.
/// </summary>
public sealed record MemberScores(TextComparison Comparison, LabelAucs? Labels, double ProbeFirst, double ProbeLast);

/// <summary>The scores of every member, measured once (the baselines read the same texts for every member).</summary>
public sealed record AnimatorScores(IReadOnlyList<MemberScores> Members, int ProbeFolds)
{
    /// <summary>Folds of the cross-validated linear probe on the validation texts' representation.</summary>
    public const int Folds = 5;

    /// <summary>The metrics this file measures, for the kind's declaration.</summary>
    public static IEnumerable<MetricInfo> Declared =>
    [
        .. TextComparison.Declared("validation", MetricScope.PerMemberOfFamily),
        .. LabelAucs.Declared(NnViz.Data.Jigsaw.LabelNames, MetricScope.PerMemberOfFamily),
        new("probe_first", $"linear-probe accuracy of the colour label in the representation after epoch 1 ({SdcaProbe.Measure}; {Folds}-fold cross-validated on the validation texts)", MetricScope.PerMemberOfFamily),
        new("probe_last", "the same linear-probe accuracy after the last epoch run", MetricScope.PerMemberOfFamily),
    ];

    public static AnimatorScores Measure(TextTask task, IReadOnlyList<AnimatorRun> runs, int colour, ulong seed, Rng root, IDictionary<string, double> metrics)
    {
        int k = task.LabelNames.Count;
        string[] trainTexts = Texts(task, task.TrainX, task.TrainRows), valTexts = Texts(task, task.ValX, task.ValRows);
        bool[] trainY = [.. Enumerable.Range(0, task.TrainRows).Select(i => task.TrainY[i * k + colour] >= 0.5f)];
        bool[] valY = [.. task.ValCodes(colour).Select(c => c == 1)];
        int[] codes = task.ValCodes(colour);
        var members = new List<MemberScores>();
        TextComparison? baseline = null;
        LabelAucs? labelBaseline = null;
        foreach (var run in runs)
        {
            string? member = runs.Count > 1 ? run.Member : null;
            float[] p = [.. Enumerable.Range(0, task.ValRows).Select(i => run.FinalProbabilities[i * k + colour])];
            // The baselines do not depend on the member: fitted once, reused for the others.
            var comparison = baseline is null ? TextComparison.Measure(task.LabelNames[colour], trainTexts, trainY, valTexts, valY, p, seed)
                : baseline with { Network = valY.Distinct().Count() == 2 ? TextBaseline.Of(p, valY) : null };
            baseline ??= comparison;
            comparison.AddMetrics(metrics, member, withBaseline: members.Count == 0);
            LabelAucs? labels = null;
            if (k > 1)
            {
                labels = LabelAucs.Measure(task.LabelNames, trainTexts, task.TrainY, valTexts, task.ValY, run.FinalProbabilities, seed, labelBaseline);
                labelBaseline ??= labels;
                labels.AddMetrics(metrics, member, withBaseline: members.Count == 0);
            }
            var rng = root.Fork($"probe/{run.Member}");
            double first = SdcaProbe.CrossValidated(run.Frames[0], codes, run.Dim, Folds, rng.Fork("first"), TextComparison.SeedOf(seed));
            double last = SdcaProbe.CrossValidated(run.Frames[^1], codes, run.Dim, Folds, rng.Fork("last"), TextComparison.SeedOf(seed));
            metrics[Format.Key("probe_first", member)] = first;
            metrics[Format.Key("probe_last", member)] = last;
            members.Add(new MemberScores(comparison, labels, first, last));
        }
        return new AnimatorScores(members, Folds);
    }

    /// <summary>The page's blocks for member <paramref name="m"/>: the baseline table, the per-label table, the probe line.</summary>
    public IEnumerable<PageBlock> Blocks(int m, TextTask task, string layer, string heading)
    {
        var s = Members[m];
        yield return s.Comparison.Block(heading);
        if (s.Labels is { } labels) yield return labels.Block(heading, task.ValRows);
        yield return new MarkdownBlock($"Linear probe{heading} (metrics probe_first, probe_last): {SdcaProbe.Measure}, {ProbeFolds}-fold stratified cross-validation on the " +
            $"{task.ValRows} validation texts' `{layer}` representation, scored against the '{s.Comparison.Label}' label: " +
            $"{Format.Num(s.ProbeFirst)} after epoch 1, {Format.Num(s.ProbeLast)} after the last epoch.");
    }

    private static string[] Texts(TextTask task, float[] ids, int rows) =>
        [.. Enumerable.Range(0, rows).Select(r => string.Join(' ', task.Vocabulary.Decode(Enumerable.Range(0, task.Steps).Select(s => (int)ids[r * task.Steps + s]))))];
}
