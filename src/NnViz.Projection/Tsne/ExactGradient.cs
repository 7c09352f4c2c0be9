namespace NnViz.Projection.Tsne;

/// <summary>The exact O(n^2) gradient over a dense P: for small n and for the finite-difference tests.</summary>
internal sealed class ExactGradient(double[] p, int n, int dim) : ITsneGradient
{
    private readonly double[] _rowZ = new double[n];

    public double Compute(double[] y, double exaggeration, double[] grad)
    {
        var rep = new double[n * dim];
        Parallelism.ForChunks(n, 64, (start, end) =>
        {
            Span<double> diff = stackalloc double[dim];
            for (int i = start; i < end; i++)
            {
                double z = 0;
                for (int c = 0; c < dim; c++) { grad[i * dim + c] = 0; rep[i * dim + c] = 0; }
                for (int j = 0; j < n; j++)
                {
                    if (j == i) continue;
                    double d2 = 0;
                    for (int c = 0; c < dim; c++) { diff[c] = y[i * dim + c] - y[j * dim + c]; d2 += diff[c] * diff[c]; }
                    double w = 1.0 / (1.0 + d2);
                    double pw = p[i * n + j] * w, ww = w * w;
                    z += w;
                    for (int c = 0; c < dim; c++) { grad[i * dim + c] += pw * diff[c]; rep[i * dim + c] += ww * diff[c]; }
                }
                _rowZ[i] = z;
            }
        });
        double total = 0;
        for (int i = 0; i < n; i++) total += _rowZ[i];
        for (int i = 0; i < grad.Length; i++) grad[i] = exaggeration * grad[i] - rep[i] / total;
        return total;
    }

    public double KlDivergence(double[] y)
    {
        double z = 0;
        var w = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                if (i == j) continue;
                double d2 = 0;
                for (int c = 0; c < dim; c++) { double t = y[i * dim + c] - y[j * dim + c]; d2 += t * t; }
                w[i * n + j] = 1.0 / (1.0 + d2);
                z += w[i * n + j];
            }
        double kl = 0;
        for (int i = 0; i < n * n; i++)
            if (p[i] > 0) kl += p[i] * Math.Log(p[i] * z / w[i]);
        return kl;
    }
}
