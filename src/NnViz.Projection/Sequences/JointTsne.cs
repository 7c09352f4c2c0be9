using NnViz.Engine;
using NnViz.Projection.Linear;
using NnViz.Projection.Tsne;
using TsneFit = NnViz.Projection.Tsne.Tsne;

namespace NnViz.Projection.Sequences;

/// <summary>
/// Dynamic t-SNE (Rauber, Falcão &amp; Telea 2016, eq. 5): all frames are optimised in lockstep, minimising
/// sum_t KL(P_t || Q_t) + (lambda / 2n) sum_t sum_i |y_i^t - y_i^t+1|^2, every frame starting from the same
/// initialisation (one PCA of all frames stacked, projected per frame, scaled to standard deviation 1e-4).
/// </summary>
internal static class JointTsne
{
    public static List<double[]> Fit(IReadOnlyList<double[]> frames, int n, int d, TsneOptions o, double penalty, Rng rng)
    {
        int frameCount = frames.Count, k = o.Components;
        var init = JointInitialisation(frames, n, d, k);
        var optimisers = new List<TsneOptimizer>();
        for (int t = 0; t < frameCount; t++)
            optimisers.Add(TsneFit.Prepare(frames[t], n, d, o with { InitialLayout = init[t] }, rng.Fork($"frame/{t}"), out _));
        double lambda = penalty / n;
        for (int it = 0; it < o.Iterations; it++)
        {
            bool early = it < o.EarlyIterations;
            foreach (var opt in optimisers) opt.ComputeGradient(early ? o.EarlyExaggeration : 1.0);
            for (int t = 0; t < frameCount; t++)
            {
                var g = optimisers[t].Gradient;
                var y = optimisers[t].Y;
                if (t > 0) { var prev = optimisers[t - 1].Y; for (int i = 0; i < g.Length; i++) g[i] += lambda * (y[i] - prev[i]); }
                if (t < frameCount - 1) { var next = optimisers[t + 1].Y; for (int i = 0; i < g.Length; i++) g[i] += lambda * (y[i] - next[i]); }
            }
            foreach (var opt in optimisers) opt.Step(early ? o.InitialMomentum : o.FinalMomentum);
        }
        return optimisers.Select(opt => opt.Y).ToList();
    }

    internal static List<double[]> JointInitialisation(IReadOnlyList<double[]> frames, int n, int d, int k)
    {
        var stacked = new double[frames.Count * n * d];
        for (int t = 0; t < frames.Count; t++) Array.Copy(frames[t], 0, stacked, (long)t * n * d, n * d);
        var pca = Pca.Fit(stacked, frames.Count * n, d, new PcaOptions(k));
        double sd = Math.Sqrt(pca.ExplainedVariance[0]);
        return frames.Select(f =>
        {
            var y = pca.Transform(f, n);
            for (int i = 0; i < y.Length; i++) y[i] *= 1e-4 / sd;
            return y;
        }).ToList();
    }
}
