using System.Diagnostics;

namespace NnViz.Plot.Tests;

public class RenderSpeedTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void HundredFramesOfThreeThousandPointsAsSvgAndPng()
    {
        // An A2-sized animation: 3000 points by class + a 21 + 21 line warped grid of 100 points each + decision line.
        const int n = 3000, frames = 100;
        var xs = new double[n];
        var ys = new double[n];
        var cls = new int[n];
        double[] t = SampleFigures.Linspace(-1, 1, 100);
        double[][] gx = [.. Enumerable.Range(0, 42).Select(k => k < 21 ? t : Enumerable.Repeat(-1 + k % 21 * 0.1, 100).ToArray())];
        double[][] gy = [.. Enumerable.Range(0, 42).Select(k => k < 21 ? Enumerable.Repeat(-1 + k * 0.1, 100).ToArray() : t)];
        long svgBytes = 0, pngBytes = 0;
        double svgCpu = 0, pngCpu = 0;
        for (int f = 0; f < frames; f++)
        {
            for (int i = 0; i < n; i++)
            {
                double a = i * 0.0021 + f * 0.01, r = i % 2 == 0 ? 1 : 0.5;
                xs[i] = r * Math.Cos(a);
                ys[i] = r * Math.Sin(a);
                cls[i] = i % 2;
            }
            var panel = new Panel(
                [new PolylineSetMark(gx, gy, new LineStyle("#999999", 0.5)), ScatterMark.ByClass(xs, ys, cls, ["inner", "outer"], 2),
                 new LineEquationMark(1, 0.5, -0.1 * f / frames, LineStyle.Solid("#111111", 2))],
                $"epoch {f}", EqualAspect: true);
            var figure = Figure.Single("rings", panel, 800, 600);
            double c0 = ThreadCpuSeconds();
            string svg = SvgRenderer.Render(figure);
            double c1 = ThreadCpuSeconds();
            byte[] png = PngRenderer.Render(figure, PngEncoding.Fast);
            double c2 = ThreadCpuSeconds();
            svgCpu += c1 - c0;
            pngCpu += c2 - c1;
            svgBytes += svg.Length;
            pngBytes += png.Length;
            // Every point is drawn: one shape per point in the SVG (plus the two legend swatches).
            if (f == 0) Assert.Equal(n + 2, svg.Split("<circle").Length + svg.Split("<ellipse").Length - 2);
            Assert.Equal("#ffffff", FigureSnapshot.PixelAt(png, 2, 2));
        }
        // A measurement, not a timing assertion (the 2 cores are shared): CPU time of this thread per frame.
        output.WriteLine($"{frames} frames of {n} points at 800x600: SVG {svgCpu * 1000 / frames:F1} ms CPU and {svgBytes / frames} bytes per frame; " +
            $"PNG (fast encoding) {pngCpu * 1000 / frames:F1} ms CPU and {pngBytes / frames} bytes per frame");
    }

    /// <summary>User + system CPU seconds of the calling thread (Linux /proc; elsewhere the process's, a looser bound).</summary>
    private static double ThreadCpuSeconds()
    {
        const string stat = "/proc/thread-self/stat";
        if (!File.Exists(stat)) return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        string text = File.ReadAllText(stat);
        string[] f = text[(text.LastIndexOf(')') + 2)..].Split(' '); // fields after "(comm)": state is f[0], utime f[11], stime f[12]
        return (long.Parse(f[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(f[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
    }
}
