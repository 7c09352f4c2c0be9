using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Engine.Training;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments;

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
        ["mnist-images"] = new("MNIST-format images",
            new Field("kind", FieldType.String, "data kind"),
            new Field("dataset", FieldType.String, "which images: Fashion-MNIST from Debian, or real MNIST from 'folder'") { Default = "fashion-mnist", OneOf = ["fashion-mnist", "mnist"] },
            new Field("folder", FieldType.String, "folder with the IDX files (default: Debian's fashion-mnist folder)"),
            new Field("train_limit", FieldType.Int, "train on the first N training images") { Default = 60000L, Rule = Rules.AtLeast(10) },
            new Field("test_limit", FieldType.Int, "evaluate on the first N test images") { Default = 10000L, Rule = Rules.AtLeast(10) }),
    };

    public Schema OptionsSchema { get; } = CommonOptions.With(
        new Field("shown_neurons", FieldType.Int, "first-layer neurons drawn in the grid") { Default = 36L, Rule = Rules.AtLeast(1) },
        new Field("scale", FieldType.String, "colour scale of the weight images: fixed across frames, or per frame") { Default = "fixed", OneOf = ["fixed", "per_frame"] });

    public IReadOnlyList<string> FigureIds { get; } = ["weights_animation", "snapshots", "class_templates", "accuracy_curve"];
    public IReadOnlyList<string> ProbeIds { get; } = ["first_layer_weights", "class_templates", "accuracy"];

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
        var (train, test, used) = Load(spec.Data);
        var frames = ctx.Part("training", () => Train(spec, train.ToDataset(), test.ToDataset(), f => ctx.Report("training", f * 0.8)));
        ctx.Report("rendering", 0.85);
        return NeuronWeightsReport.Build(spec, ctx, frames, train, test, used);
    }

    internal static (ImageSet Train, ImageSet Test, string Used) Load(Section d)
    {
        string set = d.String("dataset");
        string folder = d.Has("folder") ? d.String("folder") : set == "mnist"
            ? throw new DataException("data.dataset 'mnist' needs data.folder: the folder holding train-images-idx3-ubyte(.gz) and the other three IDX files (http://yann.lecun.com/exdb/mnist/)")
            : Mnist.DebianFashionMnistFolder;
        var names = set == "mnist" ? Mnist.DigitNames : Mnist.FashionNames;
        var train = Mnist.Load(folder, MnistSplit.Train, names, set, d.Int("train_limit"));
        var test = Mnist.Load(folder, MnistSplit.Test, names, set, d.Int("test_limit"));
        return (train, test, $"{set} ({folder}): first {train.Count} training and {test.Count} test images");
    }

    private static WeightFrames Train(ExperimentSpec spec, Dataset train, Dataset test, Action<double> progress)
    {
        var root = new Rng(spec.Seed);
        var member = spec.Members[0];
        var model = ModelFactory.Build(member, train.Cols, root);
        var loss = ModelFactory.Loss(spec);
        var opt = ModelFactory.Optimizer(spec, model.Parameters);
        var shuffle = spec.Training.Bool("shuffle") ? root.Fork($"shuffle/{member.Name}") : null;
        var w1 = (Dense)model.Layers[0];
        var w2 = (Dense)model.Layers[^1];
        int hidden = member.Layers[0].Units, shown = Math.Min(hidden, spec.Options.Int("shown_neurons")), epochs = spec.Epochs;
        var weights = new float[epochs + 1][];
        var templates = new float[epochs + 1][];
        var acc = new double[epochs + 1];
        var lossByEpoch = new double[epochs + 1];
        var rough = new double[epochs + 1];
        void Probe(int e)
        {
            float[] k1 = w1.Kernel.Value, k2 = w2.Kernel.Value; // [784, H] and [H, 10], row-major
            weights[e] = WeightImages.NeuronImages(k1, train.Cols, hidden, shown);
            templates[e] = WeightImages.ClassTemplates(k1, k2, train.Cols, hidden, 10);
            rough[e] = WeightImages.Roughness(WeightImages.NeuronImages(k1, train.Cols, hidden, hidden), hidden, 28, 28);
            var p = model.Predict(test.X, test.Rows);
            int right = 0;
            for (int i = 0; i < test.Rows; i++) right += ArgMax(p.AsSpan(i * 10, 10)) == test.Labels![i] ? 1 : 0;
            acc[e] = (double)right / test.Rows;
        }
        Probe(0);
        lossByEpoch[0] = double.NaN;
        for (int e = 1; e <= epochs; e++)
        {
            lossByEpoch[e] = Trainer.TrainEpoch(model, loss, opt, train.X, train.Y, train.Rows, spec.BatchSize, shuffle, null, ModelFactory.TrainOptions(spec)).Loss;
            Probe(e);
            progress((double)e / epochs);
        }
        return new WeightFrames(weights, templates, acc, lossByEpoch, rough);
    }

    private static int ArgMax(ReadOnlySpan<float> v)
    {
        int best = 0;
        for (int i = 1; i < v.Length; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
