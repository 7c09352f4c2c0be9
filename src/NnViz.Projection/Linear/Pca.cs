namespace NnViz.Projection.Linear;

/// <summary>How the principal axes are found: Auto is the exact eigen-decomposition, switching to the randomized
/// solver only for inputs of at least <see cref="Pca.RandomizedMinRows"/> rows and <see cref="Pca.RandomizedMinColumns"/>
/// columns with Components at most a tenth of the columns.</summary>
public enum PcaSolver { Auto, Exact, Randomized }

/// <param name="Seed">Seed of the randomized solver's test matrix (it is deterministic for a given seed).</param>
public sealed record PcaOptions(int Components = 2, PcaSolver Solver = PcaSolver.Auto, ulong Seed = 0);

/// <summary>
/// A fitted PCA. <see cref="Loadings"/> is Components x D (row c = principal axis c, unit length, its largest
/// absolute entry positive: a deterministic sign so two runs and two frames agree). <see cref="Coordinates"/>
/// is N x Components.
/// </summary>
public sealed record PcaResult(
    double[] Coordinates, int N, int Components, int D,
    double[] Loadings, double[] Mean, double[] ExplainedVariance, double[] ExplainedVarianceRatio)
{
    /// <summary>Projects new rows (m x D) onto the fitted axes: m x Components.</summary>
    public double[] Transform(double[] x, int m)
    {
        DataMatrix.Check(x, m, D, nameof(x));
        var y = new double[m * Components];
        var row = new double[D];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < D; j++) row[j] = x[i * D + j] - Mean[j];
            for (int c = 0; c < Components; c++)
                y[i * Components + c] = Distances.Dot(row, new ReadOnlySpan<double>(Loadings, c * D, D));
        }
        return y;
    }
}

/// <summary>
/// Principal component analysis by eigen-decomposition of the covariance (D x D) or, when there are fewer
/// rows than columns, of the Gram matrix (N x N) — the smaller of the two (Jolliffe 2002, ch. 3.5).
/// Explained variance uses the unbiased 1/(N-1) covariance, as scikit-learn does.
/// </summary>
public static class Pca
{
    /// <summary>Auto's threshold for the randomized solver (far above the ci and quick profiles' sizes, whose bits stay exact).</summary>
    public const int RandomizedMinRows = 10_000, RandomizedMinColumns = 500;

    /// <summary>The solver Auto picks for this shape.</summary>
    public static PcaSolver Choose(int n, int d, int components) =>
        n >= RandomizedMinRows && d >= RandomizedMinColumns && components * 10 <= d ? PcaSolver.Randomized : PcaSolver.Exact;

    public static PcaResult Fit(float[] x, int n, int d, PcaOptions? options = null) =>
        Fit(DataMatrix.ToDouble(x), n, d, options);

    public static PcaResult Fit(double[] x, int n, int d, PcaOptions? options = null)
    {
        DataMatrix.Check(x, n, d, nameof(x));
        var o = options ?? new PcaOptions();
        int k = o.Components;
        if (k < 1 || k > Math.Min(n, d))
            throw new ArgumentException($"components: expected 1 <= components <= min(n, d) = {Math.Min(n, d)}, received {k}");
        var solver = o.Solver == PcaSolver.Auto ? Choose(n, d, k) : o.Solver;
        if (solver == PcaSolver.Randomized) return RandomizedPca.Fit(x, n, d, k, o.Seed);

        var mean = new double[d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) mean[j] += x[i * d + j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        var xc = new double[x.Length];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) xc[i * d + j] = x[i * d + j] - mean[j];

        var loadings = new double[k * d];
        double[] allValues;
        if (d <= n)
        {
            var eig = SymmetricEigen.Decompose(Gram.TransposeTimesSelf(xc, n, d), d);
            allValues = eig.Values;
            Array.Copy(eig.Vectors, loadings, k * d);
        }
        else
        {
            // Dual form: if G u = l u with G = Xc Xc^T then Xc^T u / sqrt(l) is a unit eigenvector of Xc^T Xc.
            var eig = SymmetricEigen.Decompose(Gram.RowsTimesRows(xc, n, d), n);
            allValues = eig.Values;
            for (int c = 0; c < k; c++)
            {
                double s = Math.Sqrt(Math.Max(eig.Values[c], 0));
                if (s == 0) continue;
                for (int i = 0; i < n; i++)
                {
                    double ui = eig.Vectors[c * n + i] / s;
                    for (int j = 0; j < d; j++) loadings[c * d + j] += ui * xc[i * d + j];
                }
            }
        }
        for (int c = 0; c < k; c++) FixSign(loadings.AsSpan(c * d, d));

        double total = 0;
        foreach (var v in allValues) total += Math.Max(v, 0);
        return Assemble(x, n, d, k, mean, loadings, allValues, total);
    }

    /// <summary>The result from fitted axes: variances from the leading eigenvalues of Xcᵀ Xc (total: their sum over
    /// all axes), coordinates as the centred rows' dot products with the loadings.</summary>
    internal static PcaResult Assemble(double[] x, int n, int d, int k, double[] mean, double[] loadings, double[] values, double total)
    {
        double denom = Math.Max(1, n - 1);
        var variance = new double[k];
        var ratio = new double[k];
        for (int c = 0; c < k; c++)
        {
            variance[c] = Math.Max(values[c], 0) / denom;
            ratio[c] = total > 0 ? Math.Max(values[c], 0) / total : 0;
        }
        return new PcaResult(Project(x, n, d, k, mean, loadings), n, k, d, loadings, mean, variance, ratio);
    }

    /// <summary>coords[i, c] = Dot(x_i - mean, loading c), four loadings per pass over a row (the same bits as one
    /// Dot at a time), rows in fixed chunks of 256 on the thread pool.</summary>
    internal static double[] Project(double[] x, int n, int d, int k, double[] mean, double[] loadings)
    {
        var coords = new double[n * k];
        Parallelism.ForChunks(n, 256, (i0, i1) =>
        {
            var row = new double[d];
            Span<double> dots = stackalloc double[4];
            ReadOnlySpan<double> Axis(int c) => new(loadings, c * d, d);
            for (int i = i0; i < i1; i++)
            {
                DotBlocks.Difference(x.AsSpan(i * d, d), mean, row);
                int c = 0;
                for (; c + 4 <= k; c += 4)
                {
                    DotBlocks.FourAxes(row, Axis(c), Axis(c + 1), Axis(c + 2), Axis(c + 3), dots);
                    dots.CopyTo(coords.AsSpan(i * k + c, 4));
                }
                for (; c < k; c++) coords[i * k + c] = Distances.Dot(row, Axis(c));
            }
        });
        return coords;
    }

    /// <summary>Flips a unit vector so that its largest absolute entry (first one on ties) is positive.</summary>
    internal static void FixSign(Span<double> v)
    {
        int arg = 0;
        for (int j = 1; j < v.Length; j++) if (Math.Abs(v[j]) > Math.Abs(v[arg])) arg = j;
        if (v[arg] < 0) for (int j = 0; j < v.Length; j++) v[j] = -v[j];
    }
}
