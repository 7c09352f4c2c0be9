using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Training;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Experiments.Pipeline;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.NeuronWeights;

/// <summary>The neuron-weights options: the common ones, how many neurons are drawn, and the colour scale.</summary>
public sealed record NeuronWeightsOptions(CommonSettings Common, int ShownNeurons, bool FixedScale)
{
    public static NeuronWeightsOptions Bind(Section o) => new(CommonSettings.Bind(o), o.Int("shown_neurons"), o.String("scale") == "fixed");
}

/// <summary>MNIST-format images: which set (auto, mnist, fashion-mnist: <see cref="MnistSource"/>), the data folder (null: NNVIZ_DATA, then ./data), and how many training and test images are used.</summary>
public sealed record MnistData(string Dataset, string? Folder, int TrainLimit, int TestLimit)
{
    public static MnistData Bind(Section d) => new(d.String("dataset"), d.StringOrNull("folder"), d.Int("train_limit"), d.Int("test_limit"));
}

/// <summary>
/// B2 (seed 002): an MLP 784-H-10 on MNIST-format images; after every epoch the first-layer weights (one 28x28
/// image per hidden neuron), the class templates W1 W2 (each output class's weights projected back to pixels) and
/// the test accuracy.
/// </summary>
public sealed class NeuronWeightsKind : IExperimentKind
{
    public string Kind => "neuron-weights";
    public string Summary => "MLP on MNIST-format images: first-layer weights as 28x28 images per epoch, class templates W1·W2, accuracy";

    public IReadOnlyDictionary<string, Schema> DataSchemas { get; } = new Dictionary<string, Schema>
    {
        ["mnist-images"] = new("MNIST-format images", [
            new Field("kind", FieldType.String, "data kind"), .. MnistSource.Fields,
            new Field("train_limit", FieldType.Int, "train on the first N training images") { Default = 60000L, Rule = Rules.AtLeast(10) },
            new Field("test_limit", FieldType.Int, "evaluate on the first N test images") { Default = 10000L, Rule = Rules.AtLeast(10) }]),
    };

    public Schema OptionsSchema { get; } = CommonOptions.With(
        new Field("shown_neurons", FieldType.Int, "first-layer neurons drawn in the grid") { Default = 36L, Rule = Rules.AtLeast(1) },
        new Field("scale", FieldType.String, "colour scale of the weight images: fixed across frames, or per frame") { Default = "fixed", OneOf = ["fixed", "per_frame"] });

    public IReadOnlyList<string> FigureIds { get; } = ["weights_animation", "snapshots", "class_templates", "accuracy_curve"];
    public IReadOnlyList<string> ProbeIds { get; } = ["first_layer_weights", "class_templates", "accuracy"];

    public IReadOnlyList<MetricInfo> Metrics { get; } =
    [
        new("final_test_accuracy", "test accuracy after the last epoch"),
        new("test_accuracy_at_middle_snapshot", "test accuracy at the middle snapshot epoch"),
        new("test_accuracy_at_last_snapshot", "test accuracy at the last snapshot epoch"),
        new("initial_roughness", "roughness of the first-layer weight images before training (1 = white noise, 0 = smooth)"),
        new("roughness_at_first_snapshot", "roughness of the weight images at the first snapshot epoch"),
        new("roughness_at_middle_snapshot", "roughness of the weight images at the middle snapshot epoch"),
        new("roughness_at_last_snapshot", "roughness of the weight images at the last snapshot epoch"),
    ];

    public object BindData(string dataKind, Section data) => MnistData.Bind(data);
    public object BindOptions(Section options) => NeuronWeightsOptions.Bind(options);

    public void Validate(ExperimentSpec spec, ICollection<SpecError> errors)
    {
        ModelFactory.ValidateDense(spec, 10, errors, spec.Loss == "categorical_crossentropy" ? "softmax" : null);
        foreach (var m in spec.Members.Where(m => m.Layers.Count != 2))
            errors.Add(new SpecError(m.Where.File, m.Where.Line, m.Where.Column, "model", $"kind 'neuron-weights' needs exactly one hidden layer (784-H-10); member '{m.Name}' has {m.Layers.Count} layers"));
    }

    /// <summary>Per epoch (index 0 = initial weights): shown first-layer weights (neuron-major, 784 each), class templates (10 x 784), test accuracy, loss.</summary>
    public sealed record WeightFrames(float[][] Weights, float[][] Templates, double[] TestAccuracy, double[] Loss, double[] Roughness);

    public ExperimentOutput Run(ExperimentSpec spec, RunContext ctx)
    {
        var o = spec.OptionsAs<NeuronWeightsOptions>();
        var choice = ChooseData(spec)[0];
        choice.WarnIfSubstituted(spec);
        var (train, test, used, use) = Load(spec.DataAs<MnistData>(), choice);
        var frames = ctx.Part("training", () => Train(spec, o, train.ToDataset(), test.ToDataset(), f => ctx.Report("training", f * 0.8)));
        ctx.Report("rendering", 0.85);
        var output = NeuronWeightsPage.Build(spec, o, ctx, frames, train, test, used, Measure(frames, o.Common.SnapshotEpochs(spec.Epochs), spec.Epochs));
        return output with { GeneratedData = choice.StandIn, DataUses = [use] };
    }

    public IReadOnlyList<DataChoice> ChooseData(ExperimentSpec spec)
    {
        var d = spec.DataAs<MnistData>();
        return [MnistSource.Choose(d.Dataset, d.Folder)];
    }

    private static Dictionary<string, double> Measure(WeightFrames f, IReadOnlyList<int> snaps, int epochs)
    {
        int mid = snaps[snaps.Count / 2], last = snaps[^1];
        return new(StringComparer.Ordinal)
        {
            ["final_test_accuracy"] = f.TestAccuracy[epochs],
            ["test_accuracy_at_middle_snapshot"] = f.TestAccuracy[mid],
            ["test_accuracy_at_last_snapshot"] = f.TestAccuracy[last],
            ["initial_roughness"] = f.Roughness[0],
            ["roughness_at_first_snapshot"] = f.Roughness[snaps[0]],
            ["roughness_at_middle_snapshot"] = f.Roughness[mid],
            ["roughness_at_last_snapshot"] = f.Roughness[last],
        };
    }

    internal static (ImageSet Train, ImageSet Test, string Used, DataUse Use) Load(MnistData d, DataChoice choice)
    {
        var train = MnistSource.Read(choice, MnistSplit.Train, d.TrainLimit);
        var test = MnistSource.Read(choice, MnistSplit.Test, d.TestLimit);
        string rows = $"the first {train.Count} training and {test.Count} test images";
        var use = MnistSource.Use(choice, rows, new RowCount("train", train.Count), new RowCount("test", test.Count));
        return (train, test, MnistSource.Describe(choice, $"{use}"), use);
    }

    private static WeightFrames Train(ExperimentSpec spec, NeuronWeightsOptions o, Dataset train, Dataset test, Action<double> progress)
    {
        var root = new Rng(spec.Seed);
        var member = spec.Members[0];
        var model = ModelFactory.Build(spec, member, train.Cols, root);
        string first = member.Layers[0].Name, output = member.Layers[^1].Name;
        int hidden = member.Layers[0].Units, shown = Math.Min(hidden, o.ShownNeurons);
        Probe[] probes =
        [
            Probe.Array("first_kernel", c => c.Model.Parameter($"{first}/kernel"), keep: false), // [784, H], row-major
            Probe.Array("first_layer_weights", c => WeightImages.NeuronImages(c.Array("first_kernel"), train.Cols, hidden, shown)),
            Probe.Array("class_templates", c => WeightImages.ClassTemplates(c.Array("first_kernel"), c.Model.Parameter($"{output}/kernel"), train.Cols, hidden, 10)),
            Probe.Scalar("roughness", c => WeightImages.Roughness(WeightImages.NeuronImages(c.Array("first_kernel"), train.Cols, hidden, hidden), hidden, 28, 28)),
            Probe.Scalar("accuracy", c => Accuracy.Categorical(c.Model.Predict(test.X, test.Rows), test.Rows, test.Labels!)),
        ];
        var log = EpochRecorder.Run(model, new TrainingSet(train.X, train.Y, train.Rows), spec.Train, ModelFactory.Shuffle(spec, root, $"shuffle/{member.Name}"), probes, progress);
        return new WeightFrames(log.Array("first_layer_weights"), log.Array("class_templates"), log.Number("accuracy"), log.Loss, log.Number("roughness"));
    }
}
