using NnViz.Data;

namespace NnViz.Lab.Experiments.EmbeddingAnimator;

/// <summary>Which words count as toxic in the word-drift measure, and how that set was chosen (one line for the page).</summary>
public sealed record ToxicWordSet(IReadOnlySet<string> Words, string Rule);

/// <summary>
/// C5, second half: which drawn words are toxic and how many of each such word's k nearest words (cosine) are toxic
/// too — before training the share is near the set's base rate (random vectors), after training a classifier that needs
/// those words it should rise. On the generated corpus the toxic words are its planted lexicon (the ground truth); on
/// real comments they are the words that mark toxic comments in the training texts (<see cref="MarkerWords"/>).
/// </summary>
public static class WordDriftLexicon
{
    /// <summary>A word marks toxic comments when it occurs in at least this many training comments ...</summary>
    public const int MarkerMinComments = 10;

    /// <summary>... and at least this share of them carry the colour label.</summary>
    public const double MarkerMinShare = 0.9;

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
    /// The toxic words of a run: the generated corpus's lexicon on generated data; on real data the vocabulary words
    /// that occur in at least <see cref="MarkerMinComments"/> training comments of which at least
    /// <see cref="MarkerMinShare"/> carry label <paramref name="col"/> (the texts as the model reads them: padded ids).
    /// </summary>
    public static ToxicWordSet For(TextTask task, int col)
    {
        if (task.Generated)
            return new ToxicWordSet(ToxicWords(), "the generated corpus's toxic lexicon (its obscene, insult, toxic-only, threat and hate words: the ground truth)");
        string label = task.LabelNames[col];
        var words = MarkerWords(task.TrainX, task.TrainY, task.TrainRows, task.Steps, task.LabelNames.Count, col, task.Vocabulary.Words);
        return new ToxicWordSet(words, FormattableString.Invariant(
            $"the words that mark '{label}' comments in the training texts: in at least {MarkerMinComments} training comments, at least {100 * MarkerMinShare:0} % of them '{label}'"));
    }

    /// <summary>
    /// Vocabulary words (ids ≥ 2: not padding or OOV) present in at least <see cref="MarkerMinComments"/> of the
    /// <paramref name="rows"/> texts (token ids, rows x steps) with at least <see cref="MarkerMinShare"/> of those
    /// texts having label <paramref name="col"/> ≥ 0.5 (labels rows x labelCols). Sorted ordinally.
    /// </summary>
    public static IReadOnlySet<string> MarkerWords(float[] ids, float[] labels, int rows, int steps, int labelCols, int col, IReadOnlyList<string> words)
    {
        var texts = new int[words.Count];
        var marked = new int[words.Count];
        var seen = new HashSet<int>();
        for (int r = 0; r < rows; r++)
        {
            seen.Clear();
            for (int t = 0; t < steps; t++) seen.Add((int)ids[r * steps + t]);
            bool positive = labels[r * labelCols + col] >= 0.5f;
            foreach (int w in seen)
            {
                if (w < 2 || w >= words.Count) continue;
                texts[w]++;
                if (positive) marked[w]++;
            }
        }
        var set = new SortedSet<string>(StringComparer.Ordinal);
        for (int w = 2; w < words.Count; w++)
            if (texts[w] >= MarkerMinComments && marked[w] >= MarkerMinShare * texts[w]) set.Add(words[w]);
        return set;
    }

    /// <summary>
    /// Mean over the rows with inSet[i] of the fraction of their k nearest other rows (Euclidean on the given rows;
    /// on normalised rows that is cosine order) with inSet[j]; NaN when no row is in the set. Counted in integers and
    /// divided once, so equal counts give the same number bit for bit (before and after training can tie exactly).
    /// </summary>
    public static double NeighbourShare(float[] x, int n, int d, bool[] inSet, int k)
    {
        k = Math.Min(k, n - 1);
        long hits = 0;
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            if (!inSet[i]) continue;
            hits += HardExamples.Nearest(x, n, d, i, k).Count(j => inSet[j]);
            count++;
        }
        return count > 0 ? hits / ((double)k * count) : double.NaN;
    }

    /// <summary>The share a word would get from k neighbours drawn at random among the other rows: (m − 1) / (n − 1).</summary>
    public static double BaseRate(bool[] inSet) => (inSet.Count(b => b) - 1) / (double)(inSet.Length - 1);
}
