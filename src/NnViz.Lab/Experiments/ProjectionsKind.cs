using NnViz.Data;
using NnViz.Engine;
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
            new Field("per_class", FieldType.Int, "images per class in the stratified sample (from the test split)") { Default = 100L, Rule = Rules.AtLeast(2) }),
    };

    public Schema OptionsSchema { get; } = CommonOptions.With(
        new Field("perplexity", FieldType.Double, "t-SNE perplexity") { Default = 30.0, Rule = Rules.Positive() },
        new Field("iterations", FieldType.Int, "t-SNE iterations (incl. early exaggeration)") { Default = 1000L, Rule = Rules.AtLeast(50) },
        new Field("loading_arrows", FieldType.Int, "pixels with the longest PCA loadings drawn as arrows") { Default = 6L, Rule = Rules.AtLeast(0) });

    public IReadOnlyList<string> FigureIds { get; } = ["biplot", "density_biplot", "scatter_3d"];
    public IReadOnlyList<string> ProbeIds { get; } = [];

    public void Validate(ExperimentSpec spec, ICollection<SpecError> errors) { }

    /// <summary>One layout: its name, coordinates (n x dims) and quality scores.</summary>
    public sealed record Layout(string Name, double[] Coords, int Dims, double Trustworthiness, double KnnAccuracy);

    public sealed record Layouts(int[] Rows, Layout Pca2, Layout Tsne2, Layout Pca3, Layout Tsne3, double[] Loadings);

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
        var layouts = ctx.Part("projections", () => Project(spec, images, perClass, root, f => ctx.Report("projecting", f * 0.8)));
        ctx.Report("rendering", 0.85);
        string used = $"{set} ({folder}): {layouts.Rows.Length} test images, {perClass} per class (stratified by label)";
        return ProjectionsReport.Build(spec, ctx, layouts, images, used);
    }

    private static Layouts Project(ExperimentSpec spec, ImageSet images, int perClass, Rng root, Action<double> progress)
    {
        int[] rows = HiddenPlaneKind.StratifiedSample(images.Labels, perClass * images.ClassNames.Count, root.Fork("sample"));
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
        progress(1);
        return new Layouts(rows, Score("PCA", pca2c, 2), Score("t-SNE", t2.Coordinates, 2), Score("PCA 3-D", pca3.Coordinates, 3), Score("t-SNE 3-D", t3.Coordinates, 3), pca3.Loadings);
    }
}
