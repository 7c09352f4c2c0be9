namespace NnViz.Projection.Manifold;

/// <summary>An undirected weighted graph in adjacency lists (compressed rows).</summary>
internal sealed record WeightedGraph(int N, int[] RowStart, int[] Targets, double[] Weights);

/// <summary>
/// All-pairs geodesic distances on the neighbourhood graph (Tenenbaum et al. 2000, step 2), one row per source;
/// sources run in parallel in fixed chunks, each filling its own row.
/// Each row holds the smallest path lengths from the source, every path summed from the source outwards in double
/// precision. Rounding is monotone, so that minimum is the fixed point dist[v] = min_u (dist[u] + w(u, v)) which
/// every exact label-setting or label-correcting method reaches (Dijkstra with any heap, Bellman-Ford,
/// delta-stepping): the bits depend neither on the method nor on the order points leave its queue.
/// </summary>
internal static class ShortestPaths
{
    /// <summary>Sources per parallel chunk: fixed, so the rows never depend on the thread count.</summary>
    private const int SourcesPerChunk = 16;

    public static double[] AllPairs(WeightedGraph g) => AllPairs(g, BucketSearch.DefaultWidthQuantile);

    /// <param name="widthQuantile">The bucket width as a quantile of the edge lengths (a speed setting only).</param>
    internal static double[] AllPairs(WeightedGraph g, double widthQuantile)
    {
        int n = g.N;
        var dist = new double[(long)n * n];
        var (width, ring) = BucketSearch.Plan(g.Weights, widthQuantile);
        Parallelism.ForChunks(n, SourcesPerChunk, (start, end) =>
        {
            var search = new BucketSearch(g, width, ring);
            for (int s = start; s < end; s++) search.Run(s, dist.AsSpan(s * n, n));
        });
        return dist;
    }
}
