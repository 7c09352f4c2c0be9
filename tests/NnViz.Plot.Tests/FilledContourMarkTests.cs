using NnViz.Testing;

namespace NnViz.Plot.Tests;

public class FilledContourMarkTests
{
    private static double Area((double[] X, double[] Y) p)
    {
        double s = 0;
        for (int k = 0; k < p.X.Length; k++)
        {
            int m = (k + 1) % p.X.Length;
            s += p.X[k] * p.Y[m] - p.X[m] * p.Y[k];
        }
        return Math.Abs(s) / 2;
    }

    private static (double[] Xs, double[] Ys, double[] V) Field(int n, Func<double, double, double> f)
    {
        double[] xs = [.. Enumerable.Range(0, n).Select(i => (double)i / (n - 1))];
        var v = new double[n * n];
        for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) v[j * n + i] = f(xs[i], xs[j]);
        return (xs, xs, v);
    }

    [Fact]
    public void BandOfALinearFieldIsTheExactStrip()
    {
        // v = x on [0, 2] x [0, 1]: the band 0.5 <= v <= 1.5 is the strip 0.5 <= x <= 1.5 of area 1.
        double[] xs = [0, 1, 2], ys = [0, 1];
        double[] v = [0, 1, 2, 0, 1, 2];
        Assert.Equal(1.0, MarchingSquares.Band(xs, ys, v, 0.5, 1.5).Sum(Area), 12);
        // The level line x = 0.5 comes in pieces (one per triangle of the cell), all on x = 0.5, of total length 1.
        var line = MarchingSquares.Line(xs, ys, v, 0.5);
        Assert.All(line, s => Assert.Equal((0.5, 0.5), (s.X0, s.X1)));
        Assert.Equal(1.0, line.Sum(s => Math.Abs(s.Y1 - s.Y0)), 12);
    }

    [Fact]
    public void BandsPartitionTheGrid()
    {
        var (xs, ys, v) = Field(11, (x, y) => Math.Sin(3 * x) * Math.Cos(4 * y));
        var levels = FilledContourMark.EvenLevels(-1, 1, 0.1);
        double total = 0;
        for (int k = 0; k + 1 < levels.Length; k++) total += MarchingSquares.Band(xs, ys, v, levels[k], levels[k + 1]).Sum(Area);
        Assert.Equal(1.0, total, 9);
    }

    [Fact]
    public void QuarterCircleLevelLineLiesOnTheCircle()
    {
        // v = x^2 + y^2; edges are interpolated linearly, so crossings sit near (not on) radius 0.8: within a cell's error.
        var (xs, ys, v) = Field(41, (x, y) => x * x + y * y);
        var segs = MarchingSquares.Line(xs, ys, v, 0.64);
        Assert.True(segs.Count > 20);
        foreach (var s in segs) Assert.InRange(Math.Sqrt(s.X0 * s.X0 + s.Y0 * s.Y0), 0.795, 0.805);
    }

    [Fact]
    public void EvenLevelsAreRounded() =>
        Assert.Equal([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0], FilledContourMark.EvenLevels(0, 1, 0.1));

    [Fact]
    public void ProbabilityContoursWithColorBar()
    {
        var (xs, ys, v) = Field(21, (x, y) => 1 / (1 + Math.Exp(-8 * (x - 0.3 - 0.4 * y * y))));
        var mark = new FilledContourMark(xs, ys, v, FilledContourMark.EvenLevels(0, 1, 0.1), ColorMap.RdBu)
        {
            Opacity = 0.8,
            Boundary = new LineStyle("#111111", 2),
            Bar = new ColorBar("P(class B)", "← class A", "class B →", LegendPosition.TopLeft),
        };
        var panel = new Panel([mark], "sigmoid field", new Axis("x1"), new Axis("x2"), EqualAspect: true, Legend: LegendPosition.BottomRight);
        FigureSnapshot.Match(Figure.Single("Filled contours", panel, 420, 420));
    }
}
