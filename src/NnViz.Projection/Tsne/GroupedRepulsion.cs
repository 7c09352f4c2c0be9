using System.Runtime.Intrinsics;

namespace NnViz.Projection.Tsne;

/// <summary>
/// Barnes-Hut repulsion in 2-D with grouped tree walks (Barnes 1990): the points of one group share an interaction
/// list of cells accepted for the whole group (cell width &lt; theta x distance from the cell's centre of mass to the
/// group's bounding box, so every member meets the per-point criterion), then each point sums the list with
/// 4-wide vectors in a fixed lane order. Same bits with any thread count and vector width.
/// From <see cref="SinglePrecisionMinPoints"/> points (where the kNN search is approximate too) the lists are summed
/// in single precision instead (<see cref="SingleRepulsion"/>), about twice as fast.
/// </summary>
internal sealed class GroupedRepulsion(int n, double theta, bool single)
{
    /// <summary>From this many points the repulsion sums are single precision: the approximate kNN's threshold, far
    /// above the ci and quick profiles' sizes, so their bits come from the double-precision sums.</summary>
    public const int SinglePrecisionMinPoints = Neighbors.NearestNeighbors.ApproximateMinPoints;

    public GroupedRepulsion(int n, double theta) : this(n, theta, n >= SinglePrecisionMinPoints) { }

    private readonly QuadTree _tree = new();

    /// <summary>Adds sum_j w_ij^2 (y_i - y_j) into rep (n x 2) and sum_j w_ij into rowZ, w = 1 / (1 + |y_i - y_j|^2).</summary>
    public void Compute(double[] y, double[] rep, double[] rowZ)
    {
        Build(y);
        Sum(y, rep, rowZ);
    }

    /// <summary>The tree over the layout (sequential; <see cref="BarnesHutGradient"/> runs it beside the attraction).</summary>
    public void Build(double[] y) => _tree.Build(y, n);

    /// <summary>The repulsion over the tree last built from this same layout (see <see cref="Compute"/>).</summary>
    public void Sum(double[] y, double[] rep, double[] rowZ)
    {
        var t = _tree;
        Parallelism.ForChunks(t.GroupCount, 16, (start, end) =>
        {
            var lx = new List<double>(); var ly = new List<double>(); var lm = new List<double>(); var leaf = new List<double>();
            var stack = new int[4096];
            for (int g = start; g < end; g++)
            {
                int a = t.GroupStart[g], b = t.GroupStart[g + 1];
                double lox = double.PositiveInfinity, loy = double.PositiveInfinity, hix = double.NegativeInfinity, hiy = double.NegativeInfinity;
                for (int s = a; s < b; s++)
                {
                    int i = t.Order[s];
                    lox = Math.Min(lox, y[2 * i]); hix = Math.Max(hix, y[2 * i]);
                    loy = Math.Min(loy, y[2 * i + 1]); hiy = Math.Max(hiy, y[2 * i + 1]);
                }
                double bx = (lox + hix) / 2, by = (loy + hiy) / 2, hx = (hix - lox) / 2, hy = (hiy - loy) / 2;
                lx.Clear(); ly.Clear(); lm.Clear(); leaf.Clear();
                int top = 0;
                stack[top++] = 0;
                double theta2 = theta * theta;
                while (top > 0)
                {
                    int node = stack[--top];
                    if (t.Mass[node] == 0) continue;
                    bool isLeaf = t.First[node] < 0;
                    if (!isLeaf)
                    {
                        double dx = Math.Max(Math.Abs(t.Mx[node] - bx) - hx, 0), dy = Math.Max(Math.Abs(t.My[node] - by) - hy, 0);
                        double w = 2 * t.Half[node];
                        if (w * w >= theta2 * (dx * dx + dy * dy))
                        {
                            for (int k = 3; k >= 0; k--) stack[top++] = t.First[node] + k;
                            continue;
                        }
                    }
                    lx.Add(t.Mx[node]); ly.Add(t.My[node]); lm.Add(t.Mass[node]); leaf.Add(isLeaf ? 1 : 0);
                }
                if (single) { SingleRepulsion.SumList(y, t.Order, a, b, bx, by, lx, ly, lm, leaf, rep, rowZ); continue; }
                while (lx.Count % 4 != 0) { lx.Add(0); ly.Add(0); lm.Add(0); leaf.Add(0); }
                SumList(y, t.Order, a, b, lx, ly, lm, leaf, rep, rowZ);
            }
        });
    }

    private static void SumList(double[] y, int[] order, int a, int b,
        List<double> lx, List<double> ly, List<double> lm, List<double> leaf, double[] rep, double[] rowZ)
    {
        var sx = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(lx);
        var sy = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ly);
        var sm = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(lm);
        var sl = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(leaf);
        var one = Vector256.Create(1.0);
        for (int s = a; s < b; s++)
        {
            int i = order[s];
            var px = Vector256.Create(y[2 * i]);
            var py = Vector256.Create(y[2 * i + 1]);
            var z = Vector256<double>.Zero; var fx = Vector256<double>.Zero; var fy = Vector256<double>.Zero;
            for (int e = 0; e < sx.Length; e += 4)
            {
                var dx = px - Vector256.Create(sx.Slice(e, 4));
                var dy = py - Vector256.Create(sy.Slice(e, 4));
                var d2 = dx * dx + dy * dy;
                var w = one / (one + d2);
                // A leaf at i's own position holds i itself: remove one unit of mass there.
                var self = Vector256.ConditionalSelect(Vector256.Equals(d2, Vector256<double>.Zero), Vector256.Create(sl.Slice(e, 4)), Vector256<double>.Zero);
                var m = Vector256.Create(sm.Slice(e, 4)) - self;
                var mw = m * w;
                z += mw;
                var mww = mw * w;
                fx += mww * dx; fy += mww * dy;
            }
            rowZ[i] = (z.GetElement(0) + z.GetElement(1)) + (z.GetElement(2) + z.GetElement(3));
            rep[2 * i] = (fx.GetElement(0) + fx.GetElement(1)) + (fx.GetElement(2) + fx.GetElement(3));
            rep[2 * i + 1] = (fy.GetElement(0) + fy.GetElement(1)) + (fy.GetElement(2) + fy.GetElement(3));
        }
    }
}
