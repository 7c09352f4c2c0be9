using System.Text.Json;
using NnViz.Engine;
using NnViz.Engine.Training;
using NnViz.Lab.Experiments;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Experiments.Pipeline;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Plot;

namespace NnViz.Lab.Tests;

/// <summary>The options of <see cref="LineFitKind"/>: the common ones and the probe grid size.</summary>
public sealed record LineFitOptions(CommonSettings Common, int GridPoints)
{
    public static LineFitOptions Bind(Section o) => new(CommonSettings.Bind(o), o.Int("grid_points"));
}

/// <summary>The line data: slope, intercept and the number of training points.</summary>
public sealed record LineData(double Slope, double Intercept, int Points)
{
    public static LineData Bind(Section d) => new(d.Double("slope"), d.Double("intercept"), d.Int("points"));
}

/// <summary>
/// The worked example of src/NnViz.Lab/README.md ("adding an experiment kind"): one dense unit learns y = a x + b.
/// It declares its data, options, probes, figures and metrics, trains through the shared pipeline, measures, then renders.
/// </summary>
public sealed class LineFitKind : IExperimentKind
{
    public string Kind => "line-fit";
    public string Summary => "one dense unit learning a straight line";

    public IReadOnlyDictionary<string, Schema> DataSchemas { get; } = new Dictionary<string, Schema>
    {
        ["line"] = new("line data",
            new Field("kind", FieldType.String, "data kind"),
            new Field("slope", FieldType.Double, "a of y = a x + b") { Required = true },
            new Field("intercept", FieldType.Double, "b of y = a x + b") { Default = 0.0 },
            new Field("points", FieldType.Int, "training points, evenly spaced on [-1, 1]") { Default = 64L, Rule = Rules.AtLeast(2) }),
    };

    public Schema OptionsSchema { get; } = CommonOptions.With(
        new Field("grid_points", FieldType.Int, "points of the recorded model line") { Default = 11L, Rule = Rules.AtLeast(2) });

    public IReadOnlyList<string> FigureIds { get; } = ["slope_curve"];
    public IReadOnlyList<string> ProbeIds { get; } = ["slope", "line"];

    public IReadOnlyList<MetricInfo> Metrics { get; } =
    [
        new("final_slope", "the unit's weight after the last epoch"),
        new("final_loss", "mean training loss of the last epoch"),
    ];

    public object BindData(string dataKind, Section data) => LineData.Bind(data);
    public object BindOptions(Section options) => LineFitOptions.Bind(options);

    public void Validate(ExperimentSpec spec, ICollection<SpecError> errors) => ModelFactory.ValidateDense(spec, 1, errors);

    public ExperimentOutput Run(ExperimentSpec spec, RunContext ctx)
    {
        var o = spec.OptionsAs<LineFitOptions>();
        var (a, b, n) = spec.DataAs<LineData>();
        float[] x = [.. Enumerable.Range(0, n).Select(i => (float)(-1 + 2.0 * i / (n - 1)))];
        float[] y = [.. x.Select(v => (float)(a * v + b))];
        float[] grid = [.. Enumerable.Range(0, o.GridPoints).Select(i => (float)(-1 + 2.0 * i / (o.GridPoints - 1)))];
        var root = new Rng(spec.Seed);
        var member = spec.Members[0];
        string output = member.Layers[^1].Name;
        var log = ctx.Part("training", () => EpochRecorder.Run(ModelFactory.Build(spec, member, 1, root), new TrainingSet(x, y, n), spec.Train,
            ModelFactory.Shuffle(spec, root, "shuffle"),
            [Probe.Scalar("slope", c => c.Model.Parameter($"{output}/kernel")[0]), Probe.Array("line", c => c.Model.Predict(grid, grid.Length))],
            f => ctx.Report("training", f)));
        // Measure first ...
        double[] slopes = log.Number("slope");
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal) { ["final_slope"] = slopes[^1], ["final_loss"] = log.Loss[^1] };
        // ... then render.
        ctx.Artifacts.Npy("data/lines.npy", [.. log.Array("line").SelectMany(l => l)], log.Checkpoints, grid.Length);
        var blocks = new List<PageBlock>();
        if (spec.Wants("slope_curve"))
        {
            double[] epochs = [.. Enumerable.Range(0, slopes.Length).Select(e => (double)e)];
            var panel = new Panel([new LineMark(epochs, slopes, new LineStyle("#0072b2", 2), "slope")], "", new Axis("epoch"), new Axis("slope"));
            blocks.Add(Publish.Figure(ctx, "slope_curve", Figure.Single("Slope by epoch", panel, 480, 320, "The unit's weight after every epoch."),
                $"Target slope {Format.Num(a)}; epoch 0 is the untrained unit.", "data/lines.npy"));
        }
        blocks.Add(new TableBlock("Last epoch", ["slope", "loss"], [[Format.Num(slopes[^1]), Format.Num(log.Loss[^1])]]));
        return new ExperimentOutput(blocks, metrics, "generated: a line", true, null);
    }
}

/// <summary>A kind registered next to the built-in ones and run end to end like any spec: validated, trained, judged, published.</summary>
public class TinyKindTests
{
    private const string Spec = """
        name: tiny-line
        title: A line learned by one unit
        description: One dense unit learns y = 2x + 0.5 with plain SGD.
        kind: line-fit
        data: {kind: line, slope: 2, intercept: 0.5, points: 32}
        model:
          layers:
            - {kind: dense, units: 1, activation: linear, name: unit}
        loss: mse
        optimizer: {kind: sgd, learning_rate: 0.1}
        training: {epochs: 40, batch_size: 8, seed: 5}
        claims:
          - {id: learns-the-slope, text: the unit finds the slope, metric: final_slope, op: ">", value: 1.9, profiles: [ci]}
        """;

    [Fact]
    public void ARegisteredKindRunsEndToEnd()
    {
        string dir = Lab.TempDir("tiny-kind");
        string file = Path.Combine(dir, "tiny-line.yaml");
        File.WriteAllText(file, Spec);
        var kinds = ExperimentKinds.Default.With(new LineFitKind());
        var runner = new Runner(new RunnerOptions(Lab.Configs, Path.Combine(dir, "out"), Path.Combine(dir, ".store"), "ci"), null, kinds);
        var (specs, errors) = runner.ValidateAll([file]);
        Assert.Empty(errors);
        Assert.Equal(new LineFitOptions(new CommonSettings(false, 8, null), 11), specs[0].KindOptions); // ci turns video off; the rest defaults
        Assert.Equal(new LineData(2, 0.5, 32), specs[0].KindData);
        var summary = runner.Run(specs[0]);
        string published = Path.Combine(dir, "out", "tiny-line");

        var metrics = JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(Path.Combine(published, "metrics.json")))!;
        Assert.Equal(["final_loss", "final_slope"], metrics.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(metrics["final_slope"], 1.95, 2.05);
        Assert.True(metrics["final_loss"] < 1e-3, $"final loss {metrics["final_loss"]}");
        Assert.Equal(1, summary.SanityPassed);   // its data are generated, so its claim is a sanity check, not a reproduction
        Assert.True(File.Exists(Path.Combine(published, "figures", "slope_curve.svg")));
        Assert.Contains("Slope by epoch", File.ReadAllText(Path.Combine(published, "index.html")));
        Assert.All(metrics.Keys, k => Assert.True(kinds.Declares("line-fit", k, null), $"{k} is not declared"));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void WithoutRegistrationTheKindIsUnknownAndTheErrorSaysWhere()
    {
        string dir = Lab.TempDir("tiny-kind-unknown");
        string file = Path.Combine(dir, "tiny-line.yaml");
        File.WriteAllText(file, Spec);
        var ex = Assert.Throws<SpecException>(() => SpecLoader.Load(file, Profile.Load(Lab.Configs, "ci")));
        var e = Assert.Single(ex.Errors, e => e.Path == "kind");
        Assert.Equal((4, 7), (e.Line, e.Column));
        Assert.Contains("received 'line-fit'", e.Message);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void ATypoInTheKindsOptionsIsReportedWithItsLocation()
    {
        string dir = Lab.TempDir("tiny-kind-typo");
        string file = Path.Combine(dir, "tiny-line.yaml");
        File.WriteAllText(file, Spec + "\noptions: {grid_pionts: 5}\n");
        var ex = Assert.Throws<SpecException>(() => SpecLoader.Load(file, Profile.Load(Lab.Configs, "ci"), ExperimentKinds.Default.With(new LineFitKind())));
        var e = Assert.Single(ex.Errors);
        Assert.Equal(("options.grid_pionts", 14, 11), (e.Path, e.Line, e.Column));
        Assert.Contains("did you mean 'grid_points'?", e.Message);
        Directory.Delete(dir, true);
    }
}
