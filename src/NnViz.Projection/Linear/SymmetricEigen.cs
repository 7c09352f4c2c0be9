namespace NnViz.Projection.Linear;

/// <summary>Eigenvalues (descending) and unit eigenvectors (columns of a row-major k x k matrix, here stored as rows: Vectors[c*k + i] = component i of eigenvector c).</summary>
public sealed record EigenResult(double[] Values, double[] Vectors, int Size);

/// <summary>
/// Full eigen-decomposition of a symmetric matrix: Householder reduction to tridiagonal form, then the
/// implicit QL algorithm (Golub &amp; Van Loan 2013, sections 8.3; the tred2/tql2 pair of EISPACK, as in JAMA).
/// Sequential and fixed-order, so the bits are the same everywhere. O(k^3): meant for k up to ~1000.
/// </summary>
public static class SymmetricEigen
{
    public static EigenResult Decompose(double[] a, int k)
    {
        if (a.Length != k * k) throw new ArgumentException($"expected a {k}x{k} matrix, received {a.Length} values", nameof(a));
        // V holds the matrix as V[i][j]; jagged rows keep the classic index arithmetic readable.
        var v = new double[k][];
        for (int i = 0; i < k; i++) { v[i] = new double[k]; Array.Copy(a, i * k, v[i], 0, k); }
        var d = new double[k];
        var e = new double[k];
        Tridiagonalize(v, d, e, k);
        DiagonalizeQl(v, d, e, k);

        var order = Enumerable.Range(0, k).ToArray();
        Array.Sort(order, (x, y) => d[y].CompareTo(d[x]) != 0 ? d[y].CompareTo(d[x]) : x.CompareTo(y));
        var values = new double[k];
        var vectors = new double[k * k];
        for (int c = 0; c < k; c++)
        {
            values[c] = d[order[c]];
            for (int i = 0; i < k; i++) vectors[c * k + i] = v[i][order[c]];
        }
        return new EigenResult(values, vectors, k);
    }

    private static void Tridiagonalize(double[][] v, double[] d, double[] e, int n)
    {
        for (int j = 0; j < n; j++) d[j] = v[n - 1][j];
        for (int i = n - 1; i > 0; i--)
        {
            double scale = 0, h = 0;
            for (int k = 0; k < i; k++) scale += Math.Abs(d[k]);
            if (scale == 0)
            {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++) { d[j] = v[i - 1][j]; v[i][j] = 0; v[j][i] = 0; }
            }
            else
            {
                for (int k = 0; k < i; k++) { d[k] /= scale; h += d[k] * d[k]; }
                double f = d[i - 1];
                double g = Math.Sqrt(h);
                if (f > 0) g = -g;
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (int j = 0; j < i; j++) e[j] = 0;
                for (int j = 0; j < i; j++)
                {
                    f = d[j];
                    v[j][i] = f;
                    g = e[j] + v[j][j] * f;
                    for (int k = j + 1; k <= i - 1; k++) { g += v[k][j] * d[k]; e[k] += v[k][j] * f; }
                    e[j] = g;
                }
                f = 0;
                for (int j = 0; j < i; j++) { e[j] /= h; f += e[j] * d[j]; }
                double hh = f / (h + h);
                for (int j = 0; j < i; j++) e[j] -= hh * d[j];
                for (int j = 0; j < i; j++)
                {
                    f = d[j]; g = e[j];
                    for (int k = j; k <= i - 1; k++) v[k][j] -= f * e[k] + g * d[k];
                    d[j] = v[i - 1][j];
                    v[i][j] = 0;
                }
            }
            d[i] = h;
        }
        // Accumulate the transformations.
        for (int i = 0; i < n - 1; i++)
        {
            v[n - 1][i] = v[i][i];
            v[i][i] = 1;
            double h = d[i + 1];
            if (h != 0)
            {
                for (int k = 0; k <= i; k++) d[k] = v[k][i + 1] / h;
                for (int j = 0; j <= i; j++)
                {
                    double g = 0;
                    for (int k = 0; k <= i; k++) g += v[k][i + 1] * v[k][j];
                    for (int k = 0; k <= i; k++) v[k][j] -= g * d[k];
                }
            }
            for (int k = 0; k <= i; k++) v[k][i + 1] = 0;
        }
        for (int j = 0; j < n; j++) { d[j] = v[n - 1][j]; v[n - 1][j] = 0; }
        v[n - 1][n - 1] = 1;
        e[0] = 0;
    }

    private static void DiagonalizeQl(double[][] v, double[] d, double[] e, int n)
    {
        for (int i = 1; i < n; i++) e[i - 1] = e[i];
        e[n - 1] = 0;
        double f = 0, tst1 = 0;
        double eps = Math.Pow(2.0, -52.0);
        for (int l = 0; l < n; l++)
        {
            tst1 = Math.Max(tst1, Math.Abs(d[l]) + Math.Abs(e[l]));
            int m = l;
            while (m < n)
            {
                if (Math.Abs(e[m]) <= eps * tst1) break;
                m++;
            }
            if (m > l)
            {
                int iter = 0;
                do
                {
                    if (++iter > 300) throw new InvalidOperationException("symmetric eigen-decomposition did not converge");
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2.0 * e[l]);
                    double r = Hypot(p, 1.0);
                    if (p < 0) r = -r;
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) d[i] -= h;
                    f += h;
                    p = d[m];
                    double c = 1, c2 = c, c3 = c, el1 = e[l + 1], s = 0, s2 = 0;
                    for (int i = m - 1; i >= l; i--)
                    {
                        c3 = c2; c2 = c; s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        for (int k = 0; k < n; k++)
                        {
                            h = v[k][i + 1];
                            v[k][i + 1] = s * v[k][i] + c * h;
                            v[k][i] = c * v[k][i] - s * h;
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.Abs(e[l]) > eps * tst1);
            }
            d[l] += f;
            e[l] = 0;
        }
    }

    private static double Hypot(double a, double b)
    {
        double aa = Math.Abs(a), bb = Math.Abs(b);
        if (aa > bb) { double r = bb / aa; return aa * Math.Sqrt(1 + r * r); }
        if (bb == 0) return 0;
        double q = aa / bb;
        return bb * Math.Sqrt(1 + q * q);
    }
}
