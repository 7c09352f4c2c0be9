using NnViz.Data;
using NnViz.Engine;
using NnViz.Projection.Sequences;
using NnViz.Web;

namespace NnViz.Lab.Experiments.EmbeddingAnimator;

/// <summary>One chosen word's k nearest words (cosine) before and after training, and the fraction kept.</summary>
public sealed record WordNeighbours(string Word, string[] Before, string[] After, double Overlap);

/// <summary>
/// For the lexicon's words among those drawn: the mean fraction of their k nearest words (cosine) that are lexicon
/// words too, before and after training, and the fraction expected by chance; Words = how many were drawn, Drawn =
/// which (ordinal order), Rule = how the lexicon was chosen.
/// </summary>
public sealed record LexiconShare(int Words, double Before, double After, double BaseRate, IReadOnlyList<string> Drawn, string Rule);

/// <summary>
/// C5: how word vectors drift while the classifier tunes them. The most frequent words' vectors at the start
/// (GloVe or random) and after training are laid out jointly (two frames), the chosen words lettered, and each chosen
/// word's nearest neighbours compared (cosine similarity: rows are normalised, then Euclidean order = cosine order).
/// </summary>
public static class WordDrift
{
    public static (PointCloudData Data, IReadOnlyList<WordNeighbours> Neighbours) Build(AnimatorRun run, Vocabulary vocab, IReadOnlyList<string> chosen,
        int top, int k, AnimatorOptions options, Rng rng) => Build(run, vocab, chosen, top, k, options, rng, null).Item1;

    /// <summary>
    /// As above; with a lexicon (<see cref="WordDriftLexicon.For"/>) the words are coloured first by
    /// whether they are in it, and its neighbour share before and after training is measured (null without one).
    /// </summary>
    public static ((PointCloudData Data, IReadOnlyList<WordNeighbours> Neighbours), LexiconShare? Share) Build(AnimatorRun run, Vocabulary vocab,
        IReadOnlyList<string> chosen, int top, int k, AnimatorOptions options, Rng rng, ToxicWordSet? lexicon)
    {
        int dim = run.EmbeddingDim;
        int first = 2; // 0 = padding, 1 = OOV
        int n = Math.Min(top, vocab.Size - first);
        string[] words = [.. Enumerable.Range(first, n).Select(i => vocab.Words[i])];
        float[] Rows(float[] w) { var r = new float[n * dim]; Array.Copy(w, first * dim, r, 0, n * dim); return Normalised(r, n, dim); }
        float[] before = Rows(run.EmbeddingStart!), after = Rows(run.EmbeddingEnd!);
        var seq = AnimatorProjection.Project("joint", [before, after], n, dim, AnimatorProjection.Options(options, SequenceStrategy.Joint, null, n), rng);
        var present = chosen.Where(w => Array.IndexOf(words, w) >= 0).ToList();
        var neighbours = present.Select(w =>
        {
            int i = Array.IndexOf(words, w);
            string[] b = [.. HardExamples.Nearest(before, n, dim, i, k).Select(j => words[j])];
            string[] a = [.. HardExamples.Nearest(after, n, dim, i, k).Select(j => words[j])];
            return new WordNeighbours(w, b, a, b.Intersect(a, StringComparer.Ordinal).Count() / (double)k);
        }).ToList();
        int[] codes = [.. words.Select(w => present.Contains(w) ? 1 : 0)];
        List<LabelColumn> columns = [new LabelColumn("chosen", codes, ["other word", "chosen word"])];
        LexiconShare? share = null;
        if (lexicon is not null)
        {
            bool[] inSet = [.. words.Select(lexicon.Words.Contains)];
            share = new LexiconShare(inSet.Count(b => b), WordDriftLexicon.NeighbourShare(before, n, dim, inSet, k),
                WordDriftLexicon.NeighbourShare(after, n, dim, inSet, k), WordDriftLexicon.BaseRate(inSet),
                [.. words.Where(lexicon.Words.Contains).Order(StringComparer.Ordinal)], lexicon.Rule);
            columns.Insert(0, new LabelColumn("toxic lexicon", [.. inSet.Select(b => b ? 1 : 0)], ["clean word", "toxic word"], ["#b8c4d6", "#D55E00"]));
        }
        var data = new PointCloudData(words, ["before training", $"after {run.StoppedAfter} epochs"],
            [new PointLayout("joint", seq.Frames, [new LayoutMetric("trustworthiness", seq.Trustworthiness)])],
            columns)
        {
            Title = $"Word vectors of the {n} most frequent words, before and after training",
            Alt = $"Animated scatter of {n} word vectors moving from their initial to their trained positions; chosen words lettered.",
            Texts = words,
            Marked = present,
            ShowNeighbours = true,
        };
        return ((data, neighbours), share);
    }

    private static float[] Normalised(float[] x, int n, int d)
    {
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int c = 0; c < d; c++) s += (double)x[i * d + c] * x[i * d + c];
            float inv = s > 0 ? (float)(1 / Math.Sqrt(s)) : 0f;
            for (int c = 0; c < d; c++) x[i * d + c] *= inv;
        }
        return x;
    }
}
