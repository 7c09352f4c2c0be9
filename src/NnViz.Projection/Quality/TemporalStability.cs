using NnViz.Projection.Linear;

namespace NnViz.Projection.Quality;

/// <summary>
/// Stability of an animated sequence of layouts. <see cref="MovementCorrelation"/> is the mean over consecutive
/// frame pairs of the Pearson correlation between each point's movement in the data and on screen (Vernier et al.,
/// EuroVis 2020: about -0.1 for independent per-epoch t-SNE, 0.5-0.7 for one fit over all epochs);
/// <see cref="MeanDisplacement"/> is the mean on-screen movement per point after Procrustes alignment of each frame
/// onto the previous one (rotation, reflection and translation; no scaling), in units of the sequence's RMS radius.
/// The correlation uses the frames as drawn: a viewer sees them unaligned unless the strategy aligned them.
/// </summary>
public sealed record StabilityScores(
    double MovementCorrelation, double[] PerTransitionCorrelation,
    double MeanDisplacement, double[] PerTransitionDisplacement);

public static class TemporalStability
{
    /// <summary>
    /// <paramref name="high"/>[t] is frame t's data (n x dHigh, the same points in the same order and the same
    /// space every frame); <paramref name="low"/>[t] its layout (n x dLow).
    /// </summary>
    public static StabilityScores Compute(IReadOnlyList<double[]> high, int n, int dHigh, IReadOnlyList<double[]> low, int dLow)
    {
        if (high.Count != low.Count) throw new ArgumentException($"frames: {high.Count} data frames but {low.Count} layouts");
        if (high.Count < 2) throw new ArgumentException("temporal stability needs at least two frames");
        int transitions = high.Count - 1;
        var corr = new double[transitions];
        var disp = new double[transitions];
        var moveHigh = new double[n];
        var moveLow = new double[n];
        double radius = RmsRadius(low, n, dLow);
        for (int t = 0; t < transitions; t++)
        {
            DataMatrix.Check(high[t + 1], n, dHigh, $"high[{t + 1}]");
            DataMatrix.Check(low[t + 1], n, dLow, $"low[{t + 1}]");
            var a = low[t];
            var b = low[t + 1];
            var aligned = Procrustes.Align(a, b, n, dLow, allowReflection: true, allowScaling: false).Aligned;
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                moveHigh[i] = Math.Sqrt(Distances.SquaredEuclidean(
                    new ReadOnlySpan<double>(high[t], i * dHigh, dHigh), new ReadOnlySpan<double>(high[t + 1], i * dHigh, dHigh)));
                moveLow[i] = Math.Sqrt(Distances.SquaredEuclidean(
                    new ReadOnlySpan<double>(a, i * dLow, dLow), new ReadOnlySpan<double>(b, i * dLow, dLow)));
                total += Math.Sqrt(Distances.SquaredEuclidean(
                    new ReadOnlySpan<double>(a, i * dLow, dLow), new ReadOnlySpan<double>(aligned, i * dLow, dLow)));
            }
            corr[t] = Pearson(moveHigh, moveLow);
            disp[t] = radius > 0 ? total / n / radius : 0;
        }
        return new StabilityScores(corr.Average(), corr, disp.Average(), disp);
    }

    /// <summary>Pearson correlation; 0 when either side does not vary.</summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n; my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : 0;
    }

    /// <summary>Root mean square distance of all points of all frames from their frame's centroid.</summary>
    internal static double RmsRadius(IReadOnlyList<double[]> frames, int n, int k)
    {
        double ss = 0;
        foreach (var y in frames)
        {
            Procrustes.Centre(y, n, k, out var c);
            foreach (var v in c) ss += v * v;
        }
        return Math.Sqrt(ss / ((double)n * frames.Count));
    }
}
