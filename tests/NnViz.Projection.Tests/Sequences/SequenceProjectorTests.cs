using NnViz.Engine;
using NnViz.Projection.Sequences;
using NnViz.Projection.Tsne;

namespace NnViz.Projection.Tests.Sequences;

public class SequenceProjectorTests
{
    private const int N = 250, D = 20, Frames = 4;
    private static readonly List<double[]> Drift = DriftingClouds.Make(new Rng(40), N, D, Frames);
    private static readonly TsneOptions ShortTsne = new() { Iterations = 500 };

    private static SequenceResult Run(SequenceMethod method, SequenceStrategy strategy) =>
        SequenceProjector.Project(Drift, N, D, new SequenceOptions { Method = method, Strategy = strategy, Tsne = ShortTsne }, new Rng(1));

    [Fact]
    public void JointTsneFollowsTheTrueMovementAndIndependentTsneDoesNot()
    {
        var joint = Run(SequenceMethod.Tsne, SequenceStrategy.Joint);
        var independent = Run(SequenceMethod.Tsne, SequenceStrategy.Independent);
        Assert.True(joint.Stability.MovementCorrelation > 0.6, $"joint {joint.Stability.MovementCorrelation}");
        Assert.True(independent.Stability.MovementCorrelation < 0.6, $"independent {independent.Stability.MovementCorrelation}");
        Assert.True(independent.Aligned && !joint.Aligned);
        Assert.True(joint.Stability.MeanDisplacement < independent.Stability.MeanDisplacement);
        Assert.All(joint.Quality!, q => Assert.True(q.Trustworthiness > 0.95));
    }

    [Fact]
    public void JointPcaMovesPointsExactlyAsTheDataMove()
    {
        // The drift lives on a plane, so one PCA of all frames recovers it and on-screen movement is the real movement.
        var joint = Run(SequenceMethod.Pca, SequenceStrategy.Joint);
        Assert.True(joint.Stability.MovementCorrelation > 0.99, $"{joint.Stability.MovementCorrelation}");
        Assert.Equal(Frames, joint.Layouts.Count);
    }

    [Fact]
    public void ProcrustesAlignmentUndoesRotationsBetweenFrames()
    {
        // Frames that are the same data rotated in the plane: independent PCA may flip axes, alignment removes it.
        var rng = new Rng(41);
        var baseFrame = Synthetic.Gaussian(rng, 100, 2);
        for (int i = 0; i < 100; i++) baseFrame[2 * i] *= 3;
        var frames = new List<double[]>();
        for (int t = 0; t < 3; t++)
        {
            var f = (double[])baseFrame.Clone();
            if (t == 1) for (int i = 0; i < 100; i++) f[2 * i] = -f[2 * i];
            frames.Add(f);
        }
        var aligned = SequenceProjector.Project(frames, 100, 2,
            new SequenceOptions { Method = SequenceMethod.Pca, Strategy = SequenceStrategy.Independent, Align = true }, new Rng(1));
        Assert.True(aligned.Stability.MeanDisplacement < 1e-9, $"{aligned.Stability.MeanDisplacement}");
    }
}
