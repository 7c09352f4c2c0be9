using NnViz.Engine;
using NnViz.Projection.Quality;
using NnViz.Projection.Sequences;

namespace NnViz.Lab.Experiments.EmbeddingAnimator;

/// <summary>
/// C4: the same validation points moving from one model's representation to the next model's (e.g. feed-forward to
/// BiLSTM). The spaces differ in meaning and width, so a joint fit over them would compare unrelated coordinates:
/// each space is fitted on its own, starting from the previous model's layout (chained) and Procrustes-aligned onto
/// it. Temporal stability is undefined across spaces; trustworthiness of each frame is reported.
/// </summary>
public static class ModelComparison
{
    public static ProjectedSequence Project(IReadOnlyList<AnimatorRun> runs, int n, AnimatorOptions options, Rng rng)
    {
        var o = AnimatorProjection.Options(options, SequenceStrategy.Chained, null, n);
        var layouts = new List<double[]>();
        var trust = new List<double>();
        for (int m = 0; m < runs.Count; m++)
        {
            double[] x = NnViz.Projection.DataMatrix.ToDouble(runs[m].Frames[^1]);
            // One chained step: the first model's fit starts as usual, each later one from the previous layout.
            var r = SequenceProjector.Project([x], n, runs[m].Dim, o with
            {
                Strategy = SequenceStrategy.Independent,
                Align = false,
                Tsne = m == 0 ? o.Tsne : o.Tsne with { InitialLayout = layouts[^1], EarlyIterations = 0 },
            }, rng.Fork($"model/{runs[m].Member}"));
            var y = (double[])r.Layouts[0].Clone();
            if (m > 0) y = NnViz.Projection.Linear.Procrustes.Align(layouts[^1], y, n, 2, allowReflection: true, allowScaling: false).Aligned;
            layouts.Add(y);
            trust.Add(NeighborhoodQuality.Compute(x, n, runs[m].Dim, y, 2, Math.Min(o.QualityK, (n - 1) / 2)).Trustworthiness);
        }
        return new ProjectedSequence("chained", [.. layouts.Select(l => l.Select(v => (float)v).ToArray())], double.NaN, trust.Average(), trust.Min(), double.NaN);
    }
}
