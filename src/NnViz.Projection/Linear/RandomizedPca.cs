using NnViz.Engine;
using NnViz.Engine.Kernels;

namespace NnViz.Projection.Linear;

/// <summary>
/// Randomized PCA (Halko, Martinsson &amp; Tropp 2011, SIAM Review 53(2), algorithms 4.4 and 5.1): a seeded Gaussian
/// test matrix, <see cref="PowerIterations"/> power steps with the basis re-orthonormalised after every product (as
/// scikit-learn's randomized solver does), then the exact SVD of the small projected matrix.
/// Deterministic: the test matrix comes from a fixed seed, the large products are the engine's fixed-order float GEMM
/// (bits independent of thread count and vector width) and the orthonormalisation is modified Gram-Schmidt in order.
/// It is an approximation and does not reproduce the exact PCA's bits, so <see cref="Pca.Fit(double[], int, int, PcaOptions?)"/>
/// uses it only when asked for or above <see cref="Pca.RandomizedMinRows"/> x <see cref="Pca.RandomizedMinColumns"/>,
/// sizes the ci and quick profiles never reach.
/// </summary>
internal static class RandomizedPca
{
    public const int Oversampling = 10, PowerIterations = 7;

    public static PcaResult Fit(double[] x, int n, int d, int k, ulong seed)
    {
        var mean = new double[d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) mean[j] += x[i * d + j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        var xc = new float[n * d];
        double totalSquares = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
            {
                double v = x[i * d + j] - mean[j];
                totalSquares += v * v;
                xc[i * d + j] = (float)v;
            }
        int l = Math.Min(Math.Min(n, d), k + Oversampling);
        var q = RangeBasis(xc, n, d, l, seed);
        // B = Qᵀ Xc (l x d); its row space holds the leading principal axes.
        var bf = new float[l * d];
        Gemm.Multiply<float>(q, 1, l, xc, d, bf, d, l, n, d, false, ComputeOptions.Default);
        var bd = Array.ConvertAll(bf, v => (double)v);
        var eig = SymmetricEigen.Decompose(Gram.RowsTimesRows(bd, l, d), l);
        var loadings = new double[k * d];
        for (int c = 0; c < k; c++)
        {
            double s = Math.Sqrt(Math.Max(eig.Values[c], 0));
            if (s == 0) continue;
            var row = loadings.AsSpan(c * d, d);
            for (int t = 0; t < l; t++)
            {
                double u = eig.Vectors[c * l + t] / s;
                for (int j = 0; j < d; j++) row[j] += u * bd[t * d + j];
            }
            Pca.FixSign(row);
        }
        return Pca.Assemble(x, n, d, k, mean, loadings, eig.Values, totalSquares);
    }

    /// <summary>An orthonormal n x l basis Q (row-major) approximating the range of Xc.</summary>
    private static float[] RangeBasis(float[] xc, int n, int d, int l, ulong seed)
    {
        var rng = new Rng(seed);
        var omega = new float[d * l];
        for (int i = 0; i < omega.Length; i++) omega[i] = (float)rng.NextGaussian();
        var y = new float[n * l];
        var z = new float[d * l];
        var opts = ComputeOptions.Default;
        Gemm.Multiply<float>(xc, d, 1, omega, l, y, l, n, d, l, false, opts);
        OrthonormaliseColumns(y, n, l);
        for (int it = 0; it < PowerIterations; it++)
        {
            Gemm.Multiply<float>(xc, 1, d, y, l, z, l, d, n, l, false, opts); // Z = Xcᵀ Q
            OrthonormaliseColumns(z, d, l);
            Gemm.Multiply<float>(xc, d, 1, z, l, y, l, n, d, l, false, opts); // Y = Xc Z
            OrthonormaliseColumns(y, n, l);
        }
        return y;
    }

    /// <summary>Modified Gram-Schmidt (in double, columns in order) on the l columns of a row-major rows x l matrix.</summary>
    private static void OrthonormaliseColumns(float[] m, int rows, int l)
    {
        var t = new double[l * rows];
        for (int i = 0; i < rows; i++)
            for (int c = 0; c < l; c++) t[c * rows + i] = m[i * l + c];
        SubspaceIteration.Orthonormalise(t, l, rows);
        for (int i = 0; i < rows; i++)
            for (int c = 0; c < l; c++) m[i * l + c] = (float)t[c * rows + i];
    }

    /// <summary>The largest principal angle (radians) between the row spaces of two k x d matrices with orthonormal
    /// rows: acos of the smallest singular value of A Bᵀ (the quality figure reported against the exact PCA).</summary>
    internal static double SubspaceAngle(double[] a, double[] b, int k, int d)
    {
        var m = new double[k * k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
                m[i * k + j] = Distances.Dot(new ReadOnlySpan<double>(a, i * d, d), new ReadOnlySpan<double>(b, j * d, d));
        var mmt = new double[k * k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
                mmt[i * k + j] = Distances.Dot(new ReadOnlySpan<double>(m, i * k, k), new ReadOnlySpan<double>(m, j * k, k));
        double smallest = SymmetricEigen.Decompose(mmt, k).Values[k - 1];
        return Math.Acos(Math.Clamp(Math.Sqrt(Math.Max(smallest, 0)), 0, 1));
    }
}
