using NnViz.Data;

namespace NnViz.Lab.Experiments.EmbeddingAnimator;

/// <summary>One word pair's cosine similarity before and after training (C5: "food moves closer to ramen").</summary>
public sealed record PairDrift(string A, string B, double Before, double After)
{
    public bool Closer => After > Before;
}

/// <summary>
/// C5's "closer" claims measured: for each listed pair of words in the vocabulary, the cosine similarity of their
/// vectors at the start (GloVe or random) and after training. A pair with a word outside the vocabulary is left out
/// (and named on the page), so a corpus lacking "ramen" leaves the claim not measured rather than passed.
/// </summary>
public static class PairDrifts
{
    public static IReadOnlyList<PairDrift> Measure(AnimatorRun run, Vocabulary vocab, IReadOnlyList<string> pairs)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 2; i < vocab.Size; i++) index.TryAdd(vocab.Words[i], i);   // 0 = padding, 1 = OOV
        var result = new List<PairDrift>();
        foreach (var (a, b) in pairs.Select(Split))
            if (index.TryGetValue(a, out int ia) && index.TryGetValue(b, out int ib))
                result.Add(new PairDrift(a, b, Cosine(run.EmbeddingStart!, run.EmbeddingDim, ia, ib), Cosine(run.EmbeddingEnd!, run.EmbeddingDim, ia, ib)));
        return result;
    }

    /// <summary>"food ramen" (or "food~ramen") as the pair (food, ramen).</summary>
    public static (string A, string B) Split(string pair)
    {
        var parts = pair.Split([' ', '~'], StringSplitOptions.RemoveEmptyEntries);
        return (parts[0], parts[^1]);
    }

    private static double Cosine(float[] w, int dim, int a, int b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int c = 0; c < dim; c++)
        {
            double x = w[a * dim + c], y = w[b * dim + c];
            dot += x * y; na += x * x; nb += y * y;
        }
        return na > 0 && nb > 0 ? dot / Math.Sqrt(na * nb) : double.NaN;
    }
}
