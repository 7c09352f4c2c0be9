using NnViz.Engine;

namespace NnViz.Projection.Linear;

/// <summary>
/// The few largest eigenpairs of a large symmetric operator by block power (subspace) iteration with
/// Rayleigh-Ritz (Saad 2011, Numerical Methods for Large Eigenvalue Problems, ch. 5): only products A V are needed,
/// so the same code serves dense (classical MDS) and sparse (spectral initialisation) matrices.
/// Vectors are stored as rows: Vectors[c * n + i].
/// </summary>
internal static class SubspaceIteration
{
    /// <param name="multiply">Computes A V for a block given as rows (block x n) into the output rows.</param>
    public static EigenResult Largest(int n, int k, Action<double[], double[], int> multiply, Rng rng,
        int extra = 6, int maxIterations = 500, double tolerance = 1e-9)
    {
        int p = Math.Min(n, k + extra);
        var v = new double[p * n];
        for (int i = 0; i < v.Length; i++) v[i] = rng.NextGaussian();
        Orthonormalise(v, p, n);
        var w = new double[p * n];
        var values = new double[p];
        var rotated = new double[p * n];
        var rotatedW = new double[p * n];
        for (int it = 0; it < maxIterations; it++)
        {
            multiply(v, w, p);
            var h = new double[p * p];
            for (int a = 0; a < p; a++)
                for (int b = a; b < p; b++)
                {
                    double s = Distances.Dot(new ReadOnlySpan<double>(v, a * n, n), new ReadOnlySpan<double>(w, b * n, n));
                    h[a * p + b] = s; h[b * p + a] = s;
                }
            var eig = SymmetricEigen.Decompose(h, p);
            Combine(v, eig.Vectors, p, n, rotated);
            Combine(w, eig.Vectors, p, n, rotatedW);
            Array.Copy(eig.Values, values, p);
            bool converged = true;
            for (int c = 0; c < k && converged; c++)
            {
                double r = 0, scale = Math.Max(Math.Abs(values[c]), 1e-300);
                for (int i = 0; i < n; i++) { double t = rotatedW[c * n + i] - values[c] * rotated[c * n + i]; r += t * t; }
                converged = Math.Sqrt(r) / scale < tolerance;
            }
            if (converged || it == maxIterations - 1) break;
            Array.Copy(rotatedW, v, v.Length);
            Orthonormalise(v, p, n);
        }
        var outValues = new double[k];
        var outVectors = new double[k * n];
        Array.Copy(values, outValues, k);
        Array.Copy(rotated, outVectors, k * n);
        return new EigenResult(outValues, outVectors, n);
    }

    /// <summary>out row c = sum_t s[c][t] * rows[t]: the Ritz vectors from the small eigenvectors.</summary>
    private static void Combine(double[] rows, double[] s, int p, int n, double[] output)
    {
        Array.Clear(output);
        for (int c = 0; c < p; c++)
            for (int t = 0; t < p; t++)
            {
                double coef = s[c * p + t];
                for (int i = 0; i < n; i++) output[c * n + i] += coef * rows[t * n + i];
            }
    }

    /// <summary>Modified Gram-Schmidt over rows, in order; a row that collapses is replaced by a unit vector.</summary>
    internal static void Orthonormalise(double[] v, int p, int n)
    {
        for (int c = 0; c < p; c++)
        {
            var row = v.AsSpan(c * n, n);
            for (int prev = 0; prev < c; prev++)
            {
                var q = new ReadOnlySpan<double>(v, prev * n, n);
                double dot = Distances.Dot(row, q);
                for (int i = 0; i < n; i++) row[i] -= dot * q[i];
            }
            double norm = Math.Sqrt(Distances.Dot(row, row));
            if (norm < 1e-300) { row.Clear(); row[c % n] = 1; continue; }
            for (int i = 0; i < n; i++) row[i] /= norm;
        }
    }
}
