namespace NnViz.Projection.Umap;

/// <summary>
/// The low-dimensional similarity 1 / (1 + a d^(2b)) fitted to exp(-(d - min_dist)/spread) beyond min_dist and 1
/// inside it (McInnes et al. 2018, sec. 4; umap-learn's find_ab_params, 300 points on [0, 3 spread]), by
/// Gauss-Newton with step halving. Defaults give a = 1.577, b = 0.895.
/// </summary>
public static class CurveFit
{
    public static (double A, double B) FindAB(double spread, double minDist)
    {
        const int m = 300;
        var xs = new double[m]; var ys = new double[m];
        for (int i = 0; i < m; i++)
        {
            xs[i] = 3 * spread * i / (m - 1);
            ys[i] = xs[i] < minDist ? 1.0 : Math.Exp(-(xs[i] - minDist) / spread);
        }
        double a = 1, b = 1, err = Loss(xs, ys, a, b);
        for (int it = 0; it < 200; it++)
        {
            // Normal equations of the 2-parameter least squares.
            double jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
            for (int i = 1; i < m; i++)
            {
                double x2b = Math.Pow(xs[i], 2 * b), f = 1 / (1 + a * x2b), r = f - ys[i];
                double da = -x2b * f * f, db = -a * x2b * 2 * Math.Log(xs[i]) * f * f;
                jaa += da * da; jab += da * db; jbb += db * db; ga += da * r; gb += db * r;
            }
            double det = jaa * jbb - jab * jab;
            if (Math.Abs(det) < 1e-300) break;
            double sa = -(jbb * ga - jab * gb) / det, sb = -(jaa * gb - jab * ga) / det;
            double step = 1;
            while (step > 1e-8)
            {
                double na = a + step * sa, nb = b + step * sb;
                if (na > 0 && nb > 0) { double ne = Loss(xs, ys, na, nb); if (ne < err) { a = na; b = nb; err = ne; break; } }
                step /= 2;
            }
            if (step <= 1e-8 || Math.Abs(sa) + Math.Abs(sb) < 1e-12) break;
        }
        return (a, b);
    }

    private static double Loss(double[] xs, double[] ys, double a, double b)
    {
        double s = 0;
        for (int i = 0; i < xs.Length; i++) { double r = 1 / (1 + a * Math.Pow(xs[i], 2 * b)) - ys[i]; s += r * r; }
        return s;
    }
}
