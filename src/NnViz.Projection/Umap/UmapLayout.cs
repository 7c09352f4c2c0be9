using NnViz.Engine;

namespace NnViz.Projection.Umap;

/// <summary>
/// UMAP's layout optimisation (McInnes et al. 2018, sec. 3.2; umap-learn's optimize_layout_euclidean): stochastic
/// gradient descent on the fuzzy cross-entropy, each edge sampled in proportion to its weight, with
/// <c>negativeRate</c> uniformly drawn negative samples per positive one and a learning rate decaying linearly to 0.
/// Sequential and in edge order with our Rng, so it is deterministic (umap-learn's parallel version is not).
/// </summary>
internal sealed class UmapLayout
{
    private readonly double[] _y;
    private readonly int _dim, _epochs;
    private readonly FuzzyGraph _g;
    private readonly double _a, _b, _gamma, _learningRate;
    private readonly double[] _perSample, _perNegative, _nextSample, _nextNegative;
    private readonly Rng _rng;

    public UmapLayout(double[] y, int dim, FuzzyGraph g, int epochs, double a, double b, UmapOptions o, Rng rng)
    {
        _y = y; _dim = dim; _g = g; _epochs = epochs; _a = a; _b = b; _rng = rng;
        _gamma = o.RepulsionStrength; _learningRate = o.LearningRate;
        int edges = g.Heads.Length;
        double wMax = 0;
        foreach (var w in g.Weights) wMax = Math.Max(wMax, w);
        _perSample = new double[edges]; _perNegative = new double[edges];
        _nextSample = new double[edges]; _nextNegative = new double[edges];
        for (int e = 0; e < edges; e++)
        {
            // Edges weaker than wMax / epochs would never be sampled: umap-learn drops them.
            _perSample[e] = g.Weights[e] >= wMax / epochs ? wMax / g.Weights[e] : -1;
            _perNegative[e] = _perSample[e] / o.NegativeSampleRate;
            _nextSample[e] = _perSample[e];
            _nextNegative[e] = _perNegative[e];
        }
    }

    public double[] Y => _y;

    /// <summary>The learning rate of an epoch: decays linearly to 0.</summary>
    public double Alpha(int epoch) => _learningRate * (1.0 - (double)epoch / _epochs);

    public void Epoch(int epoch)
    {
        double[] y = _y;
        int dim = _dim, n = _g.N;
        double a = _a, b = _b, alpha = Alpha(epoch);
        Span<double> diff = stackalloc double[dim];
        for (int e = 0; e < _perSample.Length; e++)
        {
            if (_perSample[e] < 0 || _nextSample[e] > epoch) continue;
            int i = _g.Heads[e], j = _g.Tails[e];
            double d2 = Diff(y, i, j, dim, diff);
            if (d2 > 0)
            {
                // d/dy of log(1 / (1 + a d^2b)): -2ab d^(2(b-1)) / (1 + a d^2b)
                double pw = MathF.Pow((float)d2, (float)b); // single precision: twice as fast, ample for a step size
                double coef = -2.0 * a * b * (pw / d2) / (a * pw + 1.0);
                for (int c = 0; c < dim; c++)
                {
                    double gr = Clip(coef * diff[c]) * alpha;
                    y[i * dim + c] += gr;
                    y[j * dim + c] -= gr;
                }
            }
            _nextSample[e] += _perSample[e];
            int negatives = (int)((epoch - _nextNegative[e]) / _perNegative[e]);
            for (int s = 0; s < negatives; s++)
            {
                int k = _rng.NextInt(n);
                if (k == i) continue;
                double nd2 = Diff(y, i, k, dim, diff);
                if (nd2 <= 0) continue;
                double coef = 2.0 * _gamma * b / ((0.001 + nd2) * (a * MathF.Pow((float)nd2, (float)b) + 1.0));
                for (int c = 0; c < dim; c++) y[i * dim + c] += Clip(coef * diff[c]) * alpha;
            }
            _nextNegative[e] += negatives * _perNegative[e];
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
