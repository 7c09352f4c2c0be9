namespace NnViz.Projection.Manifold;

/// <summary>An undirected weighted graph in adjacency lists (compressed rows).</summary>
internal sealed record WeightedGraph(int N, int[] RowStart, int[] Targets, double[] Weights);

/// <summary>
/// All-pairs geodesic distances on the neighbourhood graph (Tenenbaum et al. 2000, step 2) by Dijkstra from
/// every source with a binary heap; sources run in parallel in fixed chunks, each filling its own row.
/// </summary>
internal static class ShortestPaths
{
    public static double[] AllPairs(WeightedGraph g)
    {
        int n = g.N;
        var dist = new double[(long)n * n];
        Parallelism.ForChunks(n, 16, (start, end) =>
        {
            var heap = new PriorityQueue<int, double>();
            var done = new bool[n];
            for (int s = start; s < end; s++) FromSource(g, s, dist.AsSpan(s * n, n), heap, done);
        });
        return dist;
    }

    public static void FromSource(WeightedGraph g, int source, Span<double> dist, PriorityQueue<int, double> heap, bool[] done)
    {
        dist.Fill(double.PositiveInfinity);
        Array.Clear(done);
        heap.Clear();
        dist[source] = 0;
        heap.Enqueue(source, 0);
        while (heap.TryDequeue(out int u, out double du))
        {
            if (done[u]) continue;
            done[u] = true;
            for (int e = g.RowStart[u]; e < g.RowStart[u + 1]; e++)
            {
                int v = g.Targets[e];
                double nd = du + g.Weights[e];
                if (nd < dist[v]) { dist[v] = nd; heap.Enqueue(v, nd); }
            }
        }
    }
}
