using System.Globalization;
using NnViz.Data;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Plot;

using static NnViz.Lab.Experiments.HiddenPlane.HiddenPlaneKind;

namespace NnViz.Lab.Experiments.HiddenPlane;

/// <summary>The hidden-plane page: the plane animation (all architectures), final planes, epoch snapshots, accuracy curves.</summary>
internal static class HiddenPlanePage
{
    private static readonly string[] ClassNames = ["inner ring (0)", "outer ring (1)"];
    private static readonly DataRange Plane = new(-1.05, 1.05);

    public static ExperimentOutput Build(ExperimentSpec spec, HiddenPlaneOptions o, RunContext ctx, IReadOnlyList<PlaneFrames> members, Dataset data, int[] shown,
        WarpedGridInput grid, IReadOnlyDictionary<string, double> metrics)
    {
        var blocks = new List<PageBlock>();
        int epochs = spec.Epochs;
        int[] labels = [.. shown.Select(i => data.Labels![i])];
        foreach (var m in members)
        {
            m.Weights?.Write(ctx.Artifacts, m.Name);
            ctx.Artifacts.Npy($"data/plane_points_{m.Name}.npy", [.. m.Points.SelectMany(p => p)], epochs + 1, shown.Length, 2);
            ctx.Artifacts.Csv($"data/final_plane_{m.Name}.csv", ["h1", "h2", "label"],
                Enumerable.Range(0, shown.Length).Select(i => (IReadOnlyList<object>)[m.Points[epochs][2 * i], m.Points[epochs][2 * i + 1], labels[i]]));
        }
        string? thumb = null;
        if (spec.Wants("plane_animation"))
        {
            var frames = Enumerable.Range(0, epochs + 1).Select(e => new AnimationFrame($"epoch {e}",
                Planes(members.Select(m => (m, e)).ToList(), labels, grid, $"{spec.Title}: epoch {e} of {epochs}", members.Count <= 4 ? members.Count : 3))).ToList();
            blocks.Add(Publish.Animation(ctx, "plane", new Animation("The hidden plane of each architecture, every epoch", frames, o.Common.FramesPerSecond),
                "Each panel is the 2-unit layer before the output: ring points, the input grid warped by the network (grey), and the decision line (black).",
                o.Common.Video, ("plane points per epoch (NPY)", $"data/plane_points_{members[0].Name}.npy")));
        }
        if (spec.Wants("final_planes"))
        {
            var block = Publish.Figure(ctx, "final_planes", Planes(members.Select(m => (m, epochs)).ToList(), labels, grid,
                $"Hidden planes after {epochs} epochs", members.Count <= 4 ? members.Count : 3),
                "Where the rings end up; a straight decision line can only separate them if the network has pulled them apart.",
                $"data/final_plane_{members[0].Name}.csv");
            thumb = block.Path;
            blocks.Add(block);
        }
        if (spec.Wants("snapshots"))
        {
            var snaps = o.Common.SnapshotEpochs(epochs);
            var cells = members.SelectMany(m => snaps.Select(e => (m, e))).ToList();
            blocks.Add(Publish.Figure(ctx, "snapshots", Planes(cells, labels, grid, "Epoch snapshots (rows: architectures)", snaps.Count),
                $"Each row is one architecture at epochs {string.Join(", ", snaps)}."));
        }
        if (spec.Wants("accuracy_curves"))
        {
            double[] es = [.. Enumerable.Range(0, epochs + 1).Select(e => (double)e)];
            var marks = members.Select((m, i) => (Mark)new LineMark(es, m.Accuracy, new LineStyle(Palettes.ClassColor(Palettes.OkabeIto, i), 2), m.Name)).ToList();
            blocks.Add(Publish.Figure(ctx, "accuracy_curves", Figure.Single("Training accuracy by epoch",
                new Panel(marks, "", new Axis("epoch"), new Axis("accuracy", new DataRange(0.4, 1.0)), Legend: LegendPosition.BottomRight), 720, 400,
                "Accuracy on all ring points after every epoch, one line per architecture."), "Accuracy on every training point (threshold 0.5)."));
        }
        blocks.Add(new TableBlock("Final accuracy", ["architecture", "accuracy", "best accuracy (any epoch)", "final loss"],
            members.Select(m => (IReadOnlyList<string>)[m.Name, Format.Num(m.Accuracy[epochs]), Format.Num(m.Accuracy.Max()), Format.Num(m.Loss[epochs])]).ToList()));
        return new ExperimentOutput(blocks, metrics, "synthetic, as in the write-up: rings", false, thumb, WriteUpSynthetic: true);
    }

    private static Figure Planes(IReadOnlyList<(PlaneFrames M, int Epoch)> cells, int[] labels, WarpedGridInput grid, string title, int columns)
    {
        var panels = cells.Select((c, i) => Panel(c.M, c.Epoch, labels, grid, legend: i == 0)).ToList();
        int rows = (panels.Count + columns - 1) / columns;
        return new Figure(title, panels, 280 * columns, 290 * rows + 40, columns,
            $"{title}. Each panel shows the 2-unit hidden layer: inner-ring points in one colour, outer-ring points in another, the warped input grid in grey and the output layer's decision line in black.");
    }

    private static Panel Panel(PlaneFrames m, int epoch, int[] labels, WarpedGridInput grid, bool legend)
    {
        var g = m.Grid?[epoch];
        int lines = g is null ? 0 : grid.Lines;
        var xs = new double[lines][];
        var ys = new double[lines][];
        for (int l = 0; l < lines; l++)
        {
            xs[l] = new double[grid.PointsPerLine];
            ys[l] = new double[grid.PointsPerLine];
            for (int p = 0; p < grid.PointsPerLine; p++)
            {
                int k = 2 * (l * grid.PointsPerLine + p);
                xs[l][p] = g![k];
                ys[l][p] = g[k + 1];
            }
        }
        var pts = m.Points[epoch];
        double[] px = [.. Enumerable.Range(0, labels.Length).Select(i => (double)pts[2 * i])];
        double[] py = [.. Enumerable.Range(0, labels.Length).Select(i => (double)pts[2 * i + 1])];
        var line = m.Line[epoch];
        return new Panel(
            [
                new PolylineSetMark(xs, ys, new LineStyle("#9a9a9a", 0.6, Opacity: 0.8), "warped grid"),
                ScatterMark.ByClass(px, py, labels, ClassNames, radius: 2.2, opacity: 0.8),
                new LineEquationMark(line[0], line[1], line[2], new LineStyle("#000000", 2), "decision line"),
            ],
            $"{m.Name}, epoch {epoch} (acc {m.Accuracy[epoch].ToString("0.000", CultureInfo.InvariantCulture)})",
            new Axis("h1", Plane), new Axis("h2", Plane), EqualAspect: true, Legend: legend ? LegendPosition.BottomLeft : LegendPosition.None);
    }
}
