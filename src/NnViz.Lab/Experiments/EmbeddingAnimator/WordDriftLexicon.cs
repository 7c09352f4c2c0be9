using NnViz.Data;

namespace NnViz.Lab.Experiments.EmbeddingAnimator;

/// <summary>
/// C5, second half: which drawn words belong to a lexicon (the generated toxic corpus's toxic words) and how many of
/// each such word's k nearest words (cosine) belong to it too — before training the share is near the lexicon's base
/// rate (random vectors), after training a classifier that needs those words it should rise.
/// </summary>
public static class WordDriftLexicon
{
    /// <summary>
    /// The toxic words of <see cref="ToxicLexicon"/>: every token of its obscene, insult, toxic-only, threat and hate
    /// lists that never occurs in a clean sentence or as a group name (so "you", "i", "this", "be" and the fictional
    /// group names, which clean comments use too, are not toxic). Sorted ordinally.
    /// </summary>
    public static IReadOnlySet<string> ToxicWords()
    {
        static IEnumerable<string> Tokens(IEnumerable<string> phrases) =>
            phrases.SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(t => t != "{g}");
        var clean = new HashSet<string>(Tokens(ToxicLexicon.CleanSentences).Concat(ToxicLexicon.Groups), StringComparer.Ordinal);
        var toxic = Tokens(ToxicLexicon.Obscene.Concat(ToxicLexicon.Insults).Concat(ToxicLexicon.ToxicOnly)
            .Concat(ToxicLexicon.Threats).Concat(ToxicLexicon.HateTemplates)).Where(t => !clean.Contains(t));
        return new SortedSet<string>(toxic, StringComparer.Ordinal);
    }

    /// <summary>
    /// Mean over the rows with inSet[i] of the fraction of their k nearest other rows (Euclidean on the given rows;
    /// on normalised rows that is cosine order) with inSet[j]; NaN when no row is in the set.
    /// </summary>
    public static double NeighbourShare(float[] x, int n, int d, bool[] inSet, int k)
    {
        k = Math.Min(k, n - 1);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            if (!inSet[i]) continue;
            sum += HardExamples.Nearest(x, n, d, i, k).Count(j => inSet[j]) / (double)k;
            count++;
        }
        return count > 0 ? sum / count : double.NaN;
    }

    /// <summary>The share a word would get from k neighbours drawn at random among the other rows: (m − 1) / (n − 1).</summary>
    public static double BaseRate(bool[] inSet) => (inSet.Count(b => b) - 1) / (double)(inSet.Length - 1);
}
