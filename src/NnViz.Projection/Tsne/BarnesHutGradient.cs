namespace NnViz.Projection.Tsne;

/// <summary>
/// O(n log n) gradient (van der Maaten 2014): attraction over the sparse P exactly, repulsion by Barnes-Hut. In 2-D from
/// <see cref="FftMinPoints"/> points, while the layout is compact enough for an FFT grid of at most
/// <see cref="Fft.FftRepulsion.MaxFftSize"/> (early exaggeration and the first expansion), the repulsion is interpolated
/// on that grid instead (<see cref="Fft.FftRepulsion"/>); the choice depends on the layout only.
/// Each point's forces are computed independently in fixed chunks and Z is summed in point order, so the result
/// does not depend on the number of threads.
/// </summary>
internal sealed class BarnesHutGradient(SparseP p, int dim, double theta, double fftMaxBoxWidth) : ITsneGradient
{
    /// <summary>From this many points a 2-D layout's repulsion is interpolated on a grid and convolved by FFT
    /// (<see cref="Fft.FftRepulsion"/>) instead of walking the tree: the approximate kNN's threshold, far above the ci
    /// and quick profiles' sizes, so their bits still come from Barnes-Hut.</summary>
    public const int FftMinPoints = Neighbors.NearestNeighbors.ApproximateMinPoints;

    public BarnesHutGradient(SparseP p, int dim, double theta)
        : this(p, dim, theta, dim == 2 && p.N >= FftMinPoints ? Fft.FftRepulsion.MaxBoxWidth : 0) { }

    private readonly SpaceTree _tree = new(dim);
    private readonly Fft.FftRepulsion? _fft = fftMaxBoxWidth > 0 && dim == 2 ? new Fft.FftRepulsion(p.N, fftMaxBoxWidth) : null;
    private readonly GroupedRepulsion? _grouped = dim == 2 ? new GroupedRepulsion(p.N, theta) : null;

    /// <summary>Gradients so far whose repulsion came from the FFT grid (the rest from the tree).</summary>
    public int FftCalls { get; private set; }
    private readonly double[] _rowZ = new double[p.N];
    private readonly double[] _rep = new double[p.N * dim];

    public double Compute(double[] y, double exaggeration, double[] grad)
    {
        int n = p.N;
        var rep = _rep;
        Array.Clear(rep);
        if (_fft is not null && _fft.Fits(y))
        {
            FftCalls++;
            Parallelism.ForChunks(n, 256, (start, end) => { for (int i = start; i < end; i++) Attraction2D(y, i, grad); });
            _fft.Compute(y, rep, _rowZ);
            return Combine(exaggeration, grad, rep);
        }
        if (_grouped is not null)
        {
            // 2-D: the sequential tree build runs beside the attraction (which does not need it) on the other
            // cores, then the repulsion walks the tree; each part's values are the same as when run one after the other.
            // With one kernel thread (one core, or `nnviz run --jobs` giving each unit one) they run in turn.
            int threads = NnViz.Engine.ComputeOptions.Default.MaxThreads;
            var build = threads > 1 ? Task.Run(() => _grouped.Build(y)) : null;
            Parallelism.ForChunks(n, 256, (start, end) => { for (int i = start; i < end; i++) Attraction2D(y, i, grad); },
                Math.Max(1, threads - 1));
            if (build is null) _grouped.Build(y); else build.Wait();
            _grouped.Sum(y, rep, _rowZ);
            return Combine(exaggeration, grad, rep);
        }
        _tree.Build(y, n);
        Parallelism.ForChunks(n, 256, (start, end) =>
        {
            var stack = new int[1024 * 8];
            for (int i = start; i < end; i++)
            {
                _rowZ[i] = _tree.Repulsion(y, i, theta, rep.AsSpan(i * dim, dim), stack);
                for (int c = 0; c < dim; c++) grad[i * dim + c] = 0;
                for (int e = p.RowStart[i]; e < p.RowStart[i + 1]; e++)
                {
                    int j = p.Cols[e];
                    double d2 = 0;
                    for (int c = 0; c < dim; c++) { double t = y[i * dim + c] - y[j * dim + c]; d2 += t * t; }
                    double pw = p.Values[e] / (1.0 + d2);
                    for (int c = 0; c < dim; c++) grad[i * dim + c] += pw * (y[i * dim + c] - y[j * dim + c]);
                }
            }
        });
        return Combine(exaggeration, grad, rep);
    }

    /// <summary>grad = exaggeration * attraction - repulsion / Z, Z summed in point order; returns Z.</summary>
    private double Combine(double exaggeration, double[] grad, double[] rep)
    {
        double z = 0;
        for (int i = 0; i < p.N; i++) z += _rowZ[i];
        for (int i = 0; i < grad.Length; i++) grad[i] = exaggeration * grad[i] - rep[i] / z;
        return z;
    }

    /// <summary>sum_j p_ij w_ij (y_i - y_j) for one point, written out for 2-D (the common case, and the hot loop).</summary>
    private void Attraction2D(double[] y, int i, double[] grad)
    {
        double yx = y[2 * i], yy = y[2 * i + 1], gx = 0, gy = 0;
        var cols = p.Cols; var vals = p.Values;
        for (int e = p.RowStart[i], end = p.RowStart[i + 1]; e < end; e++)
        {
            int j = cols[e];
            double dx = yx - y[2 * j], dy = yy - y[2 * j + 1];
            double pw = vals[e] / (1.0 + dx * dx + dy * dy);
            gx += pw * dx; gy += pw * dy;
        }
        grad[2 * i] = gx; grad[2 * i + 1] = gy;
    }

    public double KlDivergence(double[] y)
    {
        var scratch = new double[y.Length];
        double z = Compute(y, 1, scratch);
        double kl = 0;
        for (int i = 0; i < p.N; i++)
            for (int e = p.RowStart[i]; e < p.RowStart[i + 1]; e++)
            {
                int j = p.Cols[e];
                double d2 = 0;
                for (int c = 0; c < dim; c++) { double t = y[i * dim + c] - y[j * dim + c]; d2 += t * t; }
                double q = 1.0 / (1.0 + d2) / z;
                if (p.Values[e] > 0) kl += p.Values[e] * Math.Log(p.Values[e] / q);
            }
        return kl;
    }
}
