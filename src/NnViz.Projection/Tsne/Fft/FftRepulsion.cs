namespace NnViz.Projection.Tsne.Fft;

/// <summary>
/// t-SNE repulsion in 2-D by interpolation onto an equispaced grid and FFT convolution (Linderman et al. 2019,
/// FIt-SNE; openTSNE's default settings of 3 interpolation nodes per box and boxes at most one unit wide, at least 50
/// per side). The layout's bounding square is cut into B x B boxes with 3 x 3 nodes each; every point spreads the
/// four charges 1, x, y, x^2 + y^2 onto its box's nodes with Lagrange weights, the nodes' potentials under the kernel
/// 1 / (1 + d^2)^2 come from one circulant convolution (<see cref="Fft2D"/>), and each point interpolates them back:
/// sum_j w_ij^2 (y_i - y_j) and, since w = w^2 (1 + d^2), sum_j w_ij, with i's own term (1) removed.
/// Deterministic: each node's charge is summed over its box's points in index order, boxes in fixed row chunks.
/// </summary>
internal sealed class FftRepulsion(int n, double maxBoxWidth = FftRepulsion.MaxBoxWidth)
{
    public const int NodesPerBox = 3;
    private const int MinBoxes = 50;
    /// <summary>openTSNE's default: one box per unit of the layout, at most.</summary>
    public const double MaxBoxWidth = 1.0;

    /// <summary>The largest FFT size used: above it (layouts wider than 85 boxes of the widest size) Barnes-Hut is
    /// cheaper on this machine even with this transform (at M = 1024 one 2-D transform costs ~0.018 s CPU, four per
    /// gradient), and the 1024 grid's one-unit boxes left MNIST's KL at 2.938 against the tree's 2.881
    /// (bench/RESULTS.md, session 6).</summary>
    public const int MaxFftSize = 512;

    /// <summary>Sub-unit boxes are widened (still under a unit) rather than let the grid grow past this size.</summary>
    public const int CompactFftSize = MaxFftSize;

    /// <summary>The largest grid <see cref="Compute"/> accepts when called directly (not through <see cref="Fits"/>).</summary>
    private const int MaxGridSize = 1 << 13;

    private Fft2D? _fft;
    private double _kernelBoxWidth;
    private int _boxes;
    private double[] _k = [], _kIm = [], _aRe = [], _aIm = [], _bRe = [], _bIm = [];
    private readonly int[] _box = new int[n];
    private readonly double[] _w = new double[n * 2 * NodesPerBox];
    private int[] _rowStart = [], _order = new int[n];

    /// <summary>The FFT size M and box width h for a layout spanning <paramref name="range"/> (its bounding square's
    /// side): h a power of two times the largest box width (default <see cref="MaxBoxWidth"/>), small enough for
    /// <see cref="MinBoxes"/> boxes per side (43 when 50 to 100 would not fit the <see cref="CompactFftSize"/> grid);
    /// M the smallest power of two with 3 x boxes &lt;= M / 2 (the circulant embedding's padding). Both change only at
    /// powers of two of the range, so the kernel's spectrum is reused across most iterations.</summary>
    public (int M, double BoxWidth, int Boxes) Grid(double range)
    {
        range = Math.Max(range, 1e-6);
        double h = maxBoxWidth;
        while (range / h < MinBoxes) h /= 2;
        // Boxes narrower than the widest allowed and too many for the cached-size grid (85 to 100 of them): twice as
        // wide (43 to 50 boxes, still well under a unit) keeps the grid at CompactFftSize instead of doubling it.
        if (h < maxBoxWidth && NodesPerBox * Math.Ceiling(range / h) > CompactFftSize / 2) h *= 2;
        double need = Math.Ceiling(range / h);
        if (!(need <= MaxGridSize / 2 / NodesPerBox)) return (int.MaxValue, h, int.MaxValue);   // too wide (or not finite)
        int boxes = Math.Max(1, (int)need), m = 16;
        while (m / 2 < NodesPerBox * boxes) m *= 2;
        return (m, h, boxes);
    }

    /// <summary>The FFT size of the last call (M; the grid has 3B &lt;= M / 2 nodes per side).</summary>
    public int LastFftSize => _fft?.M ?? 0;

    /// <summary>Writes sum_j w_ij^2 (y_i - y_j) into rep (n x 2) and sum_{j != i} w_ij into rowZ.</summary>
    public void Compute(double[] y, double[] rep, double[] rowZ)
    {
        var (lo, hi) = Bounds(y);
        var (m, h, boxes) = Grid(hi - lo);
        if (m > MaxGridSize)
            throw new ArgumentException($"FFT repulsion: the layout spans {hi - lo} units, more than a {MaxGridSize}-point grid of boxes {h} wide holds");
        if (_fft is null || _fft.M != m) Allocate(m);
        int nodes = boxes * NodesPerBox;
        _boxes = boxes;
        double centre = (lo + hi) / 2;
        lo = centre - boxes * h / 2;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        Locate(y, lo, h, boxes);
        Spread(y, centre, nodes, boxes);
        Phase(0, sw);
        if (h != _kernelBoxWidth) { KernelSpectrum(h / NodesPerBox); _kernelBoxWidth = h; }
        Phase(1, sw);
        var fft = _fft!;
        int st = fft.Stride;
        fft.Forward(_aRe, _aIm, nodes);
        fft.Forward(_bRe, _bIm, nodes);
        Parallelism.ForChunks(m, 32, (a, b) =>
        {
            for (int r = a; r < b; r++)
                for (int e = r * st, end = e + m; e < end; e++) { double k = _k[e]; _aRe[e] *= k; _aIm[e] *= k; _bRe[e] *= k; _bIm[e] *= k; }
        });
        fft.Inverse(_aRe, _aIm, nodes);
        fft.Inverse(_bRe, _bIm, nodes);
        Phase(2, sw);
        Gather(y, centre, rep, rowZ);
        Phase(3, sw);
    }

    /// <summary>The smallest and largest coordinate over both axes (the grid's square).</summary>
    public static (double Lo, double Hi) Bounds(double[] y)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (double v in y) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        return (lo, hi);
    }

    /// <summary>Whether this layout's grid is at most <see cref="MaxFftSize"/>.</summary>
    public bool Fits(double[] y)
    {
        var (lo, hi) = Bounds(y);
        return Grid(hi - lo).M <= MaxFftSize;
    }

    /// <summary>Wall seconds spent so far in: locate + spread, kernel spectrum, convolution, gather (diagnostics only).</summary>
    public double[] PhaseSeconds { get; } = new double[4];

    private void Phase(int k, System.Diagnostics.Stopwatch sw) { PhaseSeconds[k] += sw.Elapsed.TotalSeconds; sw.Restart(); }

    private void Allocate(int m)
    {
        _fft = new Fft2D(m);
        int size = m * _fft.Stride;
        _k = new double[size]; _kIm = new double[size];
        _aRe = new double[size]; _aIm = new double[size]; _bRe = new double[size]; _bIm = new double[size];
        _rowStart = new int[m / 2 / NodesPerBox + 1];
        _kernelBoxWidth = 0;
    }

    /// <summary>Each point's box (row-major) and Lagrange weights; the points ordered by box row, by index within a row.</summary>
    private void Locate(double[] y, double lo, double h, int boxes)
    {
        Array.Clear(_rowStart);
        // Boxes and weights point by point in parallel (each value independent of the others), then a counting sort.
        Parallelism.ForChunks(n, 4096, (a, b) =>
        {
            for (int i = a; i < b; i++)
            {
                double ux = (y[2 * i] - lo) / h, uy = (y[2 * i + 1] - lo) / h;
                int bx = Math.Clamp((int)ux, 0, boxes - 1), by = Math.Clamp((int)uy, 0, boxes - 1);
                _box[i] = by * boxes + bx;
                Lagrange(ux - bx, _w.AsSpan(i * 2 * NodesPerBox, NodesPerBox));
                Lagrange(uy - by, _w.AsSpan(i * 2 * NodesPerBox + NodesPerBox, NodesPerBox));
            }
        });
        for (int i = 0; i < n; i++) _rowStart[_box[i] / boxes + 1]++;
        for (int r = 0; r < boxes; r++) _rowStart[r + 1] += _rowStart[r];
        var fill = (int[])_rowStart.Clone();
        for (int i = 0; i < n; i++) _order[fill[_box[i] / boxes]++] = i;
    }

    /// <summary>Weights of the nodes at (k + 0.5) / 3 of the box for a point at fraction u of it.</summary>
    private static void Lagrange(double u, Span<double> w)
    {
        const double t0 = 1.0 / 6, t1 = 0.5, t2 = 5.0 / 6, d = 1.0 / 3;
        w[0] = (u - t1) * (u - t2) / (2 * d * d);
        w[1] = -(u - t0) * (u - t2) / (d * d);
        w[2] = (u - t0) * (u - t1) / (2 * d * d);
    }

    /// <summary>Charges 1 and x into grid a (real, imaginary), y and x^2 + y^2 into grid b, node (row, column) = (y, x).</summary>
    private void Spread(double[] y, double centre, int nodes, int boxes)
    {
        int m = _fft!.M, st = _fft.Stride;
        // Only the corner of nodes x nodes is read by the forward transform (see Fft2D).
        Parallelism.ForChunks(nodes, 64, (a, b) =>
        {
            for (int r = a; r < b; r++)
            {
                _aRe.AsSpan(r * st, nodes).Clear(); _aIm.AsSpan(r * st, nodes).Clear();
                _bRe.AsSpan(r * st, nodes).Clear(); _bIm.AsSpan(r * st, nodes).Clear();
            }
        });
        Parallelism.ForChunks(boxes, 4, (ra, rb) =>
        {
            for (int s = _rowStart[ra]; s < _rowStart[rb]; s++)
            {
                int i = _order[s];
                double x0 = y[2 * i] - centre, y0 = y[2 * i + 1] - centre, q3 = x0 * x0 + y0 * y0;
                int bx = _box[i] % boxes, by = _box[i] / boxes, wo = i * 2 * NodesPerBox;
                for (int l = 0; l < NodesPerBox; l++)
                {
                    int row = (by * NodesPerBox + l) * st + bx * NodesPerBox;
                    for (int k = 0; k < NodesPerBox; k++)
                    {
                        double w = _w[wo + k] * _w[wo + NodesPerBox + l];
                        _aRe[row + k] += w; _aIm[row + k] += w * x0; _bRe[row + k] += w * y0; _bIm[row + k] += w * q3;
                    }
                }
            }
        });
    }

    /// <summary>The circulant kernel 1 / (1 + d^2)^2 over node offsets (index r stands for offset r, or r - M past M / 2),
    /// transformed: real up to rounding, since the kernel is even; the real part is kept.</summary>
    private void KernelSpectrum(double spacing)
    {
        int m = _fft!.M, st = _fft.Stride;
        Parallelism.ForChunks(m, 32, (a, b) =>
        {
            for (int r = a; r < b; r++)
            {
                double dr = (r <= m / 2 ? r : r - m) * spacing;
                for (int c = 0; c < m; c++)
                {
                    double dc = (c <= m / 2 ? c : c - m) * spacing, q = 1 + dr * dr + dc * dc;
                    _k[r * st + c] = 1 / (q * q);
                }
            }
        });
        Array.Clear(_kIm);
        _fft.Forward(_k, _kIm, m);
    }

    /// <summary>Each point's potentials interpolated from its box's nodes; forces and its row of Z.</summary>
    private void Gather(double[] y, double centre, double[] rep, double[] rowZ)
    {
        int st = _fft!.Stride, boxes = _boxes;
        Parallelism.ForChunks(n, 1024, (a, b) =>
        {
            for (int i = a; i < b; i++)
            {
                int bx = _box[i] % boxes, by = _box[i] / boxes, wo = i * 2 * NodesPerBox;
                double p1 = 0, p2 = 0, p3 = 0, p4 = 0;
                for (int l = 0; l < NodesPerBox; l++)
                {
                    int row = (by * NodesPerBox + l) * st + bx * NodesPerBox;
                    for (int k = 0; k < NodesPerBox; k++)
                    {
                        double w = _w[wo + k] * _w[wo + NodesPerBox + l];
                        p1 += w * _aRe[row + k]; p2 += w * _aIm[row + k]; p3 += w * _bRe[row + k]; p4 += w * _bIm[row + k];
                    }
                }
                double x0 = y[2 * i] - centre, y0 = y[2 * i + 1] - centre;
                rowZ[i] = (1 + x0 * x0 + y0 * y0) * p1 - 2 * (x0 * p2 + y0 * p3) + p4 - 1;
                rep[2 * i] = x0 * p1 - p2;
                rep[2 * i + 1] = y0 * p1 - p3;
            }
        });
    }
}
