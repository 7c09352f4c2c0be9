using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Engine.Training;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments;

/// <summary>
/// A2 (seed 003): a classifier whose last hidden layer has 2 units, so its whole representation is a plane.
/// Every epoch records where both rings land in that plane, how a grid over the input square is warped into it,
/// and the output layer's decision line a*h1 + b*h2 + c = logit(0.5) = 0.
/// </summary>
public sealed class HiddenPlaneKind : IExperimentKind
{
    public string Kind => "hidden-plane";
    public string Summary => "2-D classification seen in the network's own 2-unit hidden plane: data, warped grid and decision line per epoch";

    public IReadOnlyDictionary<string, Schema> DataSchemas { get; } = new Dictionary<string, Schema>
    {
        ["rings"] = new("rings data",
            new Field("kind", FieldType.String, "data kind"),
            new Field("points_per_ring", FieldType.Int, "points on each ring") { Required = true, Rule = Rules.AtLeast(2) },
            new Field("noise", FieldType.Double, "gaussian noise sd of each coordinate") { Default = 0.005, Rule = Rules.NonNegative() },
            new Field("outer_radius", FieldType.Double, "radius of the label-1 ring") { Default = 1.0, Rule = Rules.Positive() },
            new Field("inner_radius", FieldType.Double, "radius of the label-0 ring") { Default = 0.5, Rule = Rules.Positive() }),
    };

    public Schema OptionsSchema { get; } = CommonOptions.With(
        new Field("grid_lines", FieldType.Int, "lines per direction of the warped grid") { Default = 21L, Rule = Rules.AtLeast(2) },
        new Field("grid_points", FieldType.Int, "points per grid line") { Default = 100L, Rule = Rules.AtLeast(2) },
        new Field("grid_range", FieldType.DoubleList, "the input square the grid covers") { Default = new List<double> { -1, 1 }, Rule = Rules.Interval() },
        new Field("shown_points", FieldType.Int, "ring points drawn per frame (a stratified sample; accuracy uses all)") { Default = 600L, Rule = Rules.AtLeast(2) });

    public IReadOnlyList<string> FigureIds { get; } = ["plane_animation", "final_planes", "snapshots", "accuracy_curves"];
    public IReadOnlyList<string> ProbeIds { get; } = ["hidden_plane", "warped_grid", "decision_line", "accuracy", "weights"];

    public void Validate(ExperimentSpec spec, ICollection<SpecError> errors)
    {
        ModelFactory.ValidateDense(spec, 1, errors, spec.Loss == "binary_crossentropy" ? "sigmoid" : null);
        foreach (var m in spec.Members.Where(m => m.Layers.Count >= 2 && m.Layers.All(l => l.Kind == "dense")))
        {
            var plane = m.Layers[^2];
            if (plane.Units != 2)
                errors.Add(new SpecError(plane.Where.File, plane.Where.Line, plane.Where.Column, $"{plane.Path}.units",
                    $"shape mismatch: the hidden plane is the layer before the output and must have 2 units, received {plane.Units}"));
            if (m.Layers[^1].Units != 1 || m.Layers[^1].Activation != "sigmoid")
                errors.Add(new SpecError(m.Layers[^1].Where.File, m.Layers[^1].Where.Line, m.Layers[^1].Where.Column, $"{m.Layers[^1].Path}",
                    "the output must be dense with 1 unit and sigmoid activation (its weights give the decision line)"));
        }
        if (spec.Record.StringOrNull("layer") is { } layer)
            foreach (var m in spec.Members.Where(m => m.Layers.Count >= 2 && m.Layers[^2].Name != layer))
            {
                var at = spec.Record.Where("layer");
                errors.Add(new SpecError(at.File, at.Line, at.Column, "record.layer",
                    $"'{layer}' must name the 2-unit layer right before the output in every member; in '{m.Name}' that layer is '{m.Layers[^2].Name}'"));
            }
        foreach (var m in spec.Members.Where(m => m.Layers.Count < 2))
            errors.Add(new SpecError(m.Where.File, m.Where.Line, m.Where.Column, "model", $"member '{m.Name}' needs a 2-unit hidden layer before the output"));
    }

    /// <summary>Per epoch (index 0 = before training): shown points and grid in the plane, the decision line, accuracy and loss.</summary>
    public sealed record PlaneFrames(string Name, float[][] Points, float[][]? Grid, double[][] Line, double[] Accuracy, double[] Loss, WeightTrace? Weights);

    public ExperimentOutput Run(ExperimentSpec spec, RunContext ctx)
    {
        var root = new Rng(spec.Seed);
        var d = spec.Data;
        var data = Synthetic.Rings(root.Fork("data/train"), d.Int("points_per_ring"), d.Double("noise"), d.Double("outer_radius"), d.Double("inner_radius"));
        int[] shown = Sampling.Stratified(data.Labels!, spec.Options.Int("shown_points"), root.Fork("data/shown"));
        var grid = WarpedGridInput.Build(spec.Options.Int("grid_lines"), spec.Options.Int("grid_points"), spec.Options.Doubles("grid_range"));
        var members = spec.Members.Select((m, i) => ctx.Part($"member-{m.Name}", () => Train(spec, m, data, shown, grid, root,
            f => ctx.Report($"training {m.Name}", (i + f) / spec.Members.Count * 0.8)))).ToList();
        ctx.Report("rendering", 0.85);
        return HiddenPlaneReport.Build(spec, ctx, members, data, shown, grid);
    }

    private static PlaneFrames Train(ExperimentSpec spec, ModelMember member, Dataset data, int[] shown, WarpedGridInput grid, Rng root, Action<double> progress)
    {
        var model = ModelFactory.Build(member, 2, root);
        var loss = ModelFactory.Loss(spec);
        var opt = ModelFactory.Optimizer(spec, model.Parameters);
        var shuffle = spec.Training.Bool("shuffle") ? root.Fork($"shuffle/{member.Name}") : null;
        string planeLayer = PlaneLayer(spec, member);
        var probes = spec.Record.Strings("probes");
        bool recordGrid = probes.Count == 0 || probes.Contains("warped_grid");
        var weights = probes.Contains("weights") ? WeightTrace.For(model.Parameters) : null;
        var output = (Dense)model.Layers[^1];
        float[] shownX = Sampling.Rows(data.X, shown, 2);
        int epochs = spec.Epochs;
        var points = new float[epochs + 1][];
        var gridOut = recordGrid ? new float[epochs + 1][] : null;
        var line = new double[epochs + 1][];
        var acc = new double[epochs + 1];
        var lossByEpoch = new double[epochs + 1];
        void Probe(int e)
        {
            model.Predict(shownX, shown.Length, [planeLayer], out var cap);
            points[e] = cap[planeLayer];
            weights?.Record(model.Parameters);
            if (gridOut is not null)
            {
                model.Predict(grid.Points, grid.Count, [planeLayer], out var gcap);
                gridOut[e] = gcap[planeLayer];
            }
            line[e] = [output.Kernel.Value[0], output.Kernel.Value[1], output.Bias.Value[0]];
            var p = model.Predict(data.X, data.Rows);
            int right = 0;
            for (int i = 0; i < data.Rows; i++) right += (p[i] >= 0.5f) == (data.Y[i] >= 0.5f) ? 1 : 0;
            acc[e] = (double)right / data.Rows;
        }
        Probe(0);
        lossByEpoch[0] = double.NaN;
        for (int e = 1; e <= epochs; e++)
        {
            lossByEpoch[e] = Trainer.TrainEpoch(model, loss, opt, data.X, data.Y, data.Rows, spec.BatchSize, shuffle, null, ModelFactory.TrainOptions(spec)).Loss;
            Probe(e);
            progress((double)e / epochs);
        }
        return new PlaneFrames(member.Name, points, gridOut, line, acc, lossByEpoch, weights);
    }

    /// <summary>The recorded plane: record.layer when given, else the layer right before the output.</summary>
    private static string PlaneLayer(ExperimentSpec spec, ModelMember member) =>
        spec.Record.StringOrNull("layer") ?? member.Layers[^2].Name;
}

/// <summary>Lines of the grid over the input square: first all horizontal lines, then all vertical ones.</summary>
public sealed record WarpedGridInput(float[] Points, int Lines, int PointsPerLine)
{
    public int Count => Points.Length / 2;

    public static WarpedGridInput Build(int lines, int pointsPerLine, IReadOnlyList<double> range)
    {
        double lo = range[0], hi = range[1];
        var pts = new float[2 * lines * pointsPerLine * 2];
        int k = 0;
        for (int dir = 0; dir < 2; dir++)
            for (int l = 0; l < lines; l++)
            {
                double fixedCoord = lo + (hi - lo) * l / (lines - 1);
                for (int p = 0; p < pointsPerLine; p++)
                {
                    double t = lo + (hi - lo) * p / (pointsPerLine - 1);
                    pts[k++] = (float)(dir == 0 ? t : fixedCoord);
                    pts[k++] = (float)(dir == 0 ? fixedCoord : t);
                }
            }
        return new WarpedGridInput(pts, 2 * lines, pointsPerLine);
    }
}
