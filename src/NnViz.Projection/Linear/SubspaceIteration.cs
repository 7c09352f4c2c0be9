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

    /// <summary>Modified Gram-Schmidt over rows, in order; a row that collapses is replaced by a unit vector.
    /// Written right-looking: once row c is final it is removed from every later row, four rows at a time. Each later
    /// row still meets q_0, q_1, ... in order, each projection taken from the row as updated so far, so the operations
    /// on every row (and the bits) are those of the row-by-row form; only independent rows are interleaved.</summary>
    internal static void Orthonormalise(double[] v, int p, int n)
    {
        Span<double> dots = stackalloc double[4];
        for (int c = 0; c < p; c++)
        {
            var row = v.AsSpan(c * n, n);
            double norm = Math.Sqrt(Distances.Dot(row, row));
            if (norm < 1e-300) { row.Clear(); row[c % n] = 1; }
            else DotBlocks.Divide(row, norm);
            ReadOnlySpan<double> q = row;
            int r = c + 1;
            for (; r + 4 <= p; r += 4)
            {
                DotBlocks.FourRows(v.AsSpan(r * n, n), v.AsSpan((r + 1) * n, n), v.AsSpan((r + 2) * n, n), v.AsSpan((r + 3) * n, n), q, dots);
                for (int t = 0; t < 4; t++) DotBlocks.SubtractScaled(v.AsSpan((r + t) * n, n), dots[t], q);
            }
            for (; r < p; r++)
            {
                var later = v.AsSpan(r * n, n);
                DotBlocks.SubtractScaled(later, Distances.Dot(later, q), q);
            }
        }
    }
}
