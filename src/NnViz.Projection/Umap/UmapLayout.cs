using NnViz.Engine;

namespace NnViz.Projection.Umap;

/// <summary>
/// UMAP's layout optimisation (McInnes et al. 2018, sec. 3.2; umap-learn's optimize_layout_euclidean): stochastic
/// gradient descent on the fuzzy cross-entropy, each edge sampled in proportion to its weight, with
/// <c>negativeRate</c> uniformly drawn negative samples per positive one and a learning rate decaying linearly to 0.
/// Sequential and in edge order with our Rng, so it is deterministic (umap-learn's parallel version is not).
/// </summary>
internal static class UmapLayout
{
    public static void Optimize(double[] y, int dim, FuzzyGraph g, int epochs, double a, double b, UmapOptions o, Rng rng)
    {
        int n = g.N, edges = g.Heads.Length;
        double wMax = 0;
        foreach (var w in g.Weights) wMax = Math.Max(wMax, w);
        var perSample = new double[edges];
        var perNegative = new double[edges];
        var nextSample = new double[edges];
        var nextNegative = new double[edges];
        for (int e = 0; e < edges; e++)
        {
            // Edges weaker than wMax / epochs would never be sampled: umap-learn drops them.
            perSample[e] = g.Weights[e] >= wMax / epochs ? wMax / g.Weights[e] : -1;
            perNegative[e] = perSample[e] / o.NegativeSampleRate;
            nextSample[e] = perSample[e];
            nextNegative[e] = perNegative[e];
        }
        double gamma = o.RepulsionStrength;
        Span<double> diff = stackalloc double[dim];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double alpha = o.LearningRate * (1.0 - (double)epoch / epochs);
            for (int e = 0; e < edges; e++)
            {
                if (perSample[e] < 0 || nextSample[e] > epoch) continue;
                int i = g.Heads[e], j = g.Tails[e];
                double d2 = Diff(y, i, j, dim, diff);
                if (d2 > 0)
                {
                    // d/dy of log(1 / (1 + a d^2b)): -2ab d^(2(b-1)) / (1 + a d^2b)
                    double pw = Math.Pow(d2, b);
                    double coef = -2.0 * a * b * (pw / d2) / (a * pw + 1.0);
                    for (int c = 0; c < dim; c++)
                    {
                        double gr = Clip(coef * diff[c]) * alpha;
                        y[i * dim + c] += gr;
                        y[j * dim + c] -= gr;
                    }
                }
                nextSample[e] += perSample[e];
                int negatives = (int)((epoch - nextNegative[e]) / perNegative[e]);
                for (int s = 0; s < negatives; s++)
                {
                    int k = rng.NextInt(n);
                    if (k == i) continue;
                    double nd2 = Diff(y, i, k, dim, diff);
                    if (nd2 <= 0) continue;
                    double coef = 2.0 * gamma * b / ((0.001 + nd2) * (a * Math.Pow(nd2, b) + 1.0));
                    for (int c = 0; c < dim; c++) y[i * dim + c] += Clip(coef * diff[c]) * alpha;
                }
                nextNegative[e] += negatives * perNegative[e];
            }
        }
    }

    private static double Diff(double[] y, int i, int j, int dim, Span<double> diff)
    {
        double d2 = 0;
        for (int c = 0; c < dim; c++) { diff[c] = y[i * dim + c] - y[j * dim + c]; d2 += diff[c] * diff[c]; }
        return d2;
    }

    private static double Clip(double v) => v > 4 ? 4 : v < -4 ? -4 : v;
}
