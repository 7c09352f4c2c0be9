namespace NnViz.Engine.Tests;

/// <summary>Central differences in double: d f / d x_i ≈ (f(x + h e_i) - f(x - h e_i)) / 2h.</summary>
internal static class GradCheck
{
    public static double[] Numeric(Func<double> f, double[] x, double h = 1e-6)
    {
        var g = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double keep = x[i];
            x[i] = keep + h; double up = f();
            x[i] = keep - h; double down = f();
            x[i] = keep;
            g[i] = (up - down) / (2 * h);
        }
        return g;
    }

    /// <summary>Asserts |a - n| <= tol * max(1, |n|) elementwise, naming the first failing index.</summary>
    public static void Close(double[] numeric, double[] analytic, double tol = 1e-6, string what = "")
    {
        Assert.Equal(numeric.Length, analytic.Length);
        for (int i = 0; i < numeric.Length; i++)
        {
            double err = Math.Abs(numeric[i] - analytic[i]) / Math.Max(1, Math.Abs(numeric[i]));
            Assert.True(err <= tol, $"{what}[{i}]: numeric {numeric[i]:R} analytic {analytic[i]:R} (rel err {err:E2})");
        }
    }

    public static void Close(float[] expected, float[] actual, double tol, string what = "")
    {
        Assert.True(expected.Length <= actual.Length, $"{what}: lengths {expected.Length} vs {actual.Length}");
        for (int i = 0; i < expected.Length; i++)
        {
            double err = Math.Abs(expected[i] - actual[i]) / Math.Max(1, Math.Abs(expected[i]));
            Assert.True(err <= tol, $"{what}[{i}]: expected {expected[i]:R} actual {actual[i]:R} (rel err {err:E2})");
        }
    }

    public static double[] Random(Rng rng, int n, double scale = 1)
    {
        var a = new double[n];
        for (int i = 0; i < n; i++) a[i] = scale * (2 * rng.NextDouble() - 1);
        return a;
    }

    public static float[] RandomF(Rng rng, int n, double scale = 1) => Array.ConvertAll(Random(rng, n, scale), v => (float)v);

    public static double Dot(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.Length; i++) s += a[i] * b[i]; return s; }
}
