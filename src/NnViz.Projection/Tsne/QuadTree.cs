namespace NnViz.Projection.Tsne;

/// <summary>
/// A 2-D quadtree for grouped Barnes-Hut (Barnes 1990): built by sequential insertion in point order (its shape
/// depends only on the layout), then cut into groups of at most <see cref="GroupSize"/> points that share one
/// tree walk. Leaves hold one position; coinciding points are chained in one leaf.
/// </summary>
internal sealed class QuadTree
{
    public const int GroupSize = 64;
    private const int MaxDepth = 48;
    private int _count;
    internal double[] Cx = new double[256], Cy = new double[256], Half = new double[256];
    internal double[] Mx = new double[256], My = new double[256];
    internal int[] Mass = new int[256], First = new int[256], Head = new int[256];
    private int[] _next = [];

    /// <summary>Points in depth-first order; group g owns Order[GroupStart[g]..GroupStart[g+1]).</summary>
    public int[] Order { get; private set; } = [];
    public int[] GroupStart { get; private set; } = [];
    public int GroupCount { get; private set; }

    public void Build(double[] y, int n)
    {
        if (_next.Length != n) { _next = new int[n]; Order = new int[n]; GroupStart = new int[n + 1]; }
        double lox = double.PositiveInfinity, loy = double.PositiveInfinity, hix = double.NegativeInfinity, hiy = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            double a = y[2 * i], b = y[2 * i + 1];
            if (a < lox) lox = a; if (a > hix) hix = a;
            if (b < loy) loy = b; if (b > hiy) hiy = b;
        }
        _count = 0;
        int root = NewNode();
        Cx[root] = (lox + hix) / 2; Cy[root] = (loy + hiy) / 2;
        Half[root] = Math.Max(hix - lox, hiy - loy) / 2 * (1 + 1e-6) + 1e-12;
        for (int i = 0; i < n; i++) Insert(y, i);
        for (int node = 0; node < _count; node++)
            if (Mass[node] > 0) { Mx[node] /= Mass[node]; My[node] /= Mass[node]; }
        CutGroups();
    }

    private void Insert(double[] y, int i)
    {
        double px = y[2 * i], py = y[2 * i + 1];
        int node = 0, depth = 0;
        while (true)
        {
            if (First[node] < 0)
            {
                if (Mass[node] == 0) { Head[node] = i; _next[i] = -1; Mass[node] = 1; Mx[node] = px; My[node] = py; return; }
                int p = Head[node];
                double qx = y[2 * p], qy = y[2 * p + 1];
                if ((qx == px && qy == py) || depth >= MaxDepth)
                {
                    _next[i] = Head[node]; Head[node] = i; Mass[node]++; Mx[node] += px; My[node] += py;
                    return;
                }
                Subdivide(node);
                int child = Child(node, qx, qy);
                Mass[child] = Mass[node]; Mx[child] = Mx[node]; My[child] = My[node]; Head[child] = p;
                Head[node] = -1;
            }
            Mass[node]++; Mx[node] += px; My[node] += py;
            node = Child(node, px, py);
            depth++;
        }
    }

    private int Child(int node, double x, double y) =>
        First[node] + (x >= Cx[node] ? 1 : 0) + (y >= Cy[node] ? 2 : 0);

    private void Subdivide(int node)
    {
        int first = _count;
        double h = Half[node] / 2;
        for (int k = 0; k < 4; k++)
        {
            int c = NewNode();
            Half[c] = h;
            Cx[c] = Cx[node] + ((k & 1) == 1 ? h : -h);
            Cy[c] = Cy[node] + ((k & 2) == 2 ? h : -h);
        }
        First[node] = first;
    }

    private int NewNode()
    {
        if (_count == Mass.Length)
        {
            int cap = Mass.Length * 2;
            Array.Resize(ref Cx, cap); Array.Resize(ref Cy, cap); Array.Resize(ref Half, cap);
            Array.Resize(ref Mx, cap); Array.Resize(ref My, cap);
            Array.Resize(ref Mass, cap); Array.Resize(ref First, cap); Array.Resize(ref Head, cap);
        }
        int node = _count++;
        Mass[node] = 0; First[node] = -1; Head[node] = -1; Mx[node] = 0; My[node] = 0;
        return node;
    }

    /// <summary>Depth-first walk: every maximal subtree with at most GroupSize points (or a leaf) becomes one group.</summary>
    private void CutGroups()
    {
        int filled = 0, groups = 0;
        var outer = new Stack<int>();
        var inner = new Stack<int>();
        outer.Push(0);
        GroupStart[0] = 0;
        while (outer.Count > 0)
        {
            int node = outer.Pop();
            if (Mass[node] == 0) continue;
            if (Mass[node] > GroupSize && First[node] >= 0)
            {
                for (int k = 3; k >= 0; k--) outer.Push(First[node] + k);
                continue;
            }
            inner.Push(node);
            while (inner.Count > 0)
            {
                int m = inner.Pop();
                if (First[m] < 0) { for (int p = Head[m]; p >= 0; p = _next[p]) Order[filled++] = p; }
                else for (int k = 3; k >= 0; k--) if (Mass[First[m] + k] > 0) inner.Push(First[m] + k);
            }
            GroupStart[++groups] = filled;
        }
        GroupCount = groups;
    }
}
