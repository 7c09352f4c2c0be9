namespace NnViz.Projection.Linear;

/// <summary>The aligned layout and the transform found: y' = Scale * (y - MovingCentre) R + ReferenceCentre.</summary>
public sealed record ProcrustesResult(double[] Aligned, double[] Rotation, double Scale, double[] MovingCentre, double[] ReferenceCentre, double Residual);

/// <summary>
/// Orthogonal Procrustes alignment of one layout onto another (Schönemann 1966; Gower 1975): the rotation
/// (and optionally reflection), uniform scale and translation that bring <c>moving</c> closest to
/// <c>reference</c> in least squares. R = U V^T from the SVD of M = Bc^T Ac, obtained here from the
/// eigen-decomposition of M^T M, which is tiny (k = 2 or 3).
/// </summary>
public static class Procrustes
{
    public static ProcrustesResult Align(double[] reference, double[] moving, int n, int k,
        bool allowReflection = true, bool allowScaling = true)
    {
        DataMatrix.Check(reference, n, k, nameof(reference));
        DataMatrix.Check(moving, n, k, nameof(moving));
        var ca = Centre(reference, n, k, out var ac);
        var cb = Centre(moving, n, k, out var bc);

        var m = new double[k * k]; // M = Bc^T Ac
        for (int i = 0; i < n; i++)
            for (int r = 0; r < k; r++)
                for (int c = 0; c < k; c++) m[r * k + c] += bc[i * k + r] * ac[i * k + c];
        var mtm = new double[k * k];
        for (int r = 0; r < k; r++)
            for (int c = 0; c < k; c++)
            {
                double s = 0;
                for (int t = 0; t < k; t++) s += m[t * k + r] * m[t * k + c];
                mtm[r * k + c] = s;
            }
        var eig = SymmetricEigen.Decompose(mtm, k);
        var sigma = new double[k];
        var u = new double[k * k]; // column c stored as u[c*k + r]
        for (int c = 0; c < k; c++)
        {
            sigma[c] = Math.Sqrt(Math.Max(eig.Values[c], 0));
            for (int r = 0; r < k; r++)
            {
                double s = 0;
                for (int t = 0; t < k; t++) s += m[r * k + t] * eig.Vectors[c * k + t];
                u[c * k + r] = s;
            }
        }
        OrthonormaliseColumns(u, k, sigma);

        if (!allowReflection && Determinant(u, k) * Determinant(eig.Vectors, k) < 0)
        {
            // The best proper rotation flips the axis of the smallest singular value (Umeyama 1991).
            for (int r = 0; r < k; r++) u[(k - 1) * k + r] = -u[(k - 1) * k + r];
            sigma[k - 1] = -sigma[k - 1];
        }
        var rot = new double[k * k]; // R = U V^T
        for (int r = 0; r < k; r++)
            for (int c = 0; c < k; c++)
            {
                double s = 0;
                for (int t = 0; t < k; t++) s += u[t * k + r] * eig.Vectors[t * k + c];
                rot[r * k + c] = s;
            }
        double normB = 0;
        foreach (var v in bc) normB += v * v;
        double traceSigma = 0;
        foreach (var v in sigma) traceSigma += v;
        double scale = allowScaling && normB > 0 ? traceSigma / normB : 1.0;

        var aligned = new double[n * k];
        double residual = 0;
        for (int i = 0; i < n; i++)
            for (int c = 0; c < k; c++)
            {
                double s = 0;
                for (int t = 0; t < k; t++) s += bc[i * k + t] * rot[t * k + c];
                double y = scale * s + ca[c];
                aligned[i * k + c] = y;
                double diff = y - reference[i * k + c];
                residual += diff * diff;
            }
        return new ProcrustesResult(aligned, rot, scale, cb, ca, residual);
    }

    internal static double[] Centre(double[] y, int n, int k, out double[] centred)
    {
        var mean = new double[k];
        for (int i = 0; i < n; i++)
            for (int c = 0; c < k; c++) mean[c] += y[i * k + c];
        for (int c = 0; c < k; c++) mean[c] /= n;
        centred = new double[n * k];
        for (int i = 0; i < n; i++)
            for (int c = 0; c < k; c++) centred[i * k + c] = y[i * k + c] - mean[c];
        return mean;
    }

    /// <summary>Normalises columns with a non-zero singular value; completes the rest by Gram-Schmidt on unit vectors.</summary>
    private static void OrthonormaliseColumns(double[] u, int k, double[] sigma)
    {
        double tol = 1e-12 * Math.Max(sigma[0], 1e-300);
        for (int c = 0; c < k; c++)
        {
            if (sigma[c] > tol) { for (int r = 0; r < k; r++) u[c * k + r] /= sigma[c]; continue; }
            for (int e = 0; e < k; e++)
            {
                for (int r = 0; r < k; r++) u[c * k + r] = r == e ? 1 : 0;
                for (int p = 0; p < c; p++)
                {
                    double dot = 0;
                    for (int r = 0; r < k; r++) dot += u[c * k + r] * u[p * k + r];
                    for (int r = 0; r < k; r++) u[c * k + r] -= dot * u[p * k + r];
                }
                double norm = 0;
                for (int r = 0; r < k; r++) norm += u[c * k + r] * u[c * k + r];
                if (norm > 1e-6) { norm = Math.Sqrt(norm); for (int r = 0; r < k; r++) u[c * k + r] /= norm; break; }
            }
        }
    }

    private static double Determinant(double[] a, int k) => k switch
    {
        1 => a[0],
        2 => a[0] * a[3] - a[1] * a[2],
        3 => a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]),
        _ => throw new NotSupportedException("reflection check is implemented for k <= 3"),
    };
}
