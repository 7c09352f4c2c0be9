using System.Globalization;
using NnViz.Data;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Experiments.Pipeline;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Plot;

using static NnViz.Lab.Experiments.DecisionBoundary.DecisionBoundaryKind;

namespace NnViz.Lab.Experiments.DecisionBoundary;

/// <summary>The decision-boundary page: animation of every epoch, snapshots side by side, the final boundary, accuracy curve.</summary>
internal static class DecisionBoundaryPage
{
    private static readonly string[] ClassNames = ["upper moon (0)", "lower moon (1)"];
    // The dark ends of RdBu, so a point's colour matches the side of the scale its class is predicted by.
    private static readonly string[] ClassColors = ["#b2182b", "#2166ac"];

    public static ExperimentOutput Build(ExperimentSpec spec, DecisionBoundaryOptions o, RunContext ctx, BoundaryFrames f, Dataset data, ProbabilityGrid grid,
        IReadOnlyDictionary<string, double> metrics)
    {
        var blocks = new List<PageBlock>();
        int epochs = spec.Epochs;
        var snaps = o.Common.SnapshotEpochs(epochs);
        int[] labels = data.Labels!;
        int g = grid.Xs.Length;
        ctx.Artifacts.Npy("data/probability_grid.npy", [.. f.Grid.SelectMany(p => p)], epochs + 1, g, g);
        ctx.Artifacts.Csv("data/grid_axes.csv", ["index", "x1", "x2"], Enumerable.Range(0, g).Select(i => (IReadOnlyList<object>)[i, grid.Xs[i], grid.Ys[i]]));
        ctx.Artifacts.Csv("data/points.csv", ["x1", "x2", "label", "p_final"],
            Enumerable.Range(0, data.Rows).Select(i => (IReadOnlyList<object>)[data.X[2 * i], data.X[2 * i + 1], labels[i], f.Predicted[epochs][i]]));
        string? thumb = null;
        if (spec.Wants("boundary_animation"))
        {
            var frames = Enumerable.Range(1, epochs).Select(e => new AnimationFrame($"epoch {e}",
                new Figure($"{spec.Title}: epoch {e} of {epochs}", [Panel(f, e, data, grid, o, legend: true)], 560, 500, 1,
                    $"Predicted probability of the lower moon after epoch {e}, with the training points."))).ToList();
            blocks.Add(Publish.Animation(ctx, "boundary", new Animation("The decision boundary, every epoch", frames, o.Common.FramesPerSecond),
                "Filled contours of P(lower moon | x) every 0.1 (red: upper moon, blue: lower moon, white: undecided), the 0.5 boundary in black, crosses on misclassified points.",
                o.Common.Video, ("probability grid per epoch (NPY, epochs+1 x grid x grid)", "data/probability_grid.npy")));
        }
        if (spec.Wants("snapshots"))
        {
            var panels = snaps.Select((e, i) => Panel(f, e, data, grid, o, legend: i == 0)).ToList();
            var block = Publish.Figure(ctx, "snapshots", new Figure($"Decision boundary at epochs {string.Join(", ", snaps)}", panels, 420 * panels.Count, 420, panels.Count,
                $"Filled contours of the predicted probability at epochs {string.Join(", ", snaps)}; the 0.5 boundary is black, misclassified points are crossed."),
                $"Epochs {string.Join(", ", snaps)} side by side. Accuracy on all {data.Rows} training points: " +
                string.Join(", ", snaps.Select(e => $"epoch {e}: {Pct(f.Accuracy[e])} ({Errors(f.Predicted[e], labels)} wrong)")) + ".",
                "data/probability_grid.npy", "data/points.csv");
            thumb = block.Path;
            blocks.Add(block);
        }
        if (spec.Wants("final_boundary"))
            blocks.Add(Publish.Figure(ctx, "final_boundary", new Figure($"Decision boundary after {epochs} epochs", [Panel(f, epochs, data, grid, o, legend: true)], 620, 560, 1,
                "The trained classifier's probability map with its 0.5 boundary and the training points."),
                $"After the last epoch: {Pct(f.Accuracy[epochs])} of the training points are on the right side.", "data/points.csv"));
        if (spec.Wants("accuracy_curve"))
        {
            double[] es = [.. Enumerable.Range(0, epochs + 1).Select(e => (double)e)];
            blocks.Add(Publish.Figure(ctx, "accuracy_curve", Figure.Single("Training accuracy by epoch",
                new Panel([new LineMark(es, f.Accuracy, new LineStyle("#0072b2", 2), "training accuracy")], "", new Axis("epoch"), new Axis("accuracy", new DataRange(0.4, 1.0)),
                    Legend: LegendPosition.BottomRight), 640, 360, "Accuracy on all training points after each epoch (epoch 0 = initial weights)."),
                "Accuracy on every training point (threshold 0.5)."));
        }
        blocks.Add(new TableBlock("Accuracy at the snapshot epochs", ["epoch", "training accuracy", "misclassified points", "loss"],
            snaps.Select(e => (IReadOnlyList<string>)[e.ToString(CultureInfo.InvariantCulture), Format.Num(f.Accuracy[e]),
                Errors(f.Predicted[e], labels).ToString(CultureInfo.InvariantCulture), Format.Num(f.Loss[e])]).ToList()));
        return new ExperimentOutput(blocks, metrics, $"synthetic, as in the write-up: two moons (n {data.Rows}, noise {Format.Num(spec.DataAs<MoonsData>().Noise)})", false, thumb, WriteUpSynthetic: true);
    }

    internal static int Errors(float[] p, int[] labels) => Accuracy.Misclassified(p, labels).Length;

    private static string Pct(double a) => (a * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static Panel Panel(BoundaryFrames f, int epoch, Dataset data, ProbabilityGrid grid, DecisionBoundaryOptions o, bool legend)
    {
        double[] values = [.. f.Grid[epoch].Select(v => (double)v)];
        var contour = new FilledContourMark(grid.Xs, grid.Ys, values, FilledContourMark.EvenLevels(0, 1, o.LevelStep), ColorMap.RdBu)
        {
            Opacity = 0.75,
            Boundary = new LineStyle("#111111", 2.2),
            Bar = legend ? new ColorBar("P(lower moon | x)", "← upper moon", "lower moon →") : null,
        };
        int n = data.Rows;
        double[] xs = [.. Enumerable.Range(0, n).Select(i => (double)data.X[2 * i])];
        double[] ys = [.. Enumerable.Range(0, n).Select(i => (double)data.X[2 * i + 1])];
        var p = f.Predicted[epoch];
        int[] wrong = Accuracy.Misclassified(p, data.Labels!);
        var points = new ScatterMark(xs, ys, new PointStyle(Radius: 2.6, Opacity: 0.95, Palette: ClassColors, StrokeColor: "#ffffff", StrokeWidth: 0.6))
        { Classes = data.Labels, ClassNames = ClassNames };
        var crosses = new ScatterMark([.. wrong.Select(i => xs[i])], [.. wrong.Select(i => ys[i])],
            new PointStyle("#000000", Radius: 3.6, Shape: MarkerShape.Cross), $"misclassified ({wrong.Length})");
        return new Panel([contour, points, crosses],
            $"epoch {epoch} · accuracy {f.Accuracy[epoch].ToString("0.000", CultureInfo.InvariantCulture)}",
            new Axis("x1", new DataRange(grid.Xs[0], grid.Xs[^1])), new Axis("x2", new DataRange(grid.Ys[0], grid.Ys[^1])),
            Legend: legend ? LegendPosition.TopRight : LegendPosition.None);
    }
}
