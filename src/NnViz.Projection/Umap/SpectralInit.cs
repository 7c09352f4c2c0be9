using NnViz.Engine;
using NnViz.Projection.Linear;

namespace NnViz.Projection.Umap;

/// <summary>
/// Spectral initialisation (Belkin &amp; Niyogi 2003, as umap-learn's spectral_layout): the eigenvectors 2..k+1 of the
/// symmetric normalised Laplacian I - D^-1/2 W D^-1/2 with the smallest eigenvalues, i.e. the largest of
/// (I + D^-1/2 W D^-1/2) / 2, found by subspace iteration; scaled to [0, 10] per axis as umap-learn does, plus
/// 1e-4-scale noise so no two points coincide.
/// </summary>
internal static class SpectralInit
{
    public static double[] Layout(FuzzyGraph g, int k, Rng rng)
    {
        int n = g.N;
        var degree = new double[n];
        for (int e = 0; e < g.Heads.Length; e++) degree[g.Heads[e]] += g.Weights[e];
        var invSqrt = degree.Select(v => v > 0 ? 1 / Math.Sqrt(v) : 0).ToArray();
        var rowStart = new int[n + 1];
        foreach (var h in g.Heads) rowStart[h + 1]++;
        for (int i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];

        void Multiply(double[] v, double[] w, int p) => Parallelism.ForChunks(n, 512, (start, end) =>
        {
            for (int i = start; i < end; i++)
                for (int c = 0; c < p; c++)
                {
                    double s = 0;
                    for (int e = rowStart[i]; e < rowStart[i + 1]; e++) s += g.Weights[e] * invSqrt[g.Tails[e]] * v[c * n + g.Tails[e]];
                    w[c * n + i] = 0.5 * (v[c * n + i] + invSqrt[i] * s);
                }
        });
        // An initialisation needs the shape, not digits: loose tolerance and a cap keep it well under a second at 10,000 points.
        var eig = SubspaceIteration.Largest(n, k + 1, Multiply, rng.Fork("umap/spectral"), extra: 6, maxIterations: 100, tolerance: 1e-4);
        var y = new double[n * k];
        var noise = rng.Fork("umap/spectral-noise");
        for (int c = 0; c < k; c++)
        {
            var vec = eig.Vectors.AsSpan((c + 1) * n, n);
            Pca.FixSign(vec);
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            foreach (var v in vec) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
            double range = hi > lo ? hi - lo : 1;
            for (int i = 0; i < n; i++) y[i * k + c] = 10 * (vec[i] - lo) / range + 1e-4 * noise.NextGaussian();
        }
        return y;
    }
}
