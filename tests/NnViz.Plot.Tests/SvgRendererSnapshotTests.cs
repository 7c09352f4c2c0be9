using NnViz.Testing;

namespace NnViz.Plot.Tests;

public class SvgRendererSnapshotTests
{
    [Fact]
    public void PolyFitLines() =>
        FigureSnapshot.Match(Figure.Single("1-6-1, epoch 10", SampleFigures.PolyFit("1-6-1"), 480, 360));

    [Fact]
    public void HiddenPlaneWithDecisionLine() =>
        FigureSnapshot.Match(Figure.Single("2-3-2-1, epoch 5", SampleFigures.HiddenPlane(), 480, 460,
            "The rings mapped into the 2-unit hidden layer, with the warped grid and the decision line."));

    [Fact]
    public void SmallMultiples()
    {
        var panels = new[] { "1-2-1", "1-6-1", "1-3-1-3-1" }.Select(SampleFigures.PolyFit).ToList();
        FigureSnapshot.Match(new Figure("Six fitters at the last epoch", panels, 900, 330, Columns: 3));
    }
}
