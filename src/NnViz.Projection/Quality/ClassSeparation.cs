using NnViz.Projection.Linear;
using NnViz.Projection.Neighbors;

namespace NnViz.Projection.Quality;

/// <summary>
/// How well labelled classes separate in a layout: the measures behind claims such as "t-SNE separates the
/// classes better than PCA" (EXPERIMENTS.md B3, C).
/// </summary>
public static class ClassSeparation
{
    /// <summary>
    /// Leave-one-out k-nearest-neighbour classifier accuracy: each point is predicted by a majority vote of its k
    /// nearest other points; a tied vote goes to the tied class whose member is nearest.
    /// </summary>
    public static double KnnAccuracy(double[] coords, int n, int dim, int[] labels, int k = 10)
    {
        DataMatrix.Check(coords, n, dim, nameof(coords));
        if (labels.Length != n) throw new ArgumentException($"labels: expected {n}, received {labels.Length}");
        var knn = ExactKnn.Search(coords, n, dim, Math.Min(k, n - 1));
        int kk = knn.K, correct = 0;
        var votes = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            votes.Clear();
            for (int t = 0; t < kk; t++)
            {
                int lab = labels[knn.Indices[i * kk + t]];
                votes[lab] = votes.GetValueOrDefault(lab) + 1;
            }
            int best = -1, bestVotes = -1;
            for (int t = 0; t < kk; t++) // walk neighbours nearest first: the first class reaching the top count wins ties
            {
                int lab = labels[knn.Indices[i * kk + t]];
                if (votes[lab] > bestVotes) { bestVotes = votes[lab]; best = lab; }
            }
            if (best == labels[i]) correct++;
        }
        return (double)correct / n;
    }

    /// <summary>
    /// Mean silhouette coefficient (Rousseeuw 1987): s(i) = (b - a) / max(a, b), a the mean distance to i's own
    /// class, b the smallest mean distance to another class; 0 for a point alone in its class (as scikit-learn).
    /// </summary>
    public static double Silhouette(double[] coords, int n, int dim, int[] labels)
    {
        DataMatrix.Check(coords, n, dim, nameof(coords));
        if (labels.Length != n) throw new ArgumentException($"labels: expected {n}, received {labels.Length}");
        var classes = labels.Distinct().Order().ToArray();
        if (classes.Length < 2) throw new ArgumentException("silhouette needs at least two classes");
        var slot = new Dictionary<int, int>();
        for (int c = 0; c < classes.Length; c++) slot[classes[c]] = c;
        var count = new int[classes.Length];
        foreach (var l in labels) count[slot[l]]++;
        var s = new double[n];
        Parallelism.ForChunks(n, 64, (start, end) =>
        {
            var sum = new double[classes.Length];
            for (int i = start; i < end; i++)
            {
                Array.Clear(sum);
                var xi = new ReadOnlySpan<double>(coords, i * dim, dim);
                for (int j = 0; j < n; j++)
                    if (j != i) sum[slot[labels[j]]] += Math.Sqrt(Distances.SquaredEuclidean(xi, new ReadOnlySpan<double>(coords, j * dim, dim)));
                int own = slot[labels[i]];
                if (count[own] < 2) { s[i] = 0; continue; }
                double a = sum[own] / (count[own] - 1), b = double.PositiveInfinity;
                for (int c = 0; c < classes.Length; c++)
                    if (c != own && count[c] > 0) b = Math.Min(b, sum[c] / count[c]);
                double m = Math.Max(a, b);
                s[i] = m > 0 ? (b - a) / m : 0;
            }
        });
        double total = 0;
        foreach (var v in s) total += v;
        return total / n;
    }
}
