using NnViz.Testing;

namespace NnViz.Plot.Tests;

public class ProjectionFigureTests
{
    /// <summary>Three point clouds on fixed lattices (no RNG): class k is a 5x5x2 block around its own centre.</summary>
    private static (double[] X, double[] Y, double[] Z, int[] C) Blocks()
    {
        var (x, y, z, c) = (new List<double>(), new List<double>(), new List<double>(), new List<int>());
        double[][] centres = [[0, 0, 0], [3, 1, 0.5], [1, 3, 2]];
        for (int k = 0; k < 3; k++)
            for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) for (int l = 0; l < 2; l++)
                    {
                        double a = (i - 2) * 0.3 + 0.1 * Math.Sin(7 * i + j), b = (j - 2) * 0.3 + 0.1 * Math.Cos(5 * j + i);
                        x.Add(centres[k][0] + a); y.Add(centres[k][1] + b * (1 + 0.5 * k)); z.Add(centres[k][2] + (l - 0.5) * 0.6 + 0.2 * a);
                        c.Add(k);
                    }
        return (x.ToArray(), y.ToArray(), z.ToArray(), c.ToArray());
    }

    [Fact]
    public void DensityBiplot()
    {
        var (x, y, _, c) = Blocks();
        var panel = new Panel(
        [
            new DensityContourMark(x, y, c) { ClassNames = ["T-shirt", "Trouser", "Pullover"] },
            ScatterMark.ByClass(x, y, c, radius: 1.5, opacity: 0.6),
            new ArrowMark(0, 0, 1.5, 0.4, LineStyle.Solid("#333333", 1.2), Label: "pixel 14,14"),
        ], "PCA", new Axis("PC 1"), new Axis("PC 2"), EqualAspect: true);
        FigureSnapshot.Match(Figure.Single("Density biplot", panel, 440, 400));
    }

    [Fact]
    public void KdeIntegratesToOneAndPeaksAtTheCentre()
    {
        // One class of 9 points symmetric about (0, 0): the density sums to ~1 over a wide grid and peaks at the origin.
        double[] xs = [-1, 0, 1, -1, 0, 1, -1, 0, 1], ys = [-1, -1, -1, 0, 0, 0, 1, 1, 1];
        var m = new DensityContourMark(xs, ys, new int[9]);
        double[] g = SampleFigures.Linspace(-6, 6, 121);
        double[] d = m.Density(0, g, g);
        double cell = (g[1] - g[0]) * (g[1] - g[0]);
        Assert.Equal(1.0, d.Sum() * cell, 3);
        Assert.Equal(60 * 121 + 60, Array.IndexOf(d, d.Max()));
    }

    [Fact]
    public void ThreeDScatterFromAFixedAngle()
    {
        var (x, y, z, c) = Blocks();
        var mark = new Scatter3DMark(x, y, z, new PointStyle(Radius: 3, Opacity: 0.9)) { Classes = c, ClassNames = ["a", "b", "c"], AxisLabels = ("t-SNE 1", "t-SNE 2", "t-SNE 3") };
        FigureSnapshot.Match(Figure.Single("3-D t-SNE (azimuth 35°, elevation 25°)", new Panel([mark]), 440, 400));
    }

    [Fact]
    public void ProjectionKeepsLengthsAndOrdersDepth()
    {
        var m = new Scatter3DMark([], [], [], new PointStyle()) { AzimuthDegrees = 0, ElevationDegrees = 0 };
        Assert.Equal((1.0, 0.0, 0.0), m.Project(1, 0, 0));   // x to the right
        Assert.Equal((0.0, 1.0, 0.0), m.Project(0, 0, 1));   // z up
        Assert.Equal(-1.0, m.Project(0, 1, 0).Depth);        // +y is away from the viewer
        var tilted = m with { AzimuthDegrees = 30, ElevationDegrees = 40 };
        var (u, v, d) = tilted.Project(0.3, -0.5, 0.8);
        Assert.Equal(0.3 * 0.3 + 0.5 * 0.5 + 0.8 * 0.8, u * u + v * v + d * d, 12); // a rotation
    }
}
