using NnViz.Testing;

namespace NnViz.Plot.Tests;

public class SvgRendererSnapshotTests
{
    [Fact]
    public void PolyFitLines() =>
        Snapshot.Match(SvgRenderer.Render(Figure.Single("1-6-1, epoch 10", SampleFigures.PolyFit("1-6-1"), 480, 360)), "svg");

    [Fact]
    public void HiddenPlaneWithDecisionLine() =>
        Snapshot.Match(SvgRenderer.Render(Figure.Single("2-3-2-1, epoch 5", SampleFigures.HiddenPlane(), 480, 460,
            "The rings mapped into the 2-unit hidden layer, with the warped grid and the decision line.")), "svg");

    [Fact]
    public void SmallMultiples()
    {
        var panels = new[] { "1-2-1", "1-6-1", "1-3-1-3-1" }.Select(SampleFigures.PolyFit).ToList();
        Snapshot.Match(SvgRenderer.Render(new Figure("Six fitters at the last epoch", panels, 900, 330, Columns: 3)), "svg");
    }
}
