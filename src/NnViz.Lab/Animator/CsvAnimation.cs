using NnViz.Engine;
using NnViz.Lab.Experiments.EmbeddingAnimator;
using NnViz.Projection.Sequences;
using NnViz.Projection.Tsne;
using NnViz.Web;

namespace NnViz.Lab.Animator;

/// <summary>
/// The animator as a tool (catalogue C6): the users' checkpoints become one self-contained page. Two numeric columns
/// are drawn as they are; more are projected twice, with the aligned strategy (one t-SNE of all checkpoints
/// stacked) and independently per checkpoint, with temporal stability and trustworthiness printed beside each.
/// </summary>
public static class CsvAnimation
{
    public static PointCloudData Build(IReadOnlyList<CsvCheckpoint> files, Rng rng, int iterations = 500)
    {
        var cps = CsvCheckpoint.Match(files);
        var first = cps[0];
        int n = first.Rows, d = first.Columns;
        string[] frameLabels = [.. cps.Select(c => Path.GetFileNameWithoutExtension(c.File))];
        List<PointLayout> layouts;
        if (d == 2)
            layouts = [new PointLayout("as given", [.. cps.Select(c => c.Values)])];
        else
        {
            if (n < 8) throw new NnViz.Data.DataException($"{n} points are too few to project {d} columns to 2-D", first.File, null, "Give at least 8 rows, or exactly 2 numeric columns.");
            layouts = [];
            foreach (var (name, strategy, align) in new (string, SequenceStrategy, bool?)[] { ("aligned", SequenceStrategy.Joint, null), ("independent", SequenceStrategy.Independent, false) })
            {
                var o = new SequenceOptions
                {
                    Strategy = strategy, Align = align, QualityK = Math.Min(10, (n - 1) / 2),
                    Tsne = new TsneOptions { Perplexity = Math.Min(30, (n - 1) / 3.0), Iterations = iterations, EarlyIterations = Math.Min(250, iterations / 3) },
                };
                var p = AnimatorProjection.Project(name, [.. cps.Select(c => c.Values)], n, d, o, rng.Fork($"projection/{name}"));
                var metrics = new List<LayoutMetric>();
                if (cps.Count > 1) metrics.Add(new LayoutMetric("temporal stability", p.Stability));
                if (!double.IsNaN(p.Trustworthiness)) metrics.Add(new LayoutMetric("trustworthiness", p.Trustworthiness));
                layouts.Add(new PointLayout(name, p.Frames, metrics));
            }
        }
        var columns = new List<LabelColumn>();
        if (first.Labels is { } labels)
        {
            string[] cats = [.. labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            columns.Add(new LabelColumn("label", [.. labels.Select(l => Array.IndexOf(cats, l))], cats));
        }
        return new PointCloudData(first.Ids, frameLabels, layouts, columns)
        {
            Title = $"{n} points across {cps.Count} checkpoints",
            Texts = first.Texts,
            ShowNeighbours = first.Texts is not null,
            FramesPerSecond = 1,
        };
    }
}
