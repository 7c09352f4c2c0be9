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
            Bar = new ColorBar("P(class B)", "← class A", "class B →"),
        };
        var panel = new Panel([mark], "sigmoid field", new Axis("x1"), new Axis("x2"), EqualAspect: true, Legend: LegendPosition.BottomRight);
        FigureSnapshot.Match(Figure.Single("Filled contours", panel, 420, 420));
    }

    /// <summary>
    /// The bar goes on the side it names: a field all in the lowest band leaves the top band's colour to the bar alone,
    /// so the box of those pixels in the PNG says where the bar is drawn and which way it runs.
    /// </summary>
    [Theory]
    [InlineData(ColorBarSide.Right)]
    [InlineData(ColorBarSide.Left)]
    [InlineData(ColorBarSide.Bottom)]
    [InlineData(ColorBarSide.Top)]
    public void ColorBarSitsOnTheSideItNames(ColorBarSide side)
    {
        var (xs, ys, v) = Field(11, (x, y) => 0.05);
        var mark = new FilledContourMark(xs, ys, v, FilledContourMark.EvenLevels(0, 1, 0.1), ColorMap.RdBu)
        { Bar = new ColorBar("P(class B)", "class A", "class B", side) };
        var figure = Figure.Single("", new Panel([mark], "", new Axis("x1"), new Axis("x2"), Legend: LegendPosition.None), 400, 400);
        using var bmp = SkiaSharp.SKBitmap.Decode(PngRenderer.Render(figure));
        var (x0, y0, x1, y1) = BoxOf(bmp, mark.BandColor(9));
        var (lx0, ly0, lx1, ly1) = BoxOf(bmp, mark.BandColor(0)); // the data area (and the bar's low end)
        Assert.True(x1 >= x0, $"no pixel of the top band's colour ({side})");
        bool vertical = side is ColorBarSide.Right or ColorBarSide.Left;
        Assert.True(vertical ? y1 - y0 > 3 * (x1 - x0) : x1 - x0 > 3 * (y1 - y0), $"{side}: high end box {x0},{y0}-{x1},{y1}");
        switch (side)
        {
            case ColorBarSide.Right: Assert.True(x0 > 300 && y0 < 150, $"{x0},{y0}"); break; // high end at the top
            case ColorBarSide.Left: Assert.True(x1 < 100 && y0 < 150, $"{x1},{y0}"); break;
            case ColorBarSide.Bottom: Assert.True(y0 > 300 && x0 > 200, $"{x0},{y0}"); break; // high end on the right
            case ColorBarSide.Top: Assert.True(y1 < 100 && x0 > 200, $"{x0},{y1}"); break;
        }
        Assert.True(lx1 - lx0 > 200 && ly1 - ly0 > 200, "the data area is drawn in the lowest band's colour");
    }

    private static (int X0, int Y0, int X1, int Y1) BoxOf(SkiaSharp.SKBitmap bmp, Rgb c)
    {
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
        for (int y = 0; y < bmp.Height; y++)
            for (int x = 0; x < bmp.Width; x++)
            {
                var p = bmp.GetPixel(x, y);
                if (Math.Abs(p.Red - c.R) > 2 || Math.Abs(p.Green - c.G) > 2 || Math.Abs(p.Blue - c.B) > 2) continue;
                (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
            }
        return (x0, y0, x1, y1);
    }
}
