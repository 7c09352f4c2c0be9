namespace NnViz.Plot.Tests;

public class NiceTicksTests
{
    [Theory]
    // Heckbert 1990: ceiling to 1, 2, 5, 10 (round = false) and nearest (round = true, cut points 1.5, 3, 7).
    [InlineData(0.7, false, 1.0)]
    [InlineData(1.0, false, 1.0)]
    [InlineData(1.2, false, 2.0)]
    [InlineData(4.1, false, 5.0)]
    [InlineData(5.1, false, 10.0)]
    [InlineData(1.4, true, 1.0)]
    [InlineData(2.9, true, 2.0)]
    [InlineData(3.0, true, 5.0)]
    [InlineData(6.9, true, 5.0)]
    [InlineData(7.0, true, 10.0)]
    [InlineData(0.034, true, 0.05)]
    [InlineData(2300, false, 5000)]
    public void NiceNumberFollowsHeckbert(double x, bool round, double expected) =>
        Assert.Equal(expected, NiceTicks.NiceNumber(x, round), 12);

    [Fact]
    public void LooseLabelsOfHeckbertsExample()
    {
        // Heckbert's own example: data 105..543 with 5 ticks -> range 100..600 by 100.
        var (range, ticks) = NiceTicks.Loose(105, 543, 5);
        Assert.Equal(new DataRange(100, 600), range);
        Assert.Equal([100, 200, 300, 400, 500, 600], ticks.Values);
        Assert.Equal(0, ticks.Decimals);
    }

    [Fact]
    public void DecimalStepsPrintExactly()
    {
        var (range, ticks) = NiceTicks.Loose(0, 1, 11);
        Assert.Equal(new DataRange(0, 1), range);
        Assert.Equal(0.1, ticks.Step, 15);
        Assert.Equal(1, ticks.Decimals);
        Assert.Equal("0.3", ticks.Label(ticks.Values[3]));
        Assert.Equal(0.3, ticks.Values[3]); // k * step rounded, not 0.30000000000000004
    }

    [Fact]
    public void NegativeZeroLabelIsZero()
    {
        var ticks = NiceTicks.Tight(new DataRange(-1, 1), 5);
        Assert.Equal(["-1.0", "-0.5", "0.0", "0.5", "1.0"], ticks.Values.Select(ticks.Label));
    }

    [Fact]
    public void TightTicksStayInsideAFixedRange()
    {
        var ticks = NiceTicks.Tight(new DataRange(-1.2, 1.2), 5);
        Assert.Equal([-1, -0.5, 0, 0.5, 1], ticks.Values);
    }

    [Theory]
    [InlineData(3.0, 2.0, 4.0)]
    [InlineData(0.0, -1.0, 1.0)]
    public void ZeroWidthRangeIsWidened(double v, double lo, double hi)
    {
        var (range, ticks) = NiceTicks.Loose(v, v, 5);
        Assert.True(range.Min <= lo && range.Max >= hi, $"{range} should contain [{lo}, {hi}]");
        Assert.True(ticks.Values.Length >= 2);
    }

    [Fact]
    public void NonFiniteDataFallsBackToUnitRange()
    {
        var (range, _) = NiceTicks.Loose(double.NaN, double.PositiveInfinity, 5);
        Assert.Equal(new DataRange(0, 1), range);
    }
}
