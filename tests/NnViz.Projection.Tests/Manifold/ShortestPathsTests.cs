using NnViz.Engine;
using NnViz.Projection.Manifold;

namespace NnViz.Projection.Tests.Manifold;

/// <summary>
/// The four-lane bucket search's geodesic rows are bit for bit those of a textbook Dijkstra (a binary heap, each point
/// settled once), whatever the bucket width, on graphs built to be awkward: many equally long paths (integer
/// lengths), zero-length edges, lengths spread over six decades, a piece no path reaches, and point counts that leave a group of four short.
/// </summary>
public class ShortestPathsTests
{
    [Theory]
    [InlineData(1, false, 300)]
    [InlineData(2, true, 301)]
    [InlineData(3, false, 298)]
    public void EveryRowEqualsTextbookDijkstraBitForBit(int seed, bool integerLengths, int n)
    {
        var g = RandomGraph(new Rng((ulong)seed), n, integerLengths);
        var expected = new double[g.N * g.N];
        for (int s = 0; s < g.N; s++) ReferenceDijkstra(g, s, expected.AsSpan(s * g.N, g.N));
        Assert.Contains(double.PositiveInfinity, expected); // the unreachable piece
        foreach (double quantile in new[] { 0.0, 0.1, 0.5, 1.0 })
        {
            var actual = ShortestPaths.AllPairs(g, quantile);
            int firstDiff = Enumerable.Range(0, expected.Length).FirstOrDefault(i => BitConverter.DoubleToInt64Bits(actual[i]) != BitConverter.DoubleToInt64Bits(expected[i]), -1);
            Assert.True(firstDiff < 0, $"width quantile {quantile}: entry {firstDiff} is {(firstDiff < 0 ? 0 : actual[firstDiff]):R}, Dijkstra gives {(firstDiff < 0 ? 0 : expected[firstDiff]):R}");
        }
    }

    [Fact]
    public void APathOfShortEdgesBeatsOneLongEdge()
    {
        // 0 - 1 - 2 - 3 in steps of 1, plus a direct edge 0 - 3 of length 2.5 and a far point 4 behind a long edge.
        var g = Graph(5, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (0, 3, 2.5), (3, 4, 1000)]);
        var d = ShortestPaths.AllPairs(g);
        Assert.Equal([0, 1, 2, 2.5, 1002.5], d[..5]);
        Assert.Equal([2.5, 2, 1, 0, 1000], d[15..20]);
    }

    private static WeightedGraph RandomGraph(Rng rng, int n, bool integerLengths)
    {
        var edges = new List<(int A, int B, double W)>();
        int reachable = n - 10; // points reachable..n-1 form a piece of their own
        for (int i = 1; i < reachable; i++)
            for (int t = 0; t < 3; t++)
            {
                int j = rng.NextInt(i);
                double w = integerLengths ? rng.NextInt(4) : Math.Pow(10, rng.Uniform(-3, 3)) * (rng.NextInt(20) == 0 ? 0 : 1);
                edges.Add((i, j, w));
            }
        for (int i = reachable + 1; i < n; i++) edges.Add((i, i - 1, 0.1 * (i - reachable)));
        return Graph(n, edges);
    }

    private static WeightedGraph Graph(int n, IEnumerable<(int A, int B, double W)> edges)
    {
        var adjacency = Enumerable.Range(0, n).Select(_ => new List<(int, double)>()).ToArray();
        foreach (var (a, b, w) in edges) { adjacency[a].Add((b, w)); adjacency[b].Add((a, w)); }
        var start = new int[n + 1];
        for (int i = 0; i < n; i++) start[i + 1] = start[i] + adjacency[i].Count;
        var all = adjacency.SelectMany(a => a).ToArray();
        return new WeightedGraph(n, start, all.Select(e => e.Item1).ToArray(), all.Select(e => e.Item2).ToArray());
    }

    private static void ReferenceDijkstra(WeightedGraph g, int source, Span<double> dist)
    {
        dist.Fill(double.PositiveInfinity);
        var done = new bool[g.N];
        var heap = new PriorityQueue<int, double>();
        dist[source] = 0;
        heap.Enqueue(source, 0);
        while (heap.TryDequeue(out int u, out double du))
        {
            if (done[u]) continue;
            done[u] = true;
            for (int e = g.RowStart[u]; e < g.RowStart[u + 1]; e++)
            {
                double nd = du + g.Weights[e];
                if (nd < dist[g.Targets[e]]) { dist[g.Targets[e]] = nd; heap.Enqueue(g.Targets[e], nd); }
            }
        }
    }
}
