using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NnViz.Projection.Manifold;

/// <summary>
/// Shortest paths from four sources at once, one Vector256 lane per source: a label-correcting search over a
/// ring of buckets of one width (Dial 1969; delta-stepping, Meyer &amp; Sanders 2003) instead of a heap, where a point
/// waits while any lane of its distances can still fall and is read again if one falls after it was read.
/// Each lane's arithmetic is its own source's (lane-wise add and compare), and the search stops only when no edge
/// can lower any lane, so every lane ends at its source's one fixed point: the bits of a single-source Dijkstra.
/// The four sources are neighbours in the graph (see <see cref="Groups"/>), so their waves travel together.
/// </summary>
internal sealed class LaneSearch
{
    private readonly int[] _rowStart, _targets;
    private readonly double[] _weights;
    private readonly double _inverseWidth;
    private readonly int[][] _items;
    private readonly int[] _length;
    private readonly int _mask;
    private readonly Vector256<double>[] _dist, _relaxedAt;
    private long _open;
    private int _waiting;

    public LaneSearch(WeightedGraph g, double width, int ring)
    {
        _rowStart = g.RowStart; _targets = g.Targets; _weights = g.Weights;
        _inverseWidth = 1 / width;
        _items = new int[ring][];
        for (int b = 0; b < ring; b++) _items[b] = new int[16];
        _length = new int[ring];
        _mask = ring - 1;
        _dist = new Vector256<double>[g.N];
        _relaxedAt = new Vector256<double>[g.N];
    }

    /// <summary>Rows of <paramref name="dist"/> (n per row) for the four sources of a group (a source may repeat).</summary>
    public void Run(ReadOnlySpan<int> sources, double[] dist, int n)
    {
        Array.Fill(_dist, Vector256.Create(double.PositiveInfinity));
        Array.Fill(_relaxedAt, Vector256.Create(double.NaN));
        _open = 0; _waiting = 0;
        for (int l = 0; l < 4; l++) { _dist[sources[l]] = _dist[sources[l]].WithElement(l, 0); Add(sources[l], 0); }
        while (_waiting > 0)
        {
            int slot = (int)_open & _mask;
            for (int t = 0; t < _length[slot]; t++) Relax(_items[slot][t]);
            _waiting -= _length[slot];
            _length[slot] = 0;
            _open++;
        }
        for (int l = 0; l < 4; l++)
        {
            var row = dist.AsSpan(sources[l] * n, n);
            for (int v = 0; v < n; v++) row[v] = _dist[v].GetElement(l);
        }
    }

    private void Relax(int u)
    {
        var du = _dist[u];
        if (Vector256.EqualsAll(du, _relaxedAt[u])) return; // every lane was relaxed with these distances
        _relaxedAt[u] = du;
        var targets = _targets; var weights = _weights; var dist = _dist;
        var inf = Vector256.Create(double.PositiveInfinity);
        int end = _rowStart[u + 1];
        for (int e = _rowStart[u]; e < end; e++)
        {
            int v = targets[e];
            var nd = du + Vector256.Create(weights[e]);
            var cur = dist[v];
            var lower = Vector256.LessThan(nd, cur);
            if (lower == Vector256<double>.Zero) continue;
            dist[v] = Vector256.ConditionalSelect(lower, nd, cur);
            var k = Vector256.ConditionalSelect(lower, nd, inf);
            Add(v, Math.Min(Math.Min(k.GetElement(0), k.GetElement(1)), Math.Min(k.GetElement(2), k.GetElement(3))));
        }
    }

    /// <summary>Queues a point by its smallest newly lowered lane, clamped into the ring (a point read early or
    /// late costs time, never correctness: the search runs until nothing falls).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(int item, double key)
    {
        long b = Math.Clamp((long)(key * _inverseWidth), _open, _open + _mask);
        int slot = (int)(b & _mask);
        ref int[] bucket = ref _items[slot];
        int at = _length[slot]++;
        if (at == bucket.Length) Array.Resize(ref bucket, 2 * at);
        bucket[at] = item;
        _waiting++;
    }

    /// <summary>Sources in groups of four graph neighbours: each unassigned point in index order with its nearest
    /// unassigned neighbours (then theirs); a group the graph cannot fill takes the next unassigned points.</summary>
    public static int[] Groups(WeightedGraph g)
    {
        int n = g.N;
        var order = new List<int>(n + 3);
        var taken = new bool[n];
        int next = 0;
        while (order.Count < n)
        {
            while (taken[next]) next++;
            int first = order.Count;
            order.Add(next); taken[next] = true;
            for (int m = first; m < order.Count && order.Count - first < 4; m++)
            {
                int u = order[m];
                var near = Enumerable.Range(g.RowStart[u], g.RowStart[u + 1] - g.RowStart[u]).OrderBy(e => g.Weights[e]).ThenBy(e => g.Targets[e]);
                foreach (int e in near)
                {
                    if (order.Count - first == 4) break;
                    int v = g.Targets[e];
                    if (!taken[v]) { taken[v] = true; order.Add(v); }
                }
            }
            for (int s = next; order.Count - first < 4 && s < n; s++) if (!taken[s]) { taken[s] = true; order.Add(s); }
        }
        while (order.Count % 4 != 0) order.Add(order[^1]);
        return order.ToArray();
    }
}
