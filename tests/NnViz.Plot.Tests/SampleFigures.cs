namespace NnViz.Plot.Tests;

/// <summary>Small fixed figures shaped like the A1 and A2 experiments, built from closed-form data (no RNG needed).</summary>
internal static class SampleFigures
{
    public static double[] Linspace(double a, double b, int n) =>
        Enumerable.Range(0, n).Select(i => a + (b - a) * i / (n - 1)).ToArray();

    /// <summary>A1: the target polynomial and a tanh-shaped "model" curve.</summary>
    public static Panel PolyFit(string title)
    {
        double[] x = Linspace(-2, 2, 41);
        double[] target = x.Select(v => v * v * v * v - 3 * v * v + v + 1).ToArray();
        double[] model = x.Select(v => 2 * Math.Tanh(v) - 0.5).ToArray();
        return new Panel(
            [new LineMark(x, target, LineStyle.Solid(Palettes.OkabeIto[4], 2), "target"),
             new LineMark(x, model, LineStyle.Dashed(Palettes.OkabeIto[5], 2), "model")],
            title, new Axis("x"), new Axis("y"));
    }

    /// <summary>A2: two rings, a warped grid, a decision line, a misclassified point, an arrow and a text.</summary>
    public static Panel HiddenPlane()
    {
        int n = 24;
        double[] t = Linspace(0, 2 * Math.PI, n + 1)[..n];
        double[] xs = [.. t.Select(Math.Cos), .. t.Select(a => 0.5 * Math.Cos(a))];
        double[] ys = [.. t.Select(Math.Sin), .. t.Select(a => 0.5 * Math.Sin(a))];
        int[] cls = [.. Enumerable.Repeat(1, n), .. Enumerable.Repeat(0, n)];
        double[] g = Linspace(-1, 1, 5);
        double[][] gx = [.. g.Select(v => Linspace(-1, 1, 9).Select(u => Math.Tanh(1.5 * u)).ToArray()), .. g.Select(v => Enumerable.Repeat(Math.Tanh(1.5 * v), 9).ToArray())];
        double[][] gy = [.. g.Select(v => Enumerable.Repeat(Math.Tanh(1.5 * v), 9).ToArray()), .. g.Select(v => Linspace(-1, 1, 9).Select(u => Math.Tanh(1.5 * u)).ToArray())];
        return new Panel(
            [
                new PolylineSetMark(gx, gy, new LineStyle("#999999", 0.75), "warped grid"),
                ScatterMark.ByClass(xs, ys, cls, ["inner ring", "outer ring"]) with { Key = "rings" },
                new ScatterMark([0.7], [0.7], new PointStyle("#000000", 5, Shape: MarkerShape.Cross), "misclassified"),
                new LineEquationMark(1, 1, -0.75, LineStyle.Solid("#222222", 2), "decision line"),
                new ArrowMark(-1, -1, -0.5, -0.5, LineStyle.Solid("#cc79a7"), Label: "A"),
                new TextMark(0, 0, "origin <0,0>", new TextStyle(Size: 10, Anchor: TextAnchor.Middle), Dy: -6),
            ],
            "hidden plane", new Axis("h1", new DataRange(-1.2, 1.2)), new Axis("h2", new DataRange(-1.2, 1.2)), EqualAspect: true);
    }
}
