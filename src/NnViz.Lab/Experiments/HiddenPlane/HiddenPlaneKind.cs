using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Training;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Experiments.Pipeline;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.HiddenPlane;

/// <summary>The hidden-plane options: the common ones, the warped input grid, and how many ring points are drawn.</summary>
public sealed record HiddenPlaneOptions(CommonSettings Common, int GridLines, int GridPoints, IReadOnlyList<double> GridRange, int ShownPoints)
{
    public static HiddenPlaneOptions Bind(Section o) =>
        new(CommonSettings.Bind(o), o.Int("grid_lines"), o.Int("grid_points"), o.Doubles("grid_range"), o.Int("shown_points"));
}

/// <summary>The two-rings data: points per ring, noise sd, and the radii of the label-1 (outer) and label-0 (inner) rings.</summary>
public sealed record RingsData(int PointsPerRing, double Noise, double OuterRadius, double InnerRadius)
{
    public static RingsData Bind(Section d) => new(d.Int("points_per_ring"), d.Double("noise"), d.Double("outer_radius"), d.Double("inner_radius"));
}

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
    public IReadOnlyList<string> ProbeIds { get; } = ["hidden_plane", "warped_grid", "decision_line", "accuracy", WeightTrace.ProbeName];

    public IReadOnlyList<MetricInfo> Metrics { get; } =
    [
        new("final_accuracy", "accuracy on all ring points after the last epoch", MetricScope.PerMember),
        new("best_accuracy", "the highest accuracy of any epoch (0 included)", MetricScope.PerMember),
        new("final_loss", "mean training loss of the last epoch", MetricScope.PerMember),
        new("first_epoch_loss", "mean training loss of epoch 1 (with final_loss: did training lower the loss?)", MetricScope.PerMember),
    ];

    public object BindData(string dataKind, Section data) => RingsData.Bind(data);
    public object BindOptions(Section options) => HiddenPlaneOptions.Bind(options);

    public void Validate(ExperimentSpec spec, ICollection<SpecError> errors)
    {
        ModelFactory.ValidateDense(spec, 1, errors, spec.Loss == "binary_crossentropy" ? "sigmoid" : null);
        foreach (var m in spec.Members.Where(m => m.Layers.Count >= 2 && m.Layers.All(l => l.Kind == "dense")))
        {
            var plane = m.Layers[^2];
            if (plane.Units != 2)
                errors.Add(m.Error(plane, "units",
                    $"shape mismatch: the hidden plane is the layer before the output and must have 2 units, received {plane.Units}"));
            if (m.Layers[^1].Units != 1 || m.Layers[^1].Activation != "sigmoid")
                errors.Add(m.Error(m.Layers[^1], null,
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
        var o = spec.OptionsAs<HiddenPlaneOptions>();
        var root = new Rng(spec.Seed);
        var d = spec.DataAs<RingsData>();
        var data = Synthetic.Rings(root.Fork("data/train"), d.PointsPerRing, d.Noise, d.OuterRadius, d.InnerRadius);
        int[] shown = Sampling.Stratified(data.Labels!, o.ShownPoints, root.Fork("data/shown"));
        var grid = WarpedGridInput.Build(o.GridLines, o.GridPoints, o.GridRange);
        var members = spec.Members.Select((m, i) => ctx.Part($"member-{m.Name}", () => Train(spec, m, data, shown, grid, root,
            f => ctx.Report($"training {m.Name}", (i + f) / spec.Members.Count * 0.8)))).ToList();
        ctx.Report("rendering", 0.85);
        return HiddenPlanePage.Build(spec, o, ctx, members, data, shown, grid, Measure(members, spec.Epochs));
    }

    private static Dictionary<string, double> Measure(IReadOnlyList<PlaneFrames> members, int epochs)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var m in members)
        {
            metrics[Format.Key("final_accuracy", m.Name)] = m.Accuracy[epochs];
            metrics[Format.Key("best_accuracy", m.Name)] = m.Accuracy.Max();
            metrics[Format.Key("final_loss", m.Name)] = m.Loss[epochs];
            metrics[Format.Key("first_epoch_loss", m.Name)] = m.Loss[1];
        }
        return metrics;
    }

    private static PlaneFrames Train(ExperimentSpec spec, ModelMember member, Dataset data, int[] shown, WarpedGridInput grid, Rng root, Action<double> progress)
    {
        var model = ModelFactory.Build(spec, member, 2, root);
        string plane = PlaneLayer(spec, member), output = member.Layers[^1].Name;
        float[] shownX = Sampling.Rows(data.X, shown, 2);
        bool recordGrid = spec.Recording.WantsOrDefault("warped_grid");
        List<Probe> probes =
        [
            Probe.Array("hidden_plane", c => { c.Model.Predict(shownX, shown.Length, [plane], out var cap); return cap[plane]; }),
            // The output unit's weights: a*h1 + b*h2 + c = logit(0.5) = 0 is the decision line in the plane.
            Probe.Array("decision_line", c => [.. c.Model.Parameter($"{output}/kernel").Take(2), c.Model.Parameter($"{output}/bias")[0]]),
            Probe.Scalar("accuracy", c => Accuracy.Binary(c.Model.Predict(data.X, data.Rows), data.Y)),
        ];
        if (recordGrid) probes.Add(Probe.Array("warped_grid", c => { c.Model.Predict(grid.Points, grid.Count, [plane], out var cap); return cap[plane]; }));
        if (spec.Recording.Probes.Contains(WeightTrace.ProbeName)) probes.Add(WeightTrace.Probe());
        var log = EpochRecorder.Run(model, new TrainingSet(data.X, data.Y, data.Rows), spec.Train, ModelFactory.Shuffle(spec, root, $"shuffle/{member.Name}"), probes, progress);
        double[][] line = [.. log.Array("decision_line").Select(l => l.Select(v => (double)v).ToArray())];
        return new PlaneFrames(member.Name, log.Array("hidden_plane"), recordGrid ? log.Array("warped_grid") : null, line, log.Number("accuracy"), log.Loss,
            WeightTrace.From(log, model));
    }

    /// <summary>The recorded plane: record.layer when given, else the layer right before the output.</summary>
    private static string PlaneLayer(ExperimentSpec spec, ModelMember member) => spec.Recording.Layer ?? member.Layers[^2].Name;
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
