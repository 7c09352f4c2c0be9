using NnViz.Lab.Experiments.EmbeddingAnimator;
using NnViz.Plot;

namespace NnViz.Lab.Tests;

public class AnimatorFiguresTests
{
    [Theory]
    [InlineData(new[] { 0.62, 0.81, 0.97 }, 0.5)]   // all above chance for two classes: 0.5 .. 1 as before
    [InlineData(new[] { 0.5, 0.7 }, 0.5)]
    [InlineData(new[] { 0.43, 0.61, 0.58 }, 0.4)]  // below 0.5: the axis reaches the next 0.1 below
    [InlineData(new[] { 0.3, 0.12 }, 0.1)]
    [InlineData(new[] { 0.0, 0.4 }, 0.0)]
    public void AccuracyAxisShowsEveryValue(double[] values, double low)
    {
        var range = AnimatorFigures.AccuracyRange(values);
        Assert.Equal(new DataRange(low, 1.0), range);
        Assert.All(values, v => Assert.InRange(v, range.Min, range.Max));
    }

    [Fact]
    public void NonFiniteValuesAreLeftOut() =>
        Assert.Equal(new DataRange(0.5, 1.0), AnimatorFigures.AccuracyRange([double.NaN, 0.9]));

    [Fact]
    public void TheSeparationFiguresKnnPanelReachesItsLowestValue()
    {
        var figure = AnimatorFigures.Separation(new SeparationByEpoch([0.44, 0.52, 0.71], [0.01, 0.05, 0.2]), "sentiment", "");
        Assert.Equal(new DataRange(0.4, 1.0), figure.Panels[0].YAxis.Range);
    }

    [Theory]
    [InlineData(0.93, 0.5)]   // as before: 0.5 .. 1
    [InlineData(0.47, 0.4)]   // a layout below 0.5 is drawn, not cut at the axis floor
    public void TheConsistencyFiguresTrustworthinessPanelReachesItsLowestValue(double independent, double low)
    {
        ProjectedSequence Seq(string name, double trust) => new(name, [], 0.7, trust, trust - 0.05, 0.1);
        var figure = AnimatorFigures.Consistency([Seq("aligned", 0.91), Seq("independent", independent)], "");
        Assert.Equal(new DataRange(-0.2, 1.0), figure.Panels[0].YAxis.Range);
        Assert.Equal(new DataRange(low, 1.0), figure.Panels[1].YAxis.Range);
        // Each bar starts at the bottom of its axis.
        Assert.All(figure.Panels[1].Marks.OfType<LineMark>().Where(m => m.Label != "target"), m => Assert.Equal(low, m.Ys[0]));
    }
}
