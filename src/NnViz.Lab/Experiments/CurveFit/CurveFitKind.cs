using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Training;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Experiments.Pipeline;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.CurveFit;

/// <summary>The curve-fit options: the common ones and the x threshold of the low-x error.</summary>
public sealed record CurveFitOptions(CommonSettings Common, double LowXBelow)
{
    public static CurveFitOptions Bind(Section o) => new(CommonSettings.Bind(o), o.Double("low_x_below"));
}

/// <summary>The polynomial data: ascending coefficients, the x interval, the training points and the test curve's points.</summary>
public sealed record PolynomialData(IReadOnlyList<double> Coefficients, double Low, double High, int TrainPoints, int TestPoints)
{
    public static PolynomialData Bind(Section d) =>
        new(d.Doubles("coefficients"), d.Doubles("x_range")[0], d.Doubles("x_range")[1], d.Int("train_points"), d.Int("test_points"));
}

/// <summary>One member's record: the model's test curve after every epoch (index 0 = before training) and its errors.</summary>
public sealed record MemberCurves(string Name, float[][] Curves, double[] TrainLoss, double[] TestMse, double[] LowXMse, WeightTrace? Weights);

/// <summary>
/// A1 (seed 003): small tanh networks fitting a 1-D polynomial, recorded every epoch as the model's curve over a
/// fixed test grid. Compares a family of architectures by their final test MSE, convergence and fit at low x.
/// </summary>
public sealed class CurveFitKind : IExperimentKind
{
    public string Kind => "curve-fit";
    public string Summary => "1-D function fitting: the model's curve against the target, every epoch, for a family of architectures";

    public IReadOnlyDictionary<string, Schema> DataSchemas { get; } = new Dictionary<string, Schema>
    {
        ["polynomial"] = new("polynomial data",
            new Field("kind", FieldType.String, "data kind"),
            new Field("coefficients", FieldType.DoubleList, "ascending coefficients: c0 + c1 x + c2 x^2 + ...") { Required = true, Rule = Rules.ListLength(1) },
            new Field("x_range", FieldType.DoubleList, "x ~ U[low, high]") { Default = new List<double> { -2, 2 }, Rule = Rules.Interval() },
            new Field("train_points", FieldType.Int, "training points") { Required = true, Rule = Rules.AtLeast(1) },
            new Field("test_points", FieldType.Int, "points of the test curve (linspace over x_range)") { Default = 400L, Rule = Rules.AtLeast(2) }),
    };

    public Schema OptionsSchema { get; } = CommonOptions.With(
        new Field("low_x_below", FieldType.Double, "x threshold of the low-x error (the write-up: deep nets miss low x)") { Default = -1.0 });

    public IReadOnlyList<string> FigureIds { get; } = ["fit_animation", "final_fits", "loss_curves"];
    public IReadOnlyList<string> ProbeIds { get; } = ["test_curve", "loss", WeightTrace.ProbeName];

    public IReadOnlyList<MetricInfo> Metrics { get; } =
    [
        new("final_test_mse", "mean squared error on the test curve after the last epoch", MetricScope.PerMember),
        new("mean_test_mse", "test MSE averaged over epochs 1..n (lower = converged sooner)", MetricScope.PerMember),
        new("low_x_mse", "test MSE where x is below options.low_x_below, after the last epoch", MetricScope.PerMember),
        new("final_train_loss", "mean training loss of the last epoch", MetricScope.PerMember),
        new("first_epoch_loss", "mean training loss of epoch 1 (with final_train_loss: did training lower the loss?)", MetricScope.PerMember),
    ];

    public object BindData(string dataKind, Section data) => PolynomialData.Bind(data);
    public object BindOptions(Section options) => CurveFitOptions.Bind(options);

    public void Validate(ExperimentSpec spec, ICollection<SpecError> errors) => ModelFactory.ValidateDense(spec, 1, errors);

    public ExperimentOutput Run(ExperimentSpec spec, RunContext ctx)
    {
        var o = spec.OptionsAs<CurveFitOptions>();
        var root = new Rng(spec.Seed);
        var d = spec.DataAs<PolynomialData>();
        var train = Synthetic.Polynomial(root.Fork("data/train"), d.TrainPoints, d.Coefficients, d.Low, d.High);
        var test = Synthetic.PolynomialCurve(d.Coefficients, d.Low, d.High, d.TestPoints);
        var members = spec.Members.Select((m, i) => ctx.Part($"member-{m.Name}", () => Train(spec, m, train, test, o.LowXBelow, root,
            f => ctx.Report($"training {m.Name}", (i + f) / spec.Members.Count * 0.8)))).ToList();
        ctx.Report("rendering", 0.85);
        return CurveFitPage.Build(spec, o, ctx, members, test, Measure(members, spec.Epochs));
    }

    private static Dictionary<string, double> Measure(IReadOnlyList<MemberCurves> members, int epochs)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var m in members)
        {
            metrics[Format.Key("final_test_mse", m.Name)] = m.TestMse[epochs];
            metrics[Format.Key("mean_test_mse", m.Name)] = m.TestMse.Skip(1).Average();
            metrics[Format.Key("low_x_mse", m.Name)] = m.LowXMse[epochs];
            metrics[Format.Key("final_train_loss", m.Name)] = m.TrainLoss[epochs];
            metrics[Format.Key("first_epoch_loss", m.Name)] = m.TrainLoss[1];
        }
        return metrics;
    }

    private static MemberCurves Train(ExperimentSpec spec, ModelMember member, Dataset train, Dataset test, double lowX, Rng root, Action<double> progress)
    {
        var model = ModelFactory.Build(spec, member, 1, root);
        List<Probe> probes =
        [
            Probe.Array("test_curve", c => c.Model.Predict(test.X, test.Rows)),
            Probe.Scalar("test_mse", c => Errors(c.Array("test_curve"), test, lowX).All),
            Probe.Scalar("low_x_mse", c => Errors(c.Array("test_curve"), test, lowX).Low),
        ];
        if (spec.Recording.Probes.Contains(WeightTrace.ProbeName)) probes.Add(WeightTrace.Probe());
        var log = EpochRecorder.Run(model, new TrainingSet(train.X, train.Y, train.Rows), spec.Train, ModelFactory.Shuffle(spec, root, $"shuffle/{member.Name}"), probes, progress);
        return new MemberCurves(member.Name, log.Array("test_curve"), log.Loss, log.Number("test_mse"), log.Number("low_x_mse"), WeightTrace.From(log, model));
    }

    /// <summary>Mean squared error on the test curve, overall and where x is below the low-x threshold (in double, in order).</summary>
    private static (double All, double Low) Errors(float[] output, Dataset test, double lowX)
    {
        double all = 0, low = 0;
        int nLow = 0;
        for (int i = 0; i < test.Rows; i++)
        {
            double r = output[i] - test.Y[i];
            all += r * r;
            if (test.X[i] < lowX) { low += r * r; nLow++; }
        }
        return (all / test.Rows, nLow > 0 ? low / nLow : double.NaN);
    }
}
