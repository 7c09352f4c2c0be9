namespace Bench.MlnetPca;

/// <summary>
/// How good a k-dimensional linear projection Y (n x k) of X (n x d) is, measured the same way for every method:
/// the share of X's total variance that Y's columns carry (1/(n-1) variances, X centred), and the root-mean-square
/// error per pixel of the best linear reconstruction of centred X from Y (least squares, through Y's k x k Gram matrix).
/// For an orthonormal projection of centred data the two agree: residual = total - captured.
/// </summary>
public static class Quality
{
    public sealed record Scores(double ExplainedVarianceRatio, double ReconstructionRmse);

    public static Scores Of(double[] x, int n, int d, double[] y, int k)
    {
        var xc = Centre(x, n, d);
        var yc = Centre(y, n, k);
        double total = 0, captured = 0;
        foreach (double v in xc) total += v * v;
        foreach (double v in yc) captured += v * v;
        var gram = new double[k * k];
        var cross = new double[k * d];
        for (int i = 0; i < n; i++)
            for (int a = 0; a < k; a++)
            {
                double ya = yc[i * k + a];
                for (int b = 0; b < k; b++) gram[a * k + b] += ya * yc[i * k + b];
                for (int j = 0; j < d; j++) cross[a * d + j] += ya * xc[i * d + j];
            }
        var coef = CholeskySolve(gram, cross, k, d);
        double residual = 0;
        var row = new double[d];
        for (int i = 0; i < n; i++)
        {
            Array.Copy(xc, i * d, row, 0, d);
            for (int a = 0; a < k; a++)
            {
                double ya = yc[i * k + a];
                for (int j = 0; j < d; j++) row[j] -= ya * coef[a * d + j];
            }
            foreach (double v in row) residual += v * v;
        }
        return new Scores(captured / total, Math.Sqrt(residual / ((double)n * d)));
    }

    private static double[] Centre(double[] x, int n, int d)
    {
        var mean = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += x[i * d + j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        var c = new double[n * d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) c[i * d + j] = x[i * d + j] - mean[j];
        return c;
    }

    /// <summary>Solves G C = R for C (k x d) with G (k x k) symmetric positive definite.</summary>
    private static double[] CholeskySolve(double[] g, double[] r, int k, int d)
    {
        var l = new double[k * k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j <= i; j++)
            {
                double s = g[i * k + j];
                for (int m = 0; m < j; m++) s -= l[i * k + m] * l[j * k + m];
                l[i * k + j] = i == j ? Math.Sqrt(s) : s / l[j * k + j];
            }
        var c = (double[])r.Clone();
        for (int col = 0; col < d; col++)
        {
            for (int i = 0; i < k; i++)
            {
                double s = c[i * d + col];
                for (int m = 0; m < i; m++) s -= l[i * k + m] * c[m * d + col];
                c[i * d + col] = s / l[i * k + i];
            }
            for (int i = k - 1; i >= 0; i--)
            {
                double s = c[i * d + col];
                for (int m = i + 1; m < k; m++) s -= l[m * k + i] * c[m * d + col];
                c[i * d + col] = s / l[i * k + i];
            }
        }
        return c;
    }
}
