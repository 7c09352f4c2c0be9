namespace NnViz.Plot.Tests;

/// <summary>
/// The band polygons are exactly those of clipping every cell's four triangles (the plain algorithm, written out
/// here as the reference): skipping the cells wholly outside a band changes no coordinate, order or count.
/// </summary>
public class MarchingSquaresBandTests
{
    private static List<(double[] X, double[] Y)> Reference(double[] xs, double[] ys, double[] v, double lo, double hi)
    {
        int nx = xs.Length, ny = ys.Length;
        var result = new List<(double[] X, double[] Y)>();
        bool In(double a) => a >= lo && a <= hi;
        for (int j = 0; j + 1 < ny; j++)
        {
            int run = -1;
            for (int i = 0; i + 1 < nx; i++)
            {
                double[] cv = [v[j * nx + i], v[j * nx + i + 1], v[(j + 1) * nx + i + 1], v[(j + 1) * nx + i]];
                if (cv.All(In)) { if (run < 0) run = i; continue; }
                if (run >= 0) { result.Add(([xs[run], xs[i], xs[i], xs[run]], [ys[j], ys[j], ys[j + 1], ys[j + 1]])); run = -1; }
                double[] cx = [xs[i], xs[i + 1], xs[i + 1], xs[i]], cy = [ys[j], ys[j], ys[j + 1], ys[j + 1]];
                double mx = (xs[i] + xs[i + 1]) / 2, my = (ys[j] + ys[j + 1]) / 2, mv = (cv[0] + cv[1] + cv[2] + cv[3]) / 4;
                for (int k = 0; k < 4; k++)
                {
                    int m = (k + 1) % 4;
                    var (x1, y1, v1) = Half([cx[k], cx[m], mx], [cy[k], cy[m], my], [cv[k], cv[m], mv], lo, true);
                    var (x2, y2, _) = Half(x1, y1, v1, hi, false);
                    if (x2.Length >= 3) result.Add((x2, y2));
                }
            }
            if (run >= 0) result.Add(([xs[run], xs[nx - 1], xs[nx - 1], xs[run]], [ys[j], ys[j], ys[j + 1], ys[j + 1]]));
        }
        return result;
    }

    private static (double[], double[], double[]) Half(double[] x, double[] y, double[] v, double t, bool above)
    {
        List<double> ox = [], oy = [], ov = [];
        for (int k = 0; k < x.Length; k++)
        {
            int m = (k + 1) % x.Length;
            bool inK = above ? v[k] >= t : v[k] <= t, inM = above ? v[m] >= t : v[m] <= t;
            if (inK) { ox.Add(x[k]); oy.Add(y[k]); ov.Add(v[k]); }
            if (inK != inM && double.IsFinite(v[k]) && double.IsFinite(v[m]))
            {
                double s = (t - v[k]) / (v[m] - v[k]);
                ox.Add(x[k] + s * (x[m] - x[k])); oy.Add(y[k] + s * (y[m] - y[k])); ov.Add(t);
            }
        }
        return ([.. ox], [.. oy], [.. ov]);
    }

    [Fact]
    public void BandsAreThoseOfClippingEveryCell()
    {
        const int n = 61;
        double[] xs = [.. Enumerable.Range(0, n).Select(i => -1.5 + 3.0 * i / (n - 1))];
        var v = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
                v[j * n + i] = 1 / (1 + Math.Exp(-4 * (Math.Sin(2 * xs[i]) - xs[j])));   // a decision surface in (0, 1)
        for (int i = 0; i < 5; i++) v[30 * n + 10 + i] = 0.5;   // a plateau exactly on a level
        v[40 * n + 40] = double.NaN;                             // a hole
        double[] levels = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
        int polygons = 0;
        for (int k = 0; k + 1 < levels.Length; k++)
        {
            var expected = Reference(xs, xs, v, levels[k], levels[k + 1]);
            var actual = MarchingSquares.Band(xs, xs, v, levels[k], levels[k + 1]);
            Assert.Equal(expected.Count, actual.Count);
            for (int p = 0; p < expected.Count; p++)
            {
                Assert.Equal(expected[p].X, actual[p].X);
                Assert.Equal(expected[p].Y, actual[p].Y);
            }
            polygons += actual.Count;
        }
        Assert.True(polygons > 1000, $"{polygons} polygons: the field should cross every band");
    }
}
