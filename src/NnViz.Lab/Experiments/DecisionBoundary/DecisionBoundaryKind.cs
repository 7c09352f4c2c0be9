using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Training;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Experiments.Pipeline;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.DecisionBoundary;

/// <summary>The decision-boundary options: the common ones, the probability grid and its contour levels.</summary>
public sealed record DecisionBoundaryOptions(CommonSettings Common, int Grid, double Padding, double LevelStep)
{
    public static DecisionBoundaryOptions Bind(Section o) => new(CommonSettings.Bind(o), o.Int("grid"), o.Double("padding"), o.Double("level_step"));
}

/// <summary>The two-moons data: points in both moons together and the noise sd.</summary>
public sealed record MoonsData(int N, double Noise)
{
    public static MoonsData Bind(Section d) => new(d.Int("n"), d.Double("noise"));
}

/// <summary>
/// B1 (seed 002): a binary classifier on two moons; after every epoch its predicted probability P(class 1 | x) on a
/// regular grid over the data's bounds and its prediction for every training point, so the page can draw the
/// decision boundary (the 0.5 iso-line) as it forms.
/// </summary>
public sealed class DecisionBoundaryKind : IExperimentKind
{
    public string Kind => "decision-boundary";
    public string Summary => "2-D binary classifier: predicted probability on a grid, filled contours and the 0.5 boundary per epoch";

    public IReadOnlyDictionary<string, Schema> DataSchemas { get; } = new Dictionary<string, Schema>
    {
        ["moons"] = new("moons data",
            new Field("kind", FieldType.String, "data kind"),
            new Field("n", FieldType.Int, "points in both moons together (as scikit-learn's make_moons)") { Required = true, Rule = Rules.AtLeast(4) },
            new Field("noise", FieldType.Double, "gaussian noise sd of each coordinate") { Default = 0.2, Rule = Rules.NonNegative() }),
    };

    public Schema OptionsSchema { get; } = CommonOptions.With(
        new Field("grid", FieldType.Int, "grid points per side of the probability grid") { Default = 70L, Rule = Rules.AtLeast(2) },
        new Field("padding", FieldType.Double, "margin added around the data's bounds, as a fraction of their span") { Default = 0.05, Rule = Rules.NonNegative() },
        new Field("level_step", FieldType.Double, "spacing of the contour levels of the probability") { Default = 0.1, Rule = Rules.Range(0.01, 0.5, hiInclusive: true) });

    public IReadOnlyList<string> FigureIds { get; } = ["boundary_animation", "snapshots", "final_boundary", "accuracy_curve"];
    public IReadOnlyList<string> ProbeIds { get; } = ["probability_grid", "predictions", "accuracy"];

    public IReadOnlyList<MetricInfo> Metrics { get; } =
    [
        new("initial_accuracy", "training accuracy of the untrained model (epoch 0)"),
        new("final_accuracy", "training accuracy after the last epoch"),
        new("final_loss", "mean training loss of the last epoch"),
        new("accuracy_at_first_snapshot", "training accuracy at the first snapshot epoch"),
        new("errors_at_middle_snapshot", "misclassified training points at the middle snapshot epoch"),
        new("accuracy_at_middle_snapshot", "training accuracy at the middle snapshot epoch"),
        new("accuracy_at_last_snapshot", "training accuracy at the last snapshot epoch"),
        new("majority_share", "share of the larger class (the accuracy of always guessing it)"),
    ];

    public object BindData(string dataKind, Section data) => MoonsData.Bind(data);
    public object BindOptions(Section options) => DecisionBoundaryOptions.Bind(options);

    public void Validate(ExperimentSpec spec, ICollection<SpecError> errors)
    {
        ModelFactory.ValidateDense(spec, 1, errors, spec.Loss == "binary_crossentropy" ? "sigmoid" : null);
        if (spec.Members.Count != 1)
            errors.Add(new SpecError(spec.Members[^1].Where.File, spec.Members[^1].Where.Line, spec.Members[^1].Where.Column, "model",
                $"kind 'decision-boundary' trains one model; received a family of {spec.Members.Count}"));
    }

    /// <summary>The grid the probability is sampled on: Xs and Ys ascending, values row-major (y rows).</summary>
    public sealed record ProbabilityGrid(double[] Xs, double[] Ys)
    {
        public float[] Points()
        {
            var p = new float[Xs.Length * Ys.Length * 2];
            int k = 0;
            foreach (double y in Ys) foreach (double x in Xs) { p[k++] = (float)x; p[k++] = (float)y; }
            return p;
        }

        /// <summary>A square-celled grid over the bounds of the 2-column data, widened by padding x span on each side.</summary>
        public static ProbabilityGrid Over(float[] x, int rows, int pointsPerSide, double padding)
        {
            double x0 = double.MaxValue, x1 = double.MinValue, y0 = double.MaxValue, y1 = double.MinValue;
            for (int i = 0; i < rows; i++)
            {
                x0 = Math.Min(x0, x[2 * i]); x1 = Math.Max(x1, x[2 * i]);
                y0 = Math.Min(y0, x[2 * i + 1]); y1 = Math.Max(y1, x[2 * i + 1]);
            }
            double px = (x1 - x0) * padding, py = (y1 - y0) * padding;
            return new ProbabilityGrid(Linspace(x0 - px, x1 + px, pointsPerSide), Linspace(y0 - py, y1 + py, pointsPerSide));
        }

        private static double[] Linspace(double a, double b, int n) => [.. Enumerable.Range(0, n).Select(i => a + (b - a) * i / (n - 1))];
    }

    /// <summary>Per epoch (index 0 = before training): probability grid, P(class 1) of every training point, accuracy and loss.</summary>
    public sealed record BoundaryFrames(float[][] Grid, float[][] Predicted, double[] Accuracy, double[] Loss);

    public ExperimentOutput Run(ExperimentSpec spec, RunContext ctx)
    {
        var o = spec.OptionsAs<DecisionBoundaryOptions>();
        var root = new Rng(spec.Seed);
        var data = Synthetic.Moons(root.Fork("data/train"), spec.DataAs<MoonsData>().N, spec.DataAs<MoonsData>().Noise);
        var grid = ProbabilityGrid.Over(data.X, data.Rows, o.Grid, o.Padding);
        var frames = ctx.Part("training", () => Train(spec, data, grid, root, f => ctx.Report("training", f * 0.8)));
        ctx.Report("rendering", 0.85);
        return DecisionBoundaryPage.Build(spec, o, ctx, frames, data, grid, Measure(frames, data.Labels!, o.Common.SnapshotEpochs(spec.Epochs), spec.Epochs));
    }

    private static Dictionary<string, double> Measure(BoundaryFrames f, int[] labels, IReadOnlyList<int> snaps, int epochs) => new(StringComparer.Ordinal)
    {
        ["initial_accuracy"] = f.Accuracy[0],
        ["final_accuracy"] = f.Accuracy[epochs],
        ["final_loss"] = f.Loss[epochs],
        ["accuracy_at_first_snapshot"] = f.Accuracy[snaps[0]],
        ["errors_at_middle_snapshot"] = Accuracy.Misclassified(f.Predicted[snaps[snaps.Count / 2]], labels).Length,
        ["accuracy_at_middle_snapshot"] = f.Accuracy[snaps[snaps.Count / 2]],
        ["accuracy_at_last_snapshot"] = f.Accuracy[snaps[^1]],
        ["majority_share"] = Math.Max(labels.Count(l => l == 1), labels.Count(l => l == 0)) / (double)labels.Length,
    };

    private static BoundaryFrames Train(ExperimentSpec spec, Dataset data, ProbabilityGrid grid, Rng root, Action<double> progress)
    {
        var member = spec.Members[0];
        var model = ModelFactory.Build(spec, member, 2, root);
        float[] gridPoints = grid.Points();
        Probe[] probes =
        [
            Probe.Array("probability_grid", c => c.Model.Predict(gridPoints, gridPoints.Length / 2)),
            Probe.Array("predictions", c => c.Model.Predict(data.X, data.Rows)),
            Probe.Scalar("accuracy", c => Accuracy.Binary(c.Array("predictions"), data.Labels!)),
        ];
        var log = EpochRecorder.Run(model, new TrainingSet(data.X, data.Y, data.Rows), spec.Train, ModelFactory.Shuffle(spec, root, $"shuffle/{member.Name}"), probes, progress);
        return new BoundaryFrames(log.Array("probability_grid"), log.Array("predictions"), log.Number("accuracy"), log.Loss);
    }
}
