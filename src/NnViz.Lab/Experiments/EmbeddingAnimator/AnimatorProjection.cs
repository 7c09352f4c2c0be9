using NnViz.Engine;
using NnViz.Projection.Quality;
using NnViz.Projection.Sequences;
using NnViz.Projection.Tsne;
using NnViz.Projection.Umap;

namespace NnViz.Lab.Experiments.EmbeddingAnimator;

/// <summary>
/// One way of laying out the recorded epochs in 2-D (Frames[e] = x0, y0, x1, y1, ...), with its consistency figures:
/// temporal stability (Pearson correlation of data movement and screen movement, Vernier et al. 2020), mean and
/// worst trustworthiness over frames (Venna &amp; Kaski 2001, k = quality_k), mean displacement per transition.
/// </summary>
public sealed record ProjectedSequence(string Name, float[][] Frames, double Stability, double Trustworthiness, double MinTrustworthiness, double Displacement);

/// <summary>How well the classes separate in the recorded (high-dimensional) space, per epoch.</summary>
public sealed record SeparationByEpoch(double[] KnnAccuracy, double[] Silhouette);

public static class AnimatorProjection
{
    /// <summary>
    /// The two layouts the page toggles between: "aligned" (options.aligned_strategy: by default one t-SNE of all epochs
    /// stacked, so shared structure keeps its place; or dynamic t-SNE with a movement penalty, or chained fits) and "independent" (one fit per epoch, drawn as fitted).
    /// </summary>
    public static IReadOnlyList<(string Name, SequenceStrategy Strategy, bool? Align)> Layouts(AnimatorOptions o) =>
    [
        // null: the projection decides (chained and dynamic frames are Procrustes-aligned; a joint fit already shares one frame).
        ("aligned", o.AlignedStrategy switch { "dynamic" => SequenceStrategy.Dynamic, "chained" => SequenceStrategy.Chained, _ => SequenceStrategy.Joint }, null),
        ("independent", SequenceStrategy.Independent, false),
    ];

    public static SequenceOptions Options(AnimatorOptions o, SequenceStrategy strategy, bool? align, int n)
    {
        var method = o.Projection switch { "pca" => SequenceMethod.Pca, "umap" => SequenceMethod.Umap, _ => SequenceMethod.Tsne };
        int iterations = o.Iterations;
        return new SequenceOptions
        {
            Method = method, Strategy = strategy, Align = align, MovementPenalty = o.MovementPenalty,
            QualityK = o.QualityK,
            Tsne = new TsneOptions
            {
                Perplexity = Math.Min(o.Perplexity, (n - 1) / 3.0),
                EarlyIterations = Math.Min(250, iterations / 3),
                Iterations = iterations,
            },
            Umap = new UmapOptions { Neighbors = Math.Min(15, n - 1) },
        };
    }

    public static ProjectedSequence Project(string name, IReadOnlyList<float[]> frames, int n, int d, SequenceOptions options, Rng rng)
    {
        var r = SequenceProjector.Project(frames, n, d, options, rng);
        float[][] xy = [.. r.Layouts.Select(l => l.Select(v => (float)v).ToArray())];
        var trust = r.Quality?.Select(q => q.Trustworthiness).ToArray() ?? [double.NaN];
        return new ProjectedSequence(name, xy, r.Stability.MovementCorrelation, trust.Average(), trust.Min(), r.Stability.MeanDisplacement);
    }

    public static SeparationByEpoch Separation(IReadOnlyList<float[]> frames, int n, int d, int[] labels, int k)
    {
        var knn = new double[frames.Count];
        var sil = new double[frames.Count];
        for (int e = 0; e < frames.Count; e++)
        {
            double[] x = NnViz.Projection.DataMatrix.ToDouble(frames[e]);
            knn[e] = ClassSeparation.KnnAccuracy(x, n, d, labels, k);
            sil[e] = ClassSeparation.Silhouette(x, n, d, labels);
        }
        return new SeparationByEpoch(knn, sil);
    }
}
