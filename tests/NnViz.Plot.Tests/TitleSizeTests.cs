using NnViz.Plot;

namespace NnViz.Plot.Tests;

public class TitleSizeTests
{
    [Fact]
    public void ShortTitlesKeepSixteenPixels() =>
        Assert.Equal(16, SvgRenderer.TitleSize("Test MSE by epoch", 720));

    [Fact]
    public void LongTitlesShrinkToFitButNotBelowNine()
    {
        string title = "B1 · Two moons: the decision boundary forming, epoch by epoch: epoch 100 of 100";
        double size = SvgRenderer.TitleSize(title, 600);
        Assert.InRange(size, 9, 15.9);
        Assert.True(SvgRenderer.TitleSize(title, 1200) > size);                // more room, larger title
        Assert.Equal(9, SvgRenderer.TitleSize(new string('x', 500), 300));
    }

    [Fact]
    public void RenderedSvgUsesTheShrunkSize()
    {
        string title = new('T', 120);
        string svg = SvgRenderer.Render(Figure.Single(title, new Panel([new LineMark([0.0, 1.0], [0.0, 1.0], "#000000")]), 400, 300));
        Assert.Contains("font-size=\"9\"", svg);
        Assert.Contains("font-family=\"DejaVu Sans\"", svg);
    }
}
