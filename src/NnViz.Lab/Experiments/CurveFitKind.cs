using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Training;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments;

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
    public IReadOnlyList<string> ProbeIds { get; } = ["test_curve", "loss", "weights"];

    public void Validate(ExperimentSpec spec, ICollection<SpecError> errors) => ModelFactory.ValidateDense(spec, 1, errors);

    /// <summary>One member's record: the model's test curve after every epoch (index 0 = before training) and its errors.</summary>
    public sealed record MemberCurves(string Name, float[][] Curves, double[] TrainLoss, double[] TestMse, double[] LowXMse, WeightTrace? Weights);

    public ExperimentOutput Run(ExperimentSpec spec, RunContext ctx)
    {
        var root = new Rng(spec.Seed);
        var d = spec.Data;
        var coeffs = d.Doubles("coefficients");
        double lo = d.Doubles("x_range")[0], hi = d.Doubles("x_range")[1];
        var train = Synthetic.Polynomial(root.Fork("data/train"), d.Int("train_points"), coeffs, lo, hi);
        var test = Synthetic.PolynomialCurve(coeffs, lo, hi, d.Int("test_points"));
        double lowX = spec.Options.Double("low_x_below");

        var members = new List<MemberCurves>();
        for (int i = 0; i < spec.Members.Count; i++)
        {
            var m = spec.Members[i];
            int index = i;
            members.Add(ctx.Part($"member-{m.Name}", () => Train(spec, m, train, test, lowX, root,
                f => ctx.Report($"training {m.Name}", (index + f) / spec.Members.Count * 0.8))));
        }
        ctx.Report("rendering", 0.85);
        return CurveFitReport.Build(spec, ctx, members, test, lowX);
    }

    private static MemberCurves Train(ExperimentSpec spec, ModelMember member, Dataset train, Dataset test, double lowX, Rng root, Action<double> progress)
    {
        var model = ModelFactory.Build(member, 1, root);
        var loss = ModelFactory.Loss(spec);
        var opt = ModelFactory.Optimizer(spec, model.Parameters);
        var shuffle = spec.Training.Bool("shuffle") ? root.Fork($"shuffle/{member.Name}") : null;
        int epochs = spec.Epochs;
        var curves = new float[epochs + 1][];
        var trainLoss = new double[epochs + 1];
        var testMse = new double[epochs + 1];
        var lowMse = new double[epochs + 1];
        var weights = spec.Record.Strings("probes").Contains("weights") ? WeightTrace.For(model.Parameters) : null;
        void Probe(int e)
        {
            weights?.Record(model.Parameters);
            curves[e] = model.Predict(test.X, test.Rows);
            (testMse[e], lowMse[e]) = Errors(curves[e], test, lowX);
        }
        Probe(0);
        trainLoss[0] = double.NaN;
        for (int e = 1; e <= epochs; e++)
        {
            trainLoss[e] = Trainer.TrainEpoch(model, loss, opt, train.X, train.Y, train.Rows, spec.BatchSize, shuffle, null, ModelFactory.TrainOptions(spec)).Loss;
            Probe(e);
            progress((double)e / epochs);
        }
        return new MemberCurves(member.Name, curves, trainLoss, testMse, lowMse, weights);
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
