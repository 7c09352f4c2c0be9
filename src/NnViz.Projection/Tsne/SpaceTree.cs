namespace NnViz.Projection.Tsne;

/// <summary>
/// A quadtree (2-D) or octree (3-D) over the layout for the Barnes-Hut approximation (Barnes &amp; Hut 1986;
/// van der Maaten 2014, sec. 4.2). Flat arrays, rebuilt every iteration by sequential insertion in point order,
/// so its shape depends only on the layout. A leaf holds one position (several points only when they coincide).
/// </summary>
internal sealed class SpaceTree(int dim)
{
    private const int MaxDepth = 48;
    private readonly int _children = 1 << dim;
    private int _count;
    private double[] _centre = new double[64 * dim];
    private double[] _half = new double[64];
    private double[] _com = new double[64 * dim];
    private int[] _mass = new int[64];
    private int[] _first = new int[64];
    private int[] _point = new int[64];

    public int Dim => dim;

    public void Build(double[] y, int n)
    {
        Span<double> lo = stackalloc double[dim], hi = stackalloc double[dim];
        lo.Fill(double.PositiveInfinity); hi.Fill(double.NegativeInfinity);
        for (int i = 0; i < n; i++)
            for (int c = 0; c < dim; c++) { lo[c] = Math.Min(lo[c], y[i * dim + c]); hi[c] = Math.Max(hi[c], y[i * dim + c]); }
        double half = 0;
        for (int c = 0; c < dim; c++) half = Math.Max(half, (hi[c] - lo[c]) / 2);
        half = half * (1 + 1e-6) + 1e-12;
        _count = 0;
        int root = NewNode();
        for (int c = 0; c < dim; c++) _centre[root * dim + c] = (lo[c] + hi[c]) / 2;
        _half[root] = half;
        for (int i = 0; i < n; i++) Insert(y, i);
        for (int node = 0; node < _count; node++)
            if (_mass[node] > 0)
                for (int c = 0; c < dim; c++) _com[node * dim + c] /= _mass[node];
    }

    private void Insert(double[] y, int i)
    {
        int node = 0, depth = 0;
        while (true)
        {
            if (_first[node] < 0)
            {
                if (_mass[node] == 0) { _point[node] = i; Add(node, y, i, 1); return; }
                int p = _point[node];
                if (SamePosition(y, p, i) || depth >= MaxDepth) { Add(node, y, i, 1); return; }
                Subdivide(node);
                int child = ChildFor(node, y, p);
                _mass[child] = _mass[node];
                for (int c = 0; c < dim; c++) _com[child * dim + c] = _com[node * dim + c];
                _point[child] = p;
                _point[node] = -1;
            }
            Add(node, y, i, 1);
            node = ChildFor(node, y, i);
            depth++;
        }
    }

    private void Add(int node, double[] y, int i, int m)
    {
        _mass[node] += m;
        for (int c = 0; c < dim; c++) _com[node * dim + c] += y[i * dim + c];
    }

    private bool SamePosition(double[] y, int a, int b)
    {
        for (int c = 0; c < dim; c++) if (y[a * dim + c] != y[b * dim + c]) return false;
        return true;
    }

    private int ChildFor(int node, double[] y, int i)
    {
        int idx = 0;
        for (int c = 0; c < dim; c++) if (y[i * dim + c] >= _centre[node * dim + c]) idx |= 1 << c;
        return _first[node] + idx;
    }

    private void Subdivide(int node)
    {
        int first = _count;
        double h = _half[node] / 2;
        for (int k = 0; k < _children; k++)
        {
            int child = NewNode();
            _half[child] = h;
            for (int c = 0; c < dim; c++)
                _centre[child * dim + c] = _centre[node * dim + c] + (((k >> c) & 1) == 1 ? h : -h);
        }
        _first[node] = first;
    }

    private int NewNode()
    {
        if (_count == _mass.Length)
        {
            int cap = _mass.Length * 2;
            Array.Resize(ref _centre, cap * dim); Array.Resize(ref _half, cap); Array.Resize(ref _com, cap * dim);
            Array.Resize(ref _mass, cap); Array.Resize(ref _first, cap); Array.Resize(ref _point, cap);
        }
        int node = _count++;
        _mass[node] = 0; _first[node] = -1; _point[node] = -1;
        for (int c = 0; c < dim; c++) _com[node * dim + c] = 0;
        return node;
    }

    /// <summary>
    /// Repulsion on point i: adds sum_j w_ij^2 (y_i - y_j) to <paramref name="force"/> and returns sum_j w_ij, w = 1/(1+d^2),
    /// summarising a cell by its centre of mass when its width / distance &lt; theta.
    /// </summary>
    public double Repulsion(double[] y, int i, double theta, Span<double> force, int[] stack)
    {
        double theta2 = theta * theta, z = 0;
        Span<double> diff = stackalloc double[dim];
        int top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            int node = stack[--top];
            int mass = _mass[node];
            if (mass == 0) continue;
            double d2 = 0;
            for (int c = 0; c < dim; c++) { diff[c] = y[i * dim + c] - _com[node * dim + c]; d2 += diff[c] * diff[c]; }
            bool leaf = _first[node] < 0;
            double width = 2 * _half[node];
            if (leaf || width * width < theta2 * d2)
            {
                // A leaf at i's own position holds i itself (and its duplicates): leave i out.
                double m = leaf && d2 == 0 ? mass - 1 : mass;
                double w = 1.0 / (1.0 + d2);
                z += m * w;
                double mww = m * w * w;
                for (int c = 0; c < dim; c++) force[c] += mww * diff[c];
            }
            else
            {
                // Push in reverse so children are visited in index order (fixed summation order).
                for (int k = _children - 1; k >= 0; k--) stack[top++] = _first[node] + k;
            }
        }
        return z;
    }
}
