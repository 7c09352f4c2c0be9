using NnViz.Engine;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Specs;
using NnViz.Web;

namespace NnViz.Lab.Experiments.EmbeddingAnimator;

/// <summary>One member's measurements: its training record, its two projected layouts, class separation per epoch, and the lettered points (C3).</summary>
public sealed record MemberMeasures(AnimatorRun Run, IReadOnlyList<ProjectedSequence> Layouts, SeparationByEpoch Separation, IReadOnlyList<HardExample>? Hard);

/// <summary>Word drift (C5): the before/after word layout, each chosen word's neighbours, and the lexicon's neighbour share.</summary>
public sealed record DriftMeasures(PointCloudData Data, IReadOnlyList<WordNeighbours> Neighbours, LexiconShare? Share, int K,
    IReadOnlyList<PairDrift> Pairs);

/// <summary>Everything the embedding-animator page shows, measured before it is drawn, with the metrics.</summary>
public sealed record AnimatorMeasures(IReadOnlyList<MemberMeasures> Members, ProjectedSequence? Comparison, DriftMeasures? Drift, int Colour,
    IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>Accuracy, ROC AUC and F1 beside the bag-of-words baseline, per-label AUC and linear probes (<see cref="AnimatorScores"/>).</summary>
    public AnimatorScores? Scores { get; init; }

    public static AnimatorMeasures Measure(ExperimentSpec spec, AnimatorOptions o, TextTask task, IReadOnlyList<AnimatorRun> runs,
        IReadOnlyList<List<ProjectedSequence>> projected, IReadOnlyList<SeparationByEpoch> separation, ProjectedSequence? comparison, int colour, Rng root)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var members = new List<MemberMeasures>();
        for (int m = 0; m < runs.Count; m++)
        {
            var (run, seqs, sep) = (runs[m], projected[m], separation[m]);
            string? member = runs.Count > 1 ? run.Member : null;
            void Metric(string name, double v) => metrics[Format.Key(name, member)] = v;
            Metric("knn_first", sep.KnnAccuracy[0]);
            Metric("knn_last", sep.KnnAccuracy[^1]);
            Metric("silhouette_first", sep.Silhouette[0]);
            Metric("silhouette_last", sep.Silhouette[^1]);
            Metric("epochs_run", run.StoppedAfter);
            Metric("final_val_accuracy", run.ValAccuracy[^1]);
            Metric("first_epoch_loss", run.TrainLoss[0]);      // the animator records trained epochs only: index 0 = epoch 1
            Metric("final_train_loss", run.TrainLoss[^1]);
            foreach (var s in seqs)
            {
                Metric($"stability_{s.Name}", s.Stability);
                Metric($"trust_{s.Name}", s.Trustworthiness);
                Metric($"min_trust_{s.Name}", s.MinTrustworthiness);
            }
            var hard = spec.Wants("marked_last_epoch") && o.MarkedPoints > 0 ? Hard(o, task, run, colour) : null;
            if (hard is not null && task.ValTags is { } tags && tags.Any(IsNoise))
            {
                Metric("marked_mislabel_rate", hard.Count(h => IsNoise(tags[h.Index])) / (double)hard.Count);
                Metric("mislabel_base_rate", tags.Count(IsNoise) / (double)tags.Length);
            }
            members.Add(new MemberMeasures(run, seqs, sep, hard));
        }
        if (comparison is not null)
        {
            metrics["comparison_trust"] = comparison.Trustworthiness;
            metrics["comparison_min_trust"] = comparison.MinTrustworthiness;
        }
        var drift = spec.Wants("word_drift") && o.DriftWords.Count > 0 && runs[0].EmbeddingStart is not null ? MeasureDrift(o, task, runs[0], colour, root.Fork("projection/words")) : null;
        if (drift is not null && drift.Neighbours.Count > 0) metrics["drift_neighbour_overlap"] = drift.Neighbours.Average(w => w.Overlap);
        if (drift?.Share is { } share)
        {
            metrics["toxic_neighbour_share_before"] = share.Before;
            metrics["toxic_neighbour_share_after"] = share.After;
            metrics["toxic_neighbour_base_rate"] = share.BaseRate;
        }
        if (drift is not null && o.DriftPairs.Count > 0)
        {
            metrics["drift_pairs_measured"] = drift.Pairs.Count;
            // No pair in the vocabulary: NaN, so the claim reads "not measured", never "reproduced".
            metrics["drift_pairs_closer"] = drift.Pairs.Count == 0 ? double.NaN : drift.Pairs.Count(p => p.Closer) / (double)drift.Pairs.Count;
        }
        var scores = AnimatorScores.Measure(task, runs, colour, spec.Seed, root, metrics);
        return new AnimatorMeasures(members, comparison, drift, colour, metrics) { Scores = scores };
    }

    private static bool IsNoise(string tags) => tags.Contains("label-noise", StringComparison.Ordinal);

    /// <summary>The most informative validation texts of the last epoch (C3), by the colour label.</summary>
    private static IReadOnlyList<HardExample> Hard(AnimatorOptions o, TextTask task, AnimatorRun run, int colour)
    {
        int labelCols = task.LabelNames.Count;
        float[] p = [.. Enumerable.Range(0, task.ValRows).Select(i => run.FinalProbabilities[i * labelCols + colour])];
        return HardExamples.Pick(run.Frames[^1], task.ValRows, run.Dim, task.ValCodes(colour), p, o.QualityK, o.MarkedPoints);
    }

    private static DriftMeasures MeasureDrift(AnimatorOptions o, TextTask task, AnimatorRun run, int colour, Rng rng)
    {
        const int k = 5;
        var lexicon = o.DriftColour == "toxic_lexicon" ? WordDriftLexicon.For(task, colour) : null;
        var ((data, nbs), share) = WordDrift.Build(run, task.Vocabulary, o.DriftWords, o.DriftTopWords, k, o, rng, lexicon);
        return new DriftMeasures(data, nbs, share, k, PairDrifts.Measure(run, task.Vocabulary, o.DriftPairs));
    }
}
