namespace NnViz.Projection.Manifold;

/// <summary>
/// Single-source shortest paths with a bucket queue instead of a heap (Dial 1969; delta-stepping, Meyer &amp;
/// Sanders 2003): a point with tentative distance t waits in bucket floor(t / width), buckets are read in order,
/// and a point whose distance falls again while its own bucket is open is read again in the same pass (edges
/// shorter than the width). The buckets form a ring, since no waiting distance exceeds the open bucket's by more
/// than the longest edge. Reading a bucket costs no comparisons, so a source costs about its edge relaxations.
/// One instance per thread; it keeps its buckets between sources.
/// </summary>
internal sealed class BucketSearch
{
    /// <summary>The bucket width as a quantile of the edge lengths, chosen by measurement (bench/RESULTS.md).</summary>
    public const double DefaultWidthQuantile = 0.1;

    /// <summary>Most buckets in the ring: a very long edge (joined graph pieces) widens the buckets instead.</summary>
    private const int MaxRing = 4096;

    private readonly int[] _rowStart, _targets;
    private readonly double[] _weights;
    private readonly double _inverseWidth;
    private readonly int[][] _items;
    private readonly int[] _length;
    private readonly int _mask; // ring size - 1 (a power of two)
    private readonly double[] _relaxedAt; // the distance each point's edges were last relaxed with
    private long _open;   // the absolute number of the bucket being read
    private int _waiting; // entries in the ring not yet read

    public BucketSearch(WeightedGraph g, double width, int ring)
    {
        _rowStart = g.RowStart; _targets = g.Targets; _weights = g.Weights;
        _inverseWidth = 1 / width;
        _items = new int[ring][];
        for (int b = 0; b < ring; b++) _items[b] = new int[16];
        _length = new int[ring];
        _mask = ring - 1;
        _relaxedAt = new double[g.N];
    }

    /// <summary>The bucket width and ring size (a power of two) for these edge lengths (all finite and >= 0).</summary>
    public static (double Width, int Ring) Plan(double[] weights, double widthQuantile)
    {
        if (weights.Length == 0) return (1, 4);
        var sorted = (double[])weights.Clone();
        Array.Sort(sorted);
        double longest = sorted[^1];
        double width = Math.Max(sorted[(int)Math.Min(sorted.Length - 1, widthQuantile * sorted.Length)], longest / MaxRing);
        if (!(width > 0)) return (1, 4); // every edge has length 0: one bucket holds everything
        return (width, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Ceiling(longest / width) + 3));
    }

    /// <summary>Geodesic distances from <paramref name="source"/> to every point into <paramref name="dist"/>.</summary>
    public void Run(int source, Span<double> dist)
    {
        dist.Fill(double.PositiveInfinity);
        Array.Fill(_relaxedAt, double.NaN);
        _open = 0; _waiting = 0;
        dist[source] = 0;
        Add(source, 0);
        while (_waiting > 0)
        {
            int slot = (int)_open & _mask;
            // Points added to the open bucket while it is read are read in this same pass.
            for (int t = 0; t < _length[slot]; t++) Relax(_items[slot][t], dist);
            _waiting -= _length[slot];
            _length[slot] = 0;
            _open++;
        }
    }

    private void Relax(int u, Span<double> dist)
    {
        double du = dist[u];
        if (du == _relaxedAt[u]) return; // a stale or repeated entry: its edges were relaxed with this distance
        _relaxedAt[u] = du;
        var targets = _targets; var weights = _weights;
        int end = _rowStart[u + 1];
        for (int e = _rowStart[u]; e < end; e++)
        {
            int v = targets[e];
            double nd = du + weights[e];
            if (nd < dist[v]) { dist[v] = nd; Add(v, nd); }
        }
    }

    /// <summary>Queues point <paramref name="item"/> at distance <paramref name="key"/> (never below the open bucket:
    /// a new distance is an open-bucket distance plus an edge, and rounding is monotone).</summary>
    private void Add(int item, double key)
    {
        int slot = (int)((long)(key * _inverseWidth) & _mask);
        ref int[] bucket = ref _items[slot];
        int at = _length[slot]++;
        if (at == bucket.Length) Array.Resize(ref bucket, 2 * at);
        bucket[at] = item;
        _waiting++;
    }
}
