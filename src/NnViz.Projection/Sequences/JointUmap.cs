using NnViz.Engine;
using NnViz.Projection.Umap;
using UmapFit = NnViz.Projection.Umap.Umap;

namespace NnViz.Projection.Sequences;

/// <summary>
/// UMAP over all frames in lockstep (in the spirit of umap-learn's AlignedUMAP): frame 0 starts from its spectral
/// layout and every later frame from the same layout; after each epoch of every frame's SGD, each point is pulled
/// towards its positions in the neighbouring frames by alpha lambda (y_t-1 + y_t+1 - 2 y_t), lambda = min(penalty, 1) / 2.
/// </summary>
internal static class JointUmap
{
    public static List<double[]> Fit(IReadOnlyList<double[]> frames, int n, int d, UmapOptions o, double penalty, Rng rng)
    {
        int frameCount = frames.Count;
        var layouts = new List<UmapLayout>();
        int epochs = 0;
        double[]? shared = null;
        for (int t = 0; t < frameCount; t++)
        {
            var r = rng.Fork($"frame/{t}");
            var graph = UmapFit.Graph(frames[t], n, d, o, r);
            var layout = UmapFit.Prepare(graph, shared is null ? o : o with { InitialLayout = shared }, r, out epochs, out _, out _);
            shared ??= (double[])layout.Y.Clone();
            layouts.Add(layout);
        }
        // The penalty is per point, on the scale of one SGD step (alpha), so it stays comparable to UMAP's own moves.
        double lambda = Math.Min(penalty, 1.0) * 0.5;
        var pull = new double[n * o.Components];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var layout in layouts) layout.Epoch(epoch);
            double alpha = layouts[0].Alpha(epoch);
            var before = layouts.Select(l => (double[])l.Y.Clone()).ToList();
            for (int t = 0; t < frameCount; t++)
            {
                Array.Clear(pull);
                if (t > 0) for (int i = 0; i < pull.Length; i++) pull[i] += before[t - 1][i] - before[t][i];
                if (t < frameCount - 1) for (int i = 0; i < pull.Length; i++) pull[i] += before[t + 1][i] - before[t][i];
                var y = layouts[t].Y;
                for (int i = 0; i < pull.Length; i++) y[i] += alpha * lambda * pull[i];
            }
        }
        return layouts.Select(l => l.Y).ToList();
    }
}
