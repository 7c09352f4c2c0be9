using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Training;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Projection.Linear;
using NnViz.Projection.Quality;
using NnViz.Projection.Tsne;

namespace NnViz.Lab.Experiments;

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
        ["mnist-images"] = new("MNIST-format images",
            new Field("kind", FieldType.String, "data kind"),
            new Field("dataset", FieldType.String, "which images") { Default = "fashion-mnist", OneOf = ["fashion-mnist", "mnist"] },
            new Field("folder", FieldType.String, "folder with the IDX files (default: Debian's fashion-mnist folder)"),
            new Field("per_class", FieldType.Int, "images per class in the stratified sample (from the test split)") { Default = 100L, Rule = Rules.AtLeast(2) },
            new Field("train_limit", FieldType.Int, "train the MLP on the first N training images") { Default = 60000L, Rule = Rules.AtLeast(10) }),
    };

    public Schema OptionsSchema { get; } = CommonOptions.With(
        new Field("perplexity", FieldType.Double, "t-SNE perplexity") { Default = 30.0, Rule = Rules.Positive() },
        new Field("iterations", FieldType.Int, "t-SNE iterations (incl. early exaggeration)") { Default = 1000L, Rule = Rules.AtLeast(50) },
        new Field("loading_arrows", FieldType.Int, "pixels with the longest PCA loadings drawn as arrows") { Default = 6L, Rule = Rules.AtLeast(0) });

    public IReadOnlyList<string> FigureIds { get; } = ["biplot", "density_biplot", "scatter_3d", "hidden_biplot"];
    public IReadOnlyList<string> ProbeIds { get; } = [];

    public void Validate(ExperimentSpec spec, ICollection<SpecError> errors) =>
        ModelFactory.ValidateDense(spec, 10, errors, spec.Loss == "categorical_crossentropy" ? "softmax" : null);

    /// <summary>One layout: its name, coordinates (n x dims) and quality scores.</summary>
    public sealed record Layout(string Name, double[] Coords, int Dims, double Trustworthiness, double KnnAccuracy);

    public sealed record Layouts(int[] Rows, Layout Pca2, Layout Tsne2, Layout Pca3, Layout Tsne3, double[] Loadings, Layout HiddenPca2, Layout HiddenTsne2);

    /// <summary>The trained MLP's first-layer activations on the sample (rows x Width), its accuracy there, and the training loss per epoch.</summary>
    public sealed record Hidden(string Layer, float[] Activations, int Width, double SampleAccuracy, double[] Loss, int TrainImages);

    public ExperimentOutput Run(ExperimentSpec spec, RunContext ctx)
    {
        var d = spec.Data;
        string set = d.String("dataset");
        string folder = d.Has("folder") ? d.String("folder") : set == "mnist"
            ? throw new DataException("data.dataset 'mnist' needs data.folder: the folder holding t10k-images-idx3-ubyte(.gz) and t10k-labels-idx1-ubyte(.gz)")
            : Mnist.DebianFashionMnistFolder;
        int perClass = d.Int("per_class");
        // The first 10 x (per class) x 3 test images hold enough of every class for the stratified draw.
        var images = Mnist.Load(folder, MnistSplit.Test, set == "mnist" ? Mnist.DigitNames : Mnist.FashionNames, set, Math.Min(10000, perClass * 30));
        var root = new Rng(spec.Seed);
        int[] rows = Sampling.Stratified(images.Labels, perClass * images.ClassNames.Count, root.Fork("sample"));
        var hidden = ctx.Part("training", () => TrainHidden(spec, Mnist.Load(folder, MnistSplit.Train, images.ClassNames, set, d.Int("train_limit")), images, rows, root,
            f => ctx.Report("training", f * 0.3)));
        var layouts = ctx.Part("projections", () => Project(spec, images, rows, hidden, root, f => ctx.Report("projecting", 0.3 + f * 0.5)));
        ctx.Report("rendering", 0.85);
        string used = $"{set} ({folder}): {layouts.Rows.Length} test images, {perClass} per class (stratified by label); the MLP trained on the first {hidden.TrainImages} training images";
        return ProjectionsReport.Build(spec, ctx, layouts, hidden, images, used);
    }

    /// <summary>Trains the spec's MLP (its optimizer, loss, epochs) and returns its first layer's activations on the sample rows.</summary>
    public static Hidden TrainHidden(ExperimentSpec spec, ImageSet trainImages, ImageSet test, int[] rows, Rng root, Action<double> progress)
    {
        var train = trainImages.ToDataset();
        var member = spec.Members[0];
        var model = ModelFactory.Build(member, train.Cols, root);
        var loss = ModelFactory.Loss(spec);
        var opt = ModelFactory.Optimizer(spec, model.Parameters);
        var shuffle = spec.Training.Bool("shuffle") ? root.Fork($"shuffle/{member.Name}") : null;
        var losses = new double[spec.Epochs];
        for (int e = 0; e < spec.Epochs; e++)
        {
            losses[e] = Trainer.TrainEpoch(model, loss, opt, train.X, train.Y, train.Rows, spec.BatchSize, shuffle, null, ModelFactory.TrainOptions(spec)).Loss;
            progress((double)(e + 1) / spec.Epochs);
        }
        int n = rows.Length, dim = test.PixelsPerImage;
        var x = new float[n * dim];
        for (int i = 0; i < n; i++) Array.Copy(test.Pixels, rows[i] * dim, x, i * dim, dim);
        string layer = member.Layers[0].Name;
        var p = model.Predict(x, n, [layer], out var cap);
        int k = p.Length / n, right = 0;
        for (int i = 0; i < n; i++)
        {
            int best = 0;
            for (int c = 1; c < k; c++) if (p[i * k + c] > p[i * k + best]) best = c;
            right += best == test.Labels[rows[i]] ? 1 : 0;
        }
        var h = cap[layer];
        return new Hidden(layer, h, h.Length / n, (double)right / n, losses, train.Rows);
    }

    private static Layouts Project(ExperimentSpec spec, ImageSet images, int[] rows, Hidden hidden, Rng root, Action<double> progress)
    {
        int n = rows.Length, dim = images.PixelsPerImage;
        var x = new double[n * dim];
        for (int i = 0; i < n; i++) for (int j = 0; j < dim; j++) x[i * dim + j] = images.Pixels[rows[i] * dim + j];
        int[] labels = [.. rows.Select(r => images.Labels[r])];
        Layout Score(string name, double[] c, int dims) => new(name, c, dims,
            NeighborhoodQuality.Compute(x, n, dim, c, dims, 10).Trustworthiness, ClassSeparation.KnnAccuracy(c, n, dims, labels, 10));
        var pca3 = Pca.Fit(x, n, dim, new PcaOptions(3));
        var pca2c = new double[n * 2];
        for (int i = 0; i < n; i++) { pca2c[2 * i] = pca3.Coordinates[3 * i]; pca2c[2 * i + 1] = pca3.Coordinates[3 * i + 1]; }
        progress(0.1);
        var opts = new TsneOptions { Perplexity = spec.Options.Double("perplexity"), Iterations = spec.Options.Int("iterations") };
        var t2 = Tsne.Fit(x, n, dim, opts, root.Fork("tsne/2"));
        progress(0.5);
        var t3 = Tsne.Fit(x, n, dim, opts with { Components = 3 }, root.Fork("tsne/3"));
        progress(0.8);
        // The hidden layouts are scored against the hidden space they project (trustworthiness) and the same labels.
        int hw = hidden.Width;
        var hx = Array.ConvertAll(hidden.Activations, v => (double)v);
        Layout HiddenScore(string name, double[] c) => new(name, c, 2,
            NeighborhoodQuality.Compute(hx, n, hw, c, 2, 10).Trustworthiness, ClassSeparation.KnnAccuracy(c, n, 2, labels, 10));
        var hp = Pca.Fit(hx, n, hw, new PcaOptions(2));
        var ht = Tsne.Fit(hx, n, hw, opts, root.Fork("tsne/hidden"));
        progress(1);
        return new Layouts(rows, Score("PCA", pca2c, 2), Score("t-SNE", t2.Coordinates, 2), Score("PCA 3-D", pca3.Coordinates, 3), Score("t-SNE 3-D", t3.Coordinates, 3), pca3.Loadings,
            HiddenScore("hidden PCA", hp.Coordinates), HiddenScore("hidden t-SNE", ht.Coordinates));
    }
}
