namespace NnViz.Lab.Experiments.EmbeddingAnimator;

/// <summary>
/// A validation text the last epoch's representation makes suspicious: <see cref="NeighbourDisagreement"/> is the
/// fraction of its k nearest neighbours (in the recorded high-dimensional space) with the other label,
/// <see cref="Surprise"/> = |p - y| the model's own disagreement with the label, <see cref="Score"/> their sum.
/// </summary>
public sealed record HardExample(int Index, string Letter, int Label, double Probability, double NeighbourDisagreement, double Surprise,
    double Score, int[] Neighbours);

public static class HardExamples
{
    /// <summary>
    /// The <paramref name="count"/> most informative points: highest score (misplaced among neighbours of the other
    /// class, or confidently predicted against their label: suspected mislabels), ties to the lower index; lettered A, B, ...
    /// Distances are exact squared Euclidean, accumulated in a fixed order.
    /// </summary>
    public static IReadOnlyList<HardExample> Pick(float[] x, int n, int d, int[] labels, float[] probabilities, int k, int count)
    {
        k = Math.Min(k, n - 1);
        var all = new List<HardExample>(n);
        for (int i = 0; i < n; i++)
        {
            int[] nb = Nearest(x, n, d, i, k);
            double disagree = nb.Count(j => labels[j] != labels[i]) / (double)k;
            double surprise = Math.Abs(probabilities[i] - labels[i]);
            all.Add(new HardExample(i, "", labels[i], probabilities[i], disagree, surprise, disagree + surprise, nb));
        }
        return [.. all.OrderByDescending(h => h.Score).ThenBy(h => h.Index).Take(count)
            .Select((h, r) => h with { Letter = Letter(r) })];
    }

    /// <summary>A, B, ..., Z, AA, AB, ...</summary>
    public static string Letter(int r) => r < 26 ? ((char)('A' + r)).ToString() : Letter(r / 26 - 1) + (char)('A' + r % 26);

    /// <summary>The k nearest other points of row i, nearest first (ties to the lower index).</summary>
    public static int[] Nearest(float[] x, int n, int d, int i, int k)
    {
        var dist = new (double D, int J)[n - 1];
        int m = 0;
        for (int j = 0; j < n; j++)
        {
            if (j == i) continue;
            double s = 0;
            for (int c = 0; c < d; c++) { double t = x[i * d + c] - x[j * d + c]; s += t * t; }
            dist[m++] = (s, j);
        }
        Array.Sort(dist, (a, b) => a.D != b.D ? a.D.CompareTo(b.D) : a.J.CompareTo(b.J));
        return [.. dist.Take(k).Select(t => t.J)];
    }
}
