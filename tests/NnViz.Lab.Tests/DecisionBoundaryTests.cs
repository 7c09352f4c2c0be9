using NnViz.Lab.Experiments;
using NnViz.Lab.Experiments.DecisionBoundary;
using NnViz.Lab.Experiments.Pipeline;

namespace NnViz.Lab.Tests;

public class DecisionBoundaryTests
{
    [Fact]
    public void GridCoversTheDataBoundsWithPadding()
    {
        float[] x = [0, 0, 2, 1, 1, -1];
        var g = DecisionBoundaryKind.ProbabilityGrid.Over(x, 3, 5, 0.1);
        Assert.Equal(-0.2, g.Xs[0], 12);
        Assert.Equal(2.2, g.Xs[^1], 12);
        Assert.Equal(-1.2, g.Ys[0], 12);
        Assert.Equal(1.2, g.Ys[^1], 12);
        var pts = g.Points();
        Assert.Equal(50, pts.Length);
        // Row-major with y rows: the second point moves along x, point 5 starts the second y row.
        Assert.Equal(((float)g.Xs[1], (float)g.Ys[0]), (pts[2], pts[3]));
        Assert.Equal(((float)g.Xs[0], (float)g.Ys[1]), (pts[10], pts[11]));
    }

    [Fact]
    public void AccuracyThresholdsAtOneHalf()
    {
        // 0.5 counts as class 1, as the 0.5 boundary drawn on the page.
        Assert.Equal(0.75, Accuracy.Binary([0.1f, 0.5f, 0.49f, 0.9f], [0, 1, 1, 1]));
        Assert.Equal(0.0, Accuracy.Binary([0.9f, 0.2f], [0, 1]));
    }

    [Fact]
    public void KindIsRegistered() =>
        Assert.IsType<DecisionBoundaryKind>(ExperimentKinds.ByName["decision-boundary"]);
}
