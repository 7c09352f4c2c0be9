using NnViz.Data;
using NnViz.Engine;
using NnViz.Projection.Linear;
using NnViz.Projection.Quality;
using NnViz.Projection.Tsne;

namespace NnViz.Lab.Experiments.ImageProjections;

/// <summary>One layout: its name, coordinates (n x dims) and quality scores.</summary>
public sealed record Layout(string Name, double[] Coords, int Dims, double Trustworthiness, double KnnAccuracy);

public sealed record Layouts(int[] Rows, Layout Pca2, Layout Tsne2, Layout Pca3, Layout Tsne3, double[] Loadings, Layout HiddenPca2, Layout HiddenTsne2);

/// <summary>The trained MLP's first-layer activations on the sample (rows x Width), its accuracy there, and the training loss per epoch.</summary>
public sealed record Hidden(string Layer, float[] Activations, int Width, double SampleAccuracy, double[] Loss, int TrainImages);

/// <summary>PCA and t-SNE of the sampled images (2-D and 3-D) and of the MLP's hidden layer, each scored.</summary>
internal static class ProjectionLayouts
{

    public static Layouts Project(ProjectionsOptions o, ImageSet images, int[] rows, Hidden hidden, Rng root, Action<double> progress)
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
        var opts = new TsneOptions { Perplexity = o.Perplexity, Iterations = o.Iterations };
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
