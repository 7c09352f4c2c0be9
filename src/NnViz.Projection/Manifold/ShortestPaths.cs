namespace NnViz.Projection.Manifold;

/// <summary>An undirected weighted graph in adjacency lists (compressed rows).</summary>
internal sealed record WeightedGraph(int N, int[] RowStart, int[] Targets, double[] Weights);

/// <summary>
/// All-pairs geodesic distances on the neighbourhood graph (Tenenbaum et al. 2000, step 2), one row per source;
/// sources run in parallel in fixed chunks, each filling its own row.
/// Each row holds the smallest path lengths from the source, every path summed from the source outwards in double
/// precision. Rounding is monotone, so that minimum is the fixed point dist[v] = min_u (dist[u] + w(u, v)) which
/// every exact label-setting or label-correcting method reaches (Dijkstra with any heap, Bellman-Ford,
/// delta-stepping): the bits depend neither on the method nor on the order points leave its queue. Here four
/// sources at a time share one search, a lane each (<see cref="LaneSearch"/>).
/// </summary>
internal static class ShortestPaths
{
    /// <summary>Groups of four sources per parallel chunk: fixed, so the rows never depend on the thread count.</summary>
    private const int GroupsPerChunk = 4;

    /// <summary>The bucket width as a quantile of the edge lengths, chosen by measurement (bench/RESULTS.md).</summary>
    public const double DefaultWidthQuantile = 0.1;

    /// <summary>Most buckets in the ring: a very long edge (joined graph pieces) widens the buckets instead.</summary>
    private const int MaxRing = 4096;

    public static double[] AllPairs(WeightedGraph g) => AllPairs(g, DefaultWidthQuantile);

    /// <param name="widthQuantile">The bucket width as a quantile of the edge lengths (a speed setting only).</param>
    internal static double[] AllPairs(WeightedGraph g, double widthQuantile)
    {
        int n = g.N;
        var dist = new double[(long)n * n];
        var (width, ring) = Plan(g.Weights, widthQuantile);
        var groups = LaneSearch.Groups(g);
        Parallelism.ForChunks(groups.Length / 4, GroupsPerChunk, (start, end) =>
        {
            var lanes = new LaneSearch(g, width, ring);
            for (int q = start; q < end; q++) lanes.Run(groups.AsSpan(4 * q, 4), dist, n);
        });
        return dist;
    }

    /// <summary>The bucket width and ring size (a power of two) for these edge lengths (all finite and >= 0).</summary>
    private static (double Width, int Ring) Plan(double[] weights, double widthQuantile)
    {
        if (weights.Length == 0) return (1, 4);
        var sorted = (double[])weights.Clone();
        Array.Sort(sorted);
        double longest = sorted[^1];
        double width = Math.Max(sorted[(int)Math.Min(sorted.Length - 1, widthQuantile * sorted.Length)], longest / MaxRing);
        if (!(width > 0)) return (1, 4); // every edge has length 0: one bucket holds everything
        return (width, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Ceiling(longest / width) + 3));
    }
}
