using NnViz.Engine;

namespace NnViz.Data;

/// <summary>
/// Generated numeric sets that need no files. Every generator draws from the caller's <see cref="Rng"/> and
/// advances it (as a numpy Generator would), so two calls give two different sets: pass
/// <c>rng.Fork("train")</c> and <c>rng.Fork("test")</c> to make each set independent of the other's size.
/// </summary>
public static partial class Synthetic
{
    /// <summary>
    /// The polynomial of seed 003 (A1): y = x^4 - 3x^2 + x + 1, as ascending coefficients
    /// (<c>coefficients[k]</c> multiplies x^k).
    /// </summary>
    public static IReadOnlyList<double> PaperPolynomial { get; } = [1.0, 1.0, -3.0, 0.0, 1.0];

    /// <summary>Evaluates the polynomial with ascending coefficients at x by Horner's rule, in double.</summary>
    public static double EvaluatePolynomial(IReadOnlyList<double> coefficients, double x)
    {
        double y = 0;
        for (int k = coefficients.Count - 1; k >= 0; k--) y = y * x + coefficients[k];
        return y;
    }

    /// <summary>
    /// n training points with x ~ U[lo, hi) and y = p(x) (no noise), one input and one output column.
    /// y is computed from the stored float x, so the target is exact for the value the network sees.
    /// </summary>
    public static Dataset Polynomial(Rng rng, int n, IReadOnlyList<double> coefficients, double lo = -2, double hi = 2)
    {
        CheckCount(n, nameof(n));
        if (coefficients.Count == 0) throw new ArgumentException("at least one coefficient is needed", nameof(coefficients));
        if (!(hi > lo)) throw new ArgumentException($"need lo < hi, got [{lo}, {hi}]");
        var x = new float[n];
        var y = new float[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = (float)rng.Uniform(lo, hi);
            y[i] = (float)EvaluatePolynomial(coefficients, x[i]);
        }
        return new Dataset("polynomial", x, n, 1, y, 1);
    }

    /// <summary>The test curve: <paramref name="points"/> x values of linspace(lo, hi) (both ends included) and p(x).</summary>
    public static Dataset PolynomialCurve(IReadOnlyList<double> coefficients, double lo = -2, double hi = 2, int points = 400)
    {
        CheckCount(points, nameof(points));
        var x = new float[points];
        var y = new float[points];
        for (int i = 0; i < points; i++)
        {
            x[i] = (float)Linspace(lo, hi, points, i);
            y[i] = (float)EvaluatePolynomial(coefficients, x[i]);
        }
        return new Dataset("polynomial-curve", x, points, 1, y, 1);
    }

    /// <summary>The i-th of n evenly spaced values from lo to hi inclusive, as numpy.linspace computes it.</summary>
    internal static double Linspace(double lo, double hi, int n, int i)
    {
        if (n == 1) return lo;
        if (i == n - 1) return hi; // numpy sets the endpoint exactly
        double step = (hi - lo) / (n - 1);
        return lo + i * step;
    }

    private static void CheckCount(int n, string name)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(name, n, "must be positive");
    }
}
