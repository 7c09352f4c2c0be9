using NnViz.Plot;

namespace NnViz.Lab.Experiments.EmbeddingAnimator;

/// <summary>The animator's line and bar figures (separation by epoch, consistency of the layouts, training curves).</summary>
public static class AnimatorFigures
{
    private static string C(int i) => Palettes.ClassColor(Palettes.OkabeIto, i);

    private static double[] Epochs(int count) => [.. Enumerable.Range(1, count).Select(e => (double)e)];

    public static Figure Separation(SeparationByEpoch s, string label, string heading)
    {
        var es = Epochs(s.KnnAccuracy.Length);
        var knn = new Panel([new LineMark(es, s.KnnAccuracy, new LineStyle(C(0), 2), "kNN accuracy")],
            "kNN accuracy (leave one out)", new Axis("epoch"), new Axis("accuracy", AccuracyRange(s.KnnAccuracy)), Legend: LegendPosition.None);
        var sil = new Panel([new LineMark(es, s.Silhouette, new LineStyle(C(1), 2), "silhouette")],
            "silhouette", new Axis("epoch"), new Axis("silhouette"), Legend: LegendPosition.None);
        return new Figure($"Class separation of '{label}' in the representation by epoch{heading}", [knn, sil], 900, 360, 2,
            $"Two line charts over epochs: k-nearest-neighbour accuracy and silhouette of the '{label}' classes, computed in the high-dimensional representation.");
    }

    /// <summary>The axis of an accuracy or a trustworthiness: 0.5 (chance for two classes; a random layout's
    /// trustworthiness) to 1, reaching down to the next 0.1 below the lowest finite value when one is under 0.5 (more
    /// classes, or a layout worse than chance), so every value is on the plot.</summary>
    public static DataRange AccuracyRange(IEnumerable<double> values)
    {
        double low = values.Where(double.IsFinite).DefaultIfEmpty(0.5).Min();
        return new DataRange(Math.Max(0, Math.Min(0.5, Math.Floor(Math.Round(low * 10, 9)) / 10)), 1.0);
    }

    public static Figure Consistency(IReadOnlyList<ProjectedSequence> seqs, string heading)
    {
        double[] xs = [.. Enumerable.Range(0, seqs.Count).Select(i => (double)i)];
        Panel Bars(string title, Func<ProjectedSequence, double> value, double target, DataRange range)
        {
            var marks = new List<Mark>();
            for (int i = 0; i < seqs.Count; i++)
            {
                double v = value(seqs[i]);
                // Each bar is a thick vertical line from the bottom of the range to the value, labelled with the number.
                marks.Add(new LineMark([i, i], [range.Min, v], new LineStyle(C(i), 34), seqs[i].Name));
                marks.Add(new TextMark(i, v, v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), new TextStyle("#222222", 12, TextAnchor.Middle), 0, -8));
            }
            marks.Add(new LineMark([-0.5, seqs.Count - 0.5], [target, target], new LineStyle("#555555", 1.2, [5, 4]), "target"));
            return new Panel(marks, title, new Axis("layout", new DataRange(-0.6, seqs.Count - 0.4)), new Axis("", range), Legend: LegendPosition.BottomRight);
        }
        return new Figure($"Consistency of the animation: aligned vs independent{heading}",
            [Bars("temporal stability", s => s.Stability, 0.6, new DataRange(-0.2, 1.0)), Bars("trustworthiness (mean over epochs)", s => s.Trustworthiness, 0.9, AccuracyRange(seqs.Select(s => s.Trustworthiness)))],
            900, 380, 2, $"Bar charts comparing layouts {string.Join(" and ", seqs.Select(s => s.Name))}: temporal stability and mean trustworthiness, with target lines at 0.6 and 0.9.");
    }

    public static Figure Training(AnimatorRun run, string heading)
    {
        var es = Epochs(run.TrainLoss.Length);
        var loss = new Panel([new LineMark(es, run.TrainLoss, new LineStyle(C(0), 2), "training loss"), new LineMark(es, run.ValLoss, new LineStyle(C(1), 2), "validation loss")],
            "loss (binary cross-entropy)", new Axis("epoch"), new Axis("loss"), Legend: LegendPosition.TopRight);
        var acc = new Panel([new LineMark(es, run.ValAccuracy, new LineStyle(C(2), 2), "validation accuracy")],
            "validation accuracy", new Axis("epoch"), new Axis("accuracy"), Legend: LegendPosition.BottomRight);
        return new Figure($"Training of {run.Member}{heading}", [loss, acc], 900, 340, 2,
            "Two line charts over epochs: training and validation loss, and validation accuracy.");
    }
}
