using NnViz.Engine;
using NnViz.Projection.Neighbors;

namespace NnViz.Projection.Umap;

/// <summary>
/// Uniform manifold approximation and projection (McInnes, Healy &amp; Melville 2018): fuzzy simplicial set on the kNN
/// graph, spectral initialisation, SGD layout with negative sampling. Deterministic for a given Rng.
/// </summary>
public static class Umap
{
    public static UmapResult Fit(float[] x, int n, int d, UmapOptions? options, Rng rng) =>
        Fit(DataMatrix.ToDouble(x), n, d, options, rng);

    public static UmapResult Fit(double[] x, int n, int d, UmapOptions? options, Rng rng)
    {
        DataMatrix.Check(x, n, d, nameof(x));
        var o = options ?? new UmapOptions();
        if (n < 4) throw new ArgumentException($"UMAP needs at least 4 points, received {n}");
        return Layout(Graph(x, n, d, o, rng), o, rng);
    }

    internal static FuzzyGraph Graph(double[] x, int n, int d, UmapOptions o, Rng rng)
    {
        int k = Math.Min(o.Neighbors, n) - 1; // umap-learn counts the point itself among its neighbours
        if (k < 1) throw new ArgumentException($"neighbors: expected at least 2, received {o.Neighbors}");
        return FuzzySimplicialSet.Build(NearestNeighbors.Search(x, n, d, k, rng.Fork("umap/knn")));
    }

    /// <summary>Initialisation and SGD on a given fuzzy graph (shared with the sequence strategies).</summary>
    internal static UmapResult Layout(FuzzyGraph graph, UmapOptions o, Rng rng)
    {
        var layout = Prepare(graph, o, rng, out int epochs, out double a, out double b);
        for (int epoch = 0; epoch < epochs; epoch++) layout.Epoch(epoch);
        return new UmapResult(layout.Y, graph.N, o.Components, a, b, epochs, graph.Heads.Length);
    }

    internal static UmapLayout Prepare(FuzzyGraph graph, UmapOptions o, Rng rng, out int epochs, out double a, out double b)
    {
        int n = graph.N, dim = o.Components;
        epochs = o.Epochs ?? (n <= 10_000 ? 500 : 200);
        (a, b) = CurveFit.FindAB(o.Spread, o.MinDist);
        double[] y;
        if (o.InitialLayout is { } given) { DataMatrix.Check(given, n, dim, "initialLayout"); y = (double[])given.Clone(); }
        else if (o.Init == UmapInit.Spectral && n > dim + 2) y = SpectralInit.Layout(graph, dim, rng);
        else
        {
            var r = rng.Fork("umap/random-init");
            y = new double[n * dim];
            for (int i = 0; i < y.Length; i++) y[i] = r.Uniform(0, 10);
        }
        return new UmapLayout(y, dim, graph, epochs, a, b, o, rng.Fork("umap/sgd"));
    }
}
