using NnViz.Projection.Quality;
using NnViz.Projection.Tsne;
using NnViz.Projection.Umap;

namespace NnViz.Projection.Sequences;

public enum SequenceMethod { Pca, Tsne, Umap }

/// <summary>
/// How the frames of an animation are laid out: <c>Independent</c> fits every frame alone; <c>Chained</c> starts each
/// frame from the previous frame's layout; <c>Joint</c> is one fit over all frames stacked (N x frames points), split
/// back into frames, so a point that stays put in the data stays put on screen; <c>Dynamic</c> optimises all frames in
/// lockstep with a penalty on each point's movement between consecutive frames (dynamic t-SNE, Rauber et al. 2016;
/// in the spirit of umap-learn's AlignedUMAP). For PCA, Joint and Dynamic are both one PCA of all frames stacked.
/// </summary>
public enum SequenceStrategy { Independent, Chained, Joint, Dynamic }

/// <summary>
/// Settings of a sequence projection. <see cref="Align"/> applies Procrustes (rotation, reflection, translation)
/// of every frame onto the previous aligned frame as a last step, for any strategy; null (the default) aligns the
/// frame-by-frame strategies only, since joint layouts already share one frame and aligning them would remove real
/// common movement. <see cref="MovementPenalty"/>
/// is the joint strategy's weight: the penalty's gradient on point i of frame t is (penalty / n) (2 y_t - y_t-1 - y_t+1)
/// in the units of the method's own gradient.
/// </summary>
public sealed record SequenceOptions
{
    public SequenceMethod Method { get; init; } = SequenceMethod.Tsne;
    public SequenceStrategy Strategy { get; init; } = SequenceStrategy.Joint;
    public bool? Align { get; init; }
    public int Components { get; init; } = 2;
    public double MovementPenalty { get; init; } = 1.0;
    public TsneOptions Tsne { get; init; } = new();
    public UmapOptions Umap { get; init; } = new();
    public bool ComputeQuality { get; init; } = true;
    public int QualityK { get; init; } = 10;
}

/// <summary>Per-frame layouts (each N x Components), per-frame neighbourhood quality (when computed) and the sequence's stability.</summary>
public sealed record SequenceResult(
    IReadOnlyList<double[]> Layouts, int N, int Components, SequenceMethod Method, SequenceStrategy Strategy, bool Aligned,
    StabilityScores Stability, IReadOnlyList<NeighborhoodScores>? Quality);
