using NnViz.Projection.Linear;
using NnViz.Projection.Neighbors;

namespace NnViz.Projection.Manifold;

/// <summary>
/// The symmetric kNN graph Isomap walks on (an edge when either point is among the other's k nearest), with
/// disconnected pieces joined by their closest pair of points, as scikit-learn does since 1.2, so every geodesic
/// distance is finite. Returns the number of pieces found before joining.
/// </summary>
internal static class NeighborhoodGraph
{
    public static WeightedGraph Build(double[] x, int n, int d, KnnGraph knn, out int components)
    {
        var edges = new List<(int A, int B, double W)>(n * knn.K);
        for (int i = 0; i < n; i++)
            for (int t = 0; t < knn.K; t++) edges.Add((i, knn.Indices[i * knn.K + t], knn.Distances[i * knn.K + t]));
        var label = Components(n, edges, out components);
        int pieces = components;
        while (pieces > 1)
        {
            // Join piece 0 to its nearest other piece by the closest pair of points.
            double best = double.PositiveInfinity; int bi = -1, bj = -1;
            for (int i = 0; i < n; i++)
            {
                if (label[i] != 0) continue;
                var xi = new ReadOnlySpan<double>(x, i * d, d);
                for (int j = 0; j < n; j++)
                {
                    if (label[j] == 0) continue;
                    double dd = Distances.SquaredEuclidean(xi, new ReadOnlySpan<double>(x, j * d, d));
                    if (dd < best) { best = dd; bi = i; bj = j; }
                }
            }
            edges.Add((bi, bj, Math.Sqrt(best)));
            label = Components(n, edges, out pieces);
        }
        return ToGraph(n, edges);
    }

    private static WeightedGraph ToGraph(int n, List<(int A, int B, double W)> edges)
    {
        var adjacency = new List<(int To, double W)>[n];
        for (int i = 0; i < n; i++) adjacency[i] = [];
        foreach (var (a, b, w) in edges) { adjacency[a].Add((b, w)); adjacency[b].Add((a, w)); }
        var start = new int[n + 1];
        var targets = new List<int>();
        var weights = new List<double>();
        for (int i = 0; i < n; i++)
        {
            foreach (var (to, w) in adjacency[i].OrderBy(e => e.To).ThenBy(e => e.W))
                if (targets.Count == start[i] || targets[^1] != to) { targets.Add(to); weights.Add(w); }
            start[i + 1] = targets.Count;
        }
        return new WeightedGraph(n, start, targets.ToArray(), weights.ToArray());
    }

    /// <summary>Connected-component label per point (union-find), labels numbered by first appearance.</summary>
    private static int[] Components(int n, List<(int A, int B, double W)> edges, out int count)
    {
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int a) { while (parent[a] != a) { parent[a] = parent[parent[a]]; a = parent[a]; } return a; }
        foreach (var (a, b, _) in edges) { int ra = Find(a), rb = Find(b); if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb); }
        var label = new int[n];
        var map = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            int r = Find(i);
            if (!map.TryGetValue(r, out int l)) { l = map.Count; map[r] = l; }
            label[i] = l;
        }
        count = map.Count;
        return label;
    }
}
