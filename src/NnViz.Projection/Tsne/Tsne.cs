using NnViz.Engine;
using NnViz.Projection.Linear;
using NnViz.Projection.Neighbors;

namespace NnViz.Projection.Tsne;

/// <summary>
/// t-distributed stochastic neighbour embedding (van der Maaten &amp; Hinton 2008), exact for small n and
/// Barnes-Hut for large n (van der Maaten 2014). Deterministic: the same inputs give the same bits.
/// </summary>
public static class Tsne
{
    public static TsneResult Fit(float[] x, int n, int d, TsneOptions? options, Rng rng) =>
        Fit(DataMatrix.ToDouble(x), n, d, options, rng);

    public static TsneResult Fit(double[] x, int n, int d, TsneOptions? options, Rng rng)
    {
        var o = options ?? new TsneOptions();
        var opt = Prepare(x, n, d, o, rng, out var method);
        int total = Math.Max(o.Iterations, 0);
        for (int it = 0; it < total; it++)
        {
            bool early = it < o.EarlyIterations;
            opt.ComputeGradient(early ? o.EarlyExaggeration : 1.0);
            opt.Step(early ? o.InitialMomentum : o.FinalMomentum);
        }
        return new TsneResult(opt.Y, n, o.Components, opt.Objective.KlDivergence(opt.Y), total, method, opt.LearningRate);
    }

    /// <summary>Affinities, initial layout and optimiser for one data set (shared with the sequence strategies).</summary>
    internal static TsneOptimizer Prepare(double[] x, int n, int d, TsneOptions o, Rng rng, out TsneMethod method)
    {
        DataMatrix.Check(x, n, d, nameof(x));
        if (o.Components is < 1 or > 3) throw new ArgumentException($"components: expected 1..3, received {o.Components}");
        if (n < 4) throw new ArgumentException($"t-SNE needs at least 4 points, received {n}");
        double perplexity = Math.Min(o.Perplexity, (n - 1) / 3.0);
        if (perplexity <= 1) throw new ArgumentException($"perplexity: too few points ({n}) for perplexity {o.Perplexity}");
        method = o.Method == TsneMethod.Auto ? (n <= o.ExactMaxN ? TsneMethod.Exact : TsneMethod.BarnesHut) : o.Method;
        ITsneGradient gradient;
        if (method == TsneMethod.Exact)
            gradient = new ExactGradient(Affinities.Dense(x, n, d, perplexity), n, o.Components);
        else
        {
            int k = Math.Min(n - 1, (int)(3 * perplexity));
            gradient = new BarnesHutGradient(Affinities.FromNeighbors(NearestNeighbors.Search(x, n, d, k, rng.Fork("tsne/knn")), perplexity), o.Components, o.Theta);
        }
        double lr = o.LearningRate ?? Math.Max(n / 12.0, 200.0);
        return new TsneOptimizer(gradient, InitialLayout(x, n, d, o, rng), n, o.Components, lr);
    }

    internal static double[] InitialLayout(double[] x, int n, int d, TsneOptions o, Rng rng)
    {
        int k = o.Components;
        if (o.InitialLayout is { } given)
        {
            DataMatrix.Check(given, n, k, "initialLayout");
            return (double[])given.Clone();
        }
        double[] y;
        if (o.Init == TsneInit.Pca && Math.Min(n, d) >= k) y = Pca.Fit(x, n, d, new PcaOptions(k)).Coordinates;
        else
        {
            var r = rng.Fork("tsne/init");
            y = new double[n * k];
            for (int i = 0; i < y.Length; i++) y[i] = r.NextGaussian();
        }
        // Scale so the first coordinate has standard deviation 1e-4, as openTSNE and scikit-learn do.
        double mean = 0, ss = 0;
        for (int i = 0; i < n; i++) mean += y[i * k];
        mean /= n;
        for (int i = 0; i < n; i++) ss += (y[i * k] - mean) * (y[i * k] - mean);
        double sd = Math.Sqrt(ss / n);
        if (sd > 0) for (int i = 0; i < y.Length; i++) y[i] *= 1e-4 / sd;
        return y;
    }
}
