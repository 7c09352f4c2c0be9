using System.Globalization;
using System.Text.RegularExpressions;
namespace NnViz.Plot.Tests;

public class LineClipTests
{
    private static readonly DataRange Unit = new(-1, 1);

    [Fact]
    public void DiagonalLineEndsAtOppositeCorners()
    {
        // x - y = 0 meets [-1,1]^2 exactly at its corners (each found from two edges).
        var s = LineClip.Clip(1, -1, 0, Unit, Unit);
        Assert.Equal(new Segment(-1, -1, 1, 1), s);
    }

    [Fact]
    public void ObliqueLineCrossesTwoEdges()
    {
        // x + y - 0.75 = 0: enters at the top edge (y = 1, x = -0.25) and leaves at the right edge (x = 1, y = -0.25).
        var s = LineClip.Clip(1, 1, -0.75, Unit, Unit)!.Value;
        Assert.Equal(-0.25, s.X1, 12);
        Assert.Equal(1.0, s.Y1, 12);
        Assert.Equal(1.0, s.X2, 12);
        Assert.Equal(-0.25, s.Y2, 12);
    }

    [Fact]
    public void VerticalAndHorizontalLines()
    {
        // 2x - 1 = 0 -> x = 0.5 (b = 0); 3y + 1.5 = 0 -> y = -0.5 (a = 0).
        Assert.Equal(new Segment(0.5, -1, 0.5, 1), LineClip.Clip(2, 0, -1, Unit, Unit));
        Assert.Equal(new Segment(-1, -0.5, 1, -0.5), LineClip.Clip(0, 3, 1.5, Unit, Unit));
    }

    [Fact]
    public void LineOutsideTheBoxOrDegenerateGivesNothing()
    {
        Assert.Null(LineClip.Clip(1, 1, -5, Unit, Unit));      // x + y = 5
        Assert.Null(LineClip.Clip(1, 1, -2, Unit, Unit));      // touches the corner (1, 1) only
        Assert.Null(LineClip.Clip(0, 0, 1, Unit, Unit));       // no line at all
        Assert.Null(LineClip.Clip(double.NaN, 1, 0, Unit, Unit));
    }

    [Fact]
    public void EndsLieOnTheLineForAnAsymmetricBox()
    {
        // A logistic unit's boundary 0.8 h1 - 2.5 h2 + 0.3 = 0 in a box [0, 3] x [-0.5, 2].
        var x = new DataRange(0, 3);
        var y = new DataRange(-0.5, 2);
        var s = LineClip.Clip(0.8, -2.5, 0.3, x, y)!.Value;
        Assert.Equal(0, 0.8 * s.X1 - 2.5 * s.Y1 + 0.3, 12);
        Assert.Equal(0, 0.8 * s.X2 - 2.5 * s.Y2 + 0.3, 12);
        Assert.Equal((0.0, 3.0), (s.X1, s.X2)); // it crosses the left and right edges
    }

    [Fact]
    public void DecisionLineMarkIsClippedInTheSvg()
    {
        var panel = new Panel([new LineEquationMark(1, -1, 0, LineStyle.Solid("#111111"))], "",
            new Axis("", new DataRange(-1, 1)), new Axis("", new DataRange(-1, 1)));
        string svg = SvgRenderer.Render(new Figure("", [panel], 200, 200));
        // The line y = x runs exactly from the data area's lower-left to its upper-right corner (the plot's clip rectangle).
        var clip = Regex.Match(svg, "<clipPath id=\"[^\"]+\">\\s*<rect x=\"([0-9.]+)\" y=\"([0-9.]+)\" width=\"([0-9.]+)\" height=\"([0-9.]+)\"");
        Assert.True(clip.Success, "no clip rectangle in the SVG");
        double[] r = [.. Enumerable.Range(1, 4).Select(k => double.Parse(clip.Groups[k].Value, CultureInfo.InvariantCulture))];
        var line = Regex.Match(svg, "stroke=\"#111\"[^>]* d=\"M([0-9.]+) ([0-9.]+)L([0-9.]+) ([0-9.]+)\"");
        Assert.True(line.Success, "no two-point path in #111111 in the SVG");
        double[] p = [.. Enumerable.Range(1, 4).Select(k => double.Parse(line.Groups[k].Value, CultureInfo.InvariantCulture))];
        Assert.Equal(r[0], p[0], 0.6);
        Assert.Equal(r[1] + r[3], p[1], 0.6);
        Assert.Equal(r[0] + r[2], p[2], 0.6);
        Assert.Equal(r[1], p[3], 0.6);
    }
}
