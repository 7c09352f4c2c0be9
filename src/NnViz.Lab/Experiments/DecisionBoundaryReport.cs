using System.Globalization;
using NnViz.Data;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Plot;
using static NnViz.Lab.Experiments.DecisionBoundaryKind;

namespace NnViz.Lab.Experiments;

/// <summary>The decision-boundary page: animation of every epoch, snapshots side by side, the final boundary, accuracy curve.</summary>
internal static class DecisionBoundaryReport
{
    private static readonly string[] ClassNames = ["upper moon (0)", "lower moon (1)"];
    // The dark ends of RdBu, so a point's colour matches the side of the scale its class is predicted by.
    private static readonly string[] ClassColors = ["#b2182b", "#2166ac"];

    public static ExperimentOutput Build(ExperimentSpec spec, RunContext ctx, BoundaryFrames f, Dataset data, ProbabilityGrid grid)
    {
        var blocks = new List<PageBlock>();
        int epochs = spec.Epochs;
        var snaps = Publish.SnapshotEpochs(spec);
        int[] labels = data.Labels!;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["initial_accuracy"] = f.Accuracy[0],
            ["final_accuracy"] = f.Accuracy[epochs],
            ["final_loss"] = f.Loss[epochs],
            ["accuracy_at_first_snapshot"] = f.Accuracy[snaps[0]],
            ["errors_at_middle_snapshot"] = Errors(f.Predicted[snaps[snaps.Count / 2]], labels),
            ["accuracy_at_middle_snapshot"] = f.Accuracy[snaps[snaps.Count / 2]],
            ["accuracy_at_last_snapshot"] = f.Accuracy[snaps[^1]],
            ["majority_share"] = Math.Max(labels.Count(l => l == 1), labels.Count(l => l == 0)) / (double)labels.Length,
        };
        int g = grid.Xs.Length;
        ctx.Artifacts.Npy("data/probability_grid.npy", [.. f.Grid.SelectMany(p => p)], epochs + 1, g, g);
        ctx.Artifacts.Csv("data/grid_axes.csv", ["index", "x1", "x2"], Enumerable.Range(0, g).Select(i => (IReadOnlyList<object>)[i, grid.Xs[i], grid.Ys[i]]));
        ctx.Artifacts.Csv("data/points.csv", ["x1", "x2", "label", "p_final"],
            Enumerable.Range(0, data.Rows).Select(i => (IReadOnlyList<object>)[data.X[2 * i], data.X[2 * i + 1], labels[i], f.Predicted[epochs][i]]));
        string? thumb = null;
        if (spec.Wants("boundary_animation"))
        {
            var frames = Enumerable.Range(1, epochs).Select(e => new AnimationFrame($"epoch {e}",
                new Figure($"{spec.Title}: epoch {e} of {epochs}", [Panel(f, e, data, grid, spec, legend: true)], 560, 500, 1,
                    $"Predicted probability of the lower moon after epoch {e}, with the training points."))).ToList();
            blocks.Add(Publish.Animation(ctx, "boundary", new Animation("The decision boundary, every epoch", frames, spec.Options.Double("frames_per_second")),
                "Filled contours of P(lower moon | x) every 0.1 (red: upper moon, blue: lower moon, white: undecided), the 0.5 boundary in black, crosses on misclassified points.",
                spec.Options.Bool("video"), ("probability grid per epoch (NPY, epochs+1 x grid x grid)", "data/probability_grid.npy")));
        }
        if (spec.Wants("snapshots"))
        {
            var panels = snaps.Select((e, i) => Panel(f, e, data, grid, spec, legend: i == 0)).ToList();
            var block = Publish.Figure(ctx, "snapshots", new Figure($"Decision boundary at epochs {string.Join(", ", snaps)}", panels, 420 * panels.Count, 420, panels.Count,
                $"Filled contours of the predicted probability at epochs {string.Join(", ", snaps)}; the 0.5 boundary is black, misclassified points are crossed."),
                $"Epochs {string.Join(", ", snaps)} side by side. Accuracy on all {data.Rows} training points: " +
                string.Join(", ", snaps.Select(e => $"epoch {e}: {Pct(f.Accuracy[e])} ({Errors(f.Predicted[e], labels)} wrong)")) + ".",
                "data/probability_grid.npy", "data/points.csv");
            thumb = block.Path;
            blocks.Add(block);
        }
        if (spec.Wants("final_boundary"))
            blocks.Add(Publish.Figure(ctx, "final_boundary", new Figure($"Decision boundary after {epochs} epochs", [Panel(f, epochs, data, grid, spec, legend: true)], 620, 560, 1,
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
            snaps.Select(e => (IReadOnlyList<string>)[e.ToString(CultureInfo.InvariantCulture), ClaimChecks.Num(f.Accuracy[e]),
                Errors(f.Predicted[e], labels).ToString(CultureInfo.InvariantCulture), ClaimChecks.Num(f.Loss[e])]).ToList()));
        return new ExperimentOutput(blocks, metrics, $"synthetic, as in the write-up: two moons (n {data.Rows}, noise {ClaimChecks.Num(spec.Data.Double("noise"))})", false, thumb, WriteUpSynthetic: true);
    }

    internal static int Errors(float[] p, int[] labels) => Enumerable.Range(0, labels.Length).Count(i => (p[i] >= 0.5f ? 1 : 0) != labels[i]);

    private static string Pct(double a) => (a * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static Panel Panel(BoundaryFrames f, int epoch, Dataset data, ProbabilityGrid grid, ExperimentSpec spec, bool legend)
    {
        double[] values = [.. f.Grid[epoch].Select(v => (double)v)];
        var contour = new FilledContourMark(grid.Xs, grid.Ys, values, FilledContourMark.EvenLevels(0, 1, spec.Options.Double("level_step")), ColorMap.RdBu)
        {
            Opacity = 0.75,
            Boundary = new LineStyle("#111111", 2.2),
            Bar = legend ? new ColorBar("P(lower moon | x)", "← upper moon", "lower moon →", LegendPosition.BottomLeft) : null,
        };
        int n = data.Rows;
        double[] xs = [.. Enumerable.Range(0, n).Select(i => (double)data.X[2 * i])];
        double[] ys = [.. Enumerable.Range(0, n).Select(i => (double)data.X[2 * i + 1])];
        var p = f.Predicted[epoch];
        int[] wrong = [.. Enumerable.Range(0, n).Where(i => (p[i] >= 0.5f ? 1 : 0) != data.Labels![i])];
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
