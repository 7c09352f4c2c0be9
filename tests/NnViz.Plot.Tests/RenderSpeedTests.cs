using System.Diagnostics;

namespace NnViz.Plot.Tests;

public class RenderSpeedTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void HundredFramesOfThreeThousandPointsRenderQuickly()
    {
        // An A2-sized animation: 3000 points by class + a 21 + 21 line warped grid of 100 points each + decision line.
        const int n = 3000, frames = 100;
        var xs = new double[n];
        var ys = new double[n];
        var cls = new int[n];
        double[] t = SampleFigures.Linspace(-1, 1, 100);
        double[][] gx = [.. Enumerable.Range(0, 42).Select(k => k < 21 ? t : Enumerable.Repeat(-1 + k % 21 * 0.1, 100).ToArray())];
        double[][] gy = [.. Enumerable.Range(0, 42).Select(k => k < 21 ? Enumerable.Repeat(-1 + k * 0.1, 100).ToArray() : t)];
        long bytes = 0;
        double cpu0 = ThreadCpuSeconds();
        var sw = Stopwatch.StartNew();
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
            bytes += SvgRenderer.Render(Figure.Single("rings", panel)).Length;
        }
        sw.Stop();
        double cpu = ThreadCpuSeconds() - cpu0;
        output.WriteLine($"100 frames: {cpu:F3} s CPU, {sw.Elapsed.TotalSeconds:F3} s wall, {bytes / frames} bytes per frame");
        // CPU time of this thread, not wall time: other test classes (ffmpeg exports) and other processes share the
        // 2 cores. A guard against gross regressions (a custom number format string made this 20x slower), with room
        // for Debug builds; the figure to aim for is well under a second in Release (see the report).
        Assert.True(cpu < 4, $"100 frames took {cpu:F2} s of CPU ({sw.Elapsed.TotalSeconds:F2} s wall)");
        Assert.InRange(bytes / frames, 100_000, 400_000);
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
