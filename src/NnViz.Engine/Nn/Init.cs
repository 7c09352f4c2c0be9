namespace NnViz.Engine.Nn;

/// <summary>Keras's default initialisers, drawn from a named RNG fork.</summary>
public static class Init
{
    /// <summary>Glorot &amp; Bengio 2010: U(-l, l) with l = sqrt(6 / (fanIn + fanOut)), row-major fill.</summary>
    public static void GlorotUniform(float[] w, int fanIn, int fanOut, Rng rng)
    {
        double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < w.Length; i++) w[i] = (float)rng.Uniform(-limit, limit);
    }

    /// <summary>Saxe et al. 2014: an orthogonal rows x cols matrix from the QR decomposition of a gaussian
    /// matrix (Keras's Orthogonal, sign-corrected by diag(R)), computed in double by modified Gram-Schmidt.</summary>
    public static void Orthogonal(float[] w, int rows, int cols, Rng rng)
    {
        // Orthonormalise the columns of the tall orientation, then lay out as rows x cols.
        bool tall = rows >= cols;
        int n = tall ? rows : cols, m = tall ? cols : rows;
        var q = new double[m][];
        for (int c = 0; c < m; c++) { q[c] = new double[n]; for (int i = 0; i < n; i++) q[c][i] = rng.NextGaussian(); }
        for (int c = 0; c < m; c++)
        {
            for (int p = 0; p < c; p++)
            {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += q[p][i] * q[c][i];
                for (int i = 0; i < n; i++) q[c][i] -= dot * q[p][i];
            }
            double norm = 0;
            for (int i = 0; i < n; i++) norm += q[c][i] * q[c][i];
            norm = Math.Sqrt(norm);
            for (int i = 0; i < n; i++) q[c][i] /= norm;
        }
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) w[r * cols + c] = (float)(tall ? q[c][r] : q[r][c]);
    }
}
