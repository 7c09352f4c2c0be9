using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Training;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Experiments.Pipeline;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Projection.Linear;
using NnViz.Projection.Quality;
using NnViz.Projection.Tsne;

namespace NnViz.Lab.Experiments.ImageProjections;

/// <summary>The image-projections options: the common ones, t-SNE's perplexity and iterations, the PCA loading arrows drawn.</summary>
public sealed record ProjectionsOptions(CommonSettings Common, double Perplexity, int Iterations, int LoadingArrows)
{
    public static ProjectionsOptions Bind(Section o) => new(CommonSettings.Bind(o), o.Double("perplexity"), o.Int("iterations"), o.Int("loading_arrows"));
}

/// <summary>MNIST-format images: which set, its folder (null: Debian's fashion-mnist), images per class in the sample, training images for the MLP.</summary>
public sealed record MnistImagesData(string Dataset, string? Folder, int PerClass, int TrainLimit)
{
    public static MnistImagesData Bind(Section d) => new(d.String("dataset"), d.StringOrNull("folder"), d.Int("per_class"), d.Int("train_limit"));
}

/// <summary>
/// B3 (seed 002): PCA and t-SNE of MNIST-format images on a sample stratified by label, in 2-D (biplot, density
/// biplot) and 3-D; trustworthiness and 10-NN accuracy of each layout measure how well it keeps neighbours and classes.
/// The spec's MLP is also trained on (the first images of) the train split, and its hidden layer's activations on the
/// same sample are projected too, to show what training adds.
/// </summary>
public sealed class ProjectionsKind : IExperimentKind
{
    public string Kind => "image-projections";
    public string Summary => "PCA and t-SNE of MNIST-format images: biplot, density biplot, 3-D view, trustworthiness and kNN accuracy";

    public IReadOnlyDictionary<string, Schema> DataSchemas { get; } = new Dictionary<string, Schema>
    {
        ["mnist-images"] = new("MNIST-format images", [
            new Field("kind", FieldType.String, "data kind"), .. MnistSource.Fields,
            new Field("per_class", FieldType.Int, "images per class in the stratified sample (from the test split)") { Default = 100L, Rule = Rules.AtLeast(2) },
            new Field("train_limit", FieldType.Int, "train the MLP on the first N training images") { Default = 60000L, Rule = Rules.AtLeast(10) }]),
    };

    public Schema OptionsSchema { get; } = CommonOptions.With(
        new Field("perplexity", FieldType.Double, "t-SNE perplexity") { Default = 30.0, Rule = Rules.Positive() },
        new Field("iterations", FieldType.Int, "t-SNE iterations (incl. early exaggeration)") { Default = 1000L, Rule = Rules.AtLeast(50) },
        new Field("loading_arrows", FieldType.Int, "pixels with the longest PCA loadings drawn as arrows") { Default = 6L, Rule = Rules.AtLeast(0) });

    public IReadOnlyList<string> FigureIds { get; } = ["biplot", "density_biplot", "scatter_3d", "hidden_biplot"];
    public IReadOnlyList<string> ProbeIds { get; } = [];

    /// <summary>The layouts scored, by metric suffix: raw images in 2-D and 3-D, and the trained MLP's hidden layer.</summary>
    public static readonly IReadOnlyList<string> LayoutKeys = ["pca", "tsne", "pca3d", "tsne3d", "hidden_pca", "hidden_tsne"];

    public IReadOnlyList<MetricInfo> Metrics { get; } =
    [
        .. LayoutKeys.Select(k => new MetricInfo($"knn_accuracy_{k}", $"leave-one-out 10-NN accuracy of the classes in the {k} layout")),
        .. LayoutKeys.Select(k => new MetricInfo($"trustworthiness_{k}", $"trustworthiness (k 10) of the {k} layout against the space it projects")),
        new("mlp_sample_accuracy", "accuracy of the trained MLP on the projected test sample"),
    ];

    public object BindData(string dataKind, Section data) => MnistImagesData.Bind(data);
    public object BindOptions(Section options) => ProjectionsOptions.Bind(options);

    public void Validate(ExperimentSpec spec, ICollection<SpecError> errors) =>
        ModelFactory.ValidateDense(spec, 10, errors, spec.Loss == "categorical_crossentropy" ? "softmax" : null);

    public ExperimentOutput Run(ExperimentSpec spec, RunContext ctx)
    {
        var d = spec.DataAs<MnistImagesData>();
        var choice = ChooseData(spec)[0];
        choice.WarnIfSubstituted(spec);
        int perClass = d.PerClass;
        // The first 10 x (per class) x 3 test images hold enough of every class for the stratified draw.
        var images = MnistSource.Read(choice, MnistSplit.Test, Math.Min(10000, perClass * 30));
        var root = new Rng(spec.Seed);
        int[] rows = Sampling.Stratified(images.Labels, perClass * images.ClassNames.Count, root.Fork("sample"));
        var hidden = ctx.Part("training", () => TrainHidden(spec, MnistSource.Read(choice, MnistSplit.Train, d.TrainLimit), images, rows, root,
            f => ctx.Report("training", f * 0.3)));
        var o = spec.OptionsAs<ProjectionsOptions>();
        var layouts = ctx.Part("projections", () => ProjectionLayouts.Project(o, images, rows, hidden, root, f => ctx.Report("projecting", 0.3 + f * 0.5)));
        ctx.Report("rendering", 0.85);
        var use = MnistSource.Use(choice, $"{perClass} test images per class (stratified seeded sample of the first {images.Count}); the MLP trained on the first {hidden.TrainImages} training images",
            new RowCount("test", layouts.Rows.Length), new RowCount("train", hidden.TrainImages));
        var output = ProjectionsPage.Build(spec, o, ctx, layouts, hidden, images, MnistSource.Describe(choice, $"{use}"), Measure(layouts, hidden));
        return output with { GeneratedData = choice.StandIn, DataUses = [use] };
    }

    public IReadOnlyList<DataChoice> ChooseData(ExperimentSpec spec)
    {
        var d = spec.DataAs<MnistImagesData>();
        return [MnistSource.Choose(d.Dataset, d.Folder)];
    }

    private static Dictionary<string, double> Measure(Layouts l, Hidden hidden)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        Layout[] all = [l.Pca2, l.Tsne2, l.Pca3, l.Tsne3, l.HiddenPca2, l.HiddenTsne2];
        for (int i = 0; i < all.Length; i++)
        {
            metrics[$"knn_accuracy_{LayoutKeys[i]}"] = all[i].KnnAccuracy;
            metrics[$"trustworthiness_{LayoutKeys[i]}"] = all[i].Trustworthiness;
        }
        metrics["mlp_sample_accuracy"] = hidden.SampleAccuracy;
        return metrics;
    }

    /// <summary>Trains the spec's MLP (its optimizer, loss, epochs) and returns its first layer's activations on the sample rows.</summary>
    public static Hidden TrainHidden(ExperimentSpec spec, ImageSet trainImages, ImageSet test, int[] rows, Rng root, Action<double> progress)
    {
        var train = trainImages.ToDataset();
        var member = spec.Members[0];
        var model = ModelFactory.Build(spec, member, train.Cols, root);
        // No probes between epochs: only the trained model's hidden layer is projected.
        var log = EpochRecorder.Run(model, new TrainingSet(train.X, train.Y, train.Rows), spec.Train, ModelFactory.Shuffle(spec, root, $"shuffle/{member.Name}"), [], progress,
            new RecorderOptions(ProbeBeforeTraining: false));
        int n = rows.Length;
        float[] x = Sampling.Rows(test.Pixels, rows, test.PixelsPerImage);
        string layer = member.Layers[0].Name;
        var p = model.Predict(x, n, [layer], out var cap);
        var h = cap[layer];
        return new Hidden(layer, h, h.Length / n, Accuracy.Categorical(p, n, [.. rows.Select(r => test.Labels[r])]), log.Loss, train.Rows);
    }
}
