using NnViz.Engine;
using NnViz.Projection.Linear;
using NnViz.Projection.Quality;
using NnViz.Projection.Tsne;
using NnViz.Projection.Umap;
using TsneFit = NnViz.Projection.Tsne.Tsne;
using UmapFit = NnViz.Projection.Umap.Umap;

namespace NnViz.Projection.Sequences;

/// <summary>
/// Projects a sequence of checkpoints (the same N points in the same D-dimensional space at every frame, e.g. a layer's
/// activations after each epoch) to 2-D or 3-D layouts meant to be animated, and measures how stable the animation is.
/// </summary>
public static class SequenceProjector
{
    public static SequenceResult Project(IReadOnlyList<float[]> frames, int n, int d, SequenceOptions? options, Rng rng) =>
        Project(frames.Select(DataMatrix.ToDouble).ToList(), n, d, options, rng);

    public static SequenceResult Project(IReadOnlyList<double[]> frames, int n, int d, SequenceOptions? options, Rng rng)
    {
        var o = options ?? new SequenceOptions();
        if (frames.Count < 1) throw new ArgumentException("frames: need at least one frame");
        for (int t = 0; t < frames.Count; t++) DataMatrix.Check(frames[t], n, d, $"frames[{t}]");
        int k = o.Components;
        List<double[]> layouts = o.Method switch
        {
            SequenceMethod.Pca => PcaFrames(frames, n, d, k, o.Strategy),
            SequenceMethod.Tsne when o.Strategy == SequenceStrategy.Joint =>
                Stacked(frames, n, d, (x, m, r) => TsneFit.Fit(x, m, d, o.Tsne with { Components = k }, r).Coordinates, rng),
            SequenceMethod.Umap when o.Strategy == SequenceStrategy.Joint =>
                Stacked(frames, n, d, (x, m, r) => UmapFit.Fit(x, m, d, o.Umap with { Components = k }, r).Coordinates, rng),
            SequenceMethod.Tsne => o.Strategy == SequenceStrategy.Dynamic
                ? JointTsne.Fit(frames, n, d, o.Tsne with { Components = k }, o.MovementPenalty, rng)
                : FrameByFrame(frames, o.Strategy, (x, init, r) => TsneFit.Fit(x, n, d, ChainedTsne(o.Tsne with { Components = k }, init), r).Coordinates, rng),
            SequenceMethod.Umap => o.Strategy == SequenceStrategy.Dynamic
                ? JointUmap.Fit(frames, n, d, o.Umap with { Components = k }, o.MovementPenalty, rng)
                : FrameByFrame(frames, o.Strategy, (x, init, r) => UmapFit.Fit(x, n, d, o.Umap with { Components = k, InitialLayout = init }, r).Coordinates, rng),
            _ => throw new ArgumentOutOfRangeException(nameof(options), o.Method, "unknown method"),
        };
        bool align = o.Align ?? o.Strategy is SequenceStrategy.Independent or SequenceStrategy.Chained;
        if (align) AlignInPlace(layouts, n, k);
        var stability = frames.Count > 1
            ? TemporalStability.Compute(frames, n, d, layouts, k)
            : new StabilityScores(double.NaN, [], 0, []);
        var quality = o.ComputeQuality && n > 2 * o.QualityK
            ? layouts.Select((y, t) => NeighborhoodQuality.Compute(frames[t], n, d, y, k, o.QualityK)).ToList()
            : null;
        return new SequenceResult(layouts, n, k, o.Method, o.Strategy, align, stability, quality);
    }

    /// <summary>A chained frame starts from a converged layout: no early exaggeration, the usual number of later iterations.</summary>
    private static TsneOptions ChainedTsne(TsneOptions o, double[]? init) => init is null ? o : o with
    {
        InitialLayout = init,
        EarlyIterations = 0,
        Iterations = Math.Max(o.Iterations - o.EarlyIterations, 1),
    };

    private static List<double[]> FrameByFrame(IReadOnlyList<double[]> frames, SequenceStrategy strategy,
        Func<double[], double[]?, Rng, double[]> fit, Rng rng)
    {
        var layouts = new List<double[]>();
        for (int t = 0; t < frames.Count; t++)
        {
            double[]? init = strategy == SequenceStrategy.Chained && t > 0 ? layouts[t - 1] : null;
            layouts.Add(fit(frames[t], init, rng.Fork($"frame/{t}")));
        }
        return layouts;
    }

    /// <summary>One fit over all frames stacked (frames x n points), split back into per-frame layouts.</summary>
    private static List<double[]> Stacked(IReadOnlyList<double[]> frames, int n, int d, Func<double[], int, Rng, double[]> fit, Rng rng)
    {
        int m = frames.Count * n;
        var stacked = new double[(long)m * d];
        for (int t = 0; t < frames.Count; t++) Array.Copy(frames[t], 0, stacked, (long)t * n * d, n * d);
        var y = fit(stacked, m, rng.Fork("stacked"));
        int k = y.Length / m;
        return Enumerable.Range(0, frames.Count).Select(t => y[(t * n * k)..((t + 1) * n * k)]).ToList();
    }

    private static List<double[]> PcaFrames(IReadOnlyList<double[]> frames, int n, int d, int k, SequenceStrategy strategy)
    {
        if (strategy is SequenceStrategy.Joint or SequenceStrategy.Dynamic)
        {
            // One PCA of all frames stacked: a single set of axes, so a point moves only when its data move.
            var stacked = new double[frames.Count * n * d];
            for (int t = 0; t < frames.Count; t++) Array.Copy(frames[t], 0, stacked, (long)t * n * d, n * d);
            var pca = Pca.Fit(stacked, frames.Count * n, d, new PcaOptions(k));
            return frames.Select(f => pca.Transform(f, n)).ToList();
        }
        var layouts = new List<double[]>();
        foreach (var f in frames)
        {
            var y = Pca.Fit(f, n, d, new PcaOptions(k)).Coordinates;
            if (strategy == SequenceStrategy.Chained && layouts.Count > 0) MatchSigns(layouts[^1], y, n, k);
            layouts.Add(y);
        }
        return layouts;
    }

    /// <summary>Chained PCA: flip each axis whose sign disagrees with the previous frame's.</summary>
    private static void MatchSigns(double[] previous, double[] y, int n, int k)
    {
        for (int c = 0; c < k; c++)
        {
            double dot = 0;
            for (int i = 0; i < n; i++) dot += previous[i * k + c] * y[i * k + c];
            if (dot < 0) for (int i = 0; i < n; i++) y[i * k + c] = -y[i * k + c];
        }
    }

    /// <summary>Procrustes of each frame onto the previous aligned frame (no scaling: sizes stay as fitted).</summary>
    private static void AlignInPlace(List<double[]> layouts, int n, int k)
    {
        for (int t = 1; t < layouts.Count; t++)
            layouts[t] = Procrustes.Align(layouts[t - 1], layouts[t], n, k, allowReflection: true, allowScaling: false).Aligned;
    }
}
