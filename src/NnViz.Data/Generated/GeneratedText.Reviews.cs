using NnViz.Engine;

namespace NnViz.Data;

/// <summary>
/// Text corpora generated with a known structure, standing in for the real sets on a machine without them.
/// Every generator is a pure function of its Rng's state and arguments (same seed, same bytes); it draws from the
/// Rng passed in and advances it, text by text, so a longer corpus extends a shorter one with the same seed. Results made on them
/// are marked by <see cref="TextCorpus.Generated"/>. The rules below are the ground truth; CORPORA.md lists
/// them with the accuracy a bag-of-words logistic regression reaches.
/// </summary>
public static partial class GeneratedText
{
    /// <summary>
    /// Sentiment reviews. Label y ~ Bernoulli(0.5). A review has 1-3 opinion clauses and 0-2 fillers, in random order.
    /// Clause c has polarity p_c = ±1 (agreeing with y with probability <paramref name="agreement"/>) and weight w_c = 2 with an intensifier,
    /// else 1; it is written with a negated adjective ("not" + adjective of the opposite list) with probability
    /// <paramref name="negationRate"/>, so "not boring" counts +1. Clauses are redrawn until sign(Σ w_c p_c) = y:
    /// <b>ground truth: y = 1 iff Σ_c w_c · polarity(adjective_c) · (−1 if negated) &gt; 0</b>. With
    /// <paramref name="labelNoise"/> &gt; 0 that fraction of labels is flipped and tagged "label-noise".
    /// Tags per text: "negation" (some clause negated), "intensifier", "label-noise".
    /// </summary>
    public static TextCorpus Reviews(Rng rng, int n, ReviewGrammar grammar, double negationRate = 0.2,
        double intensifierRate = 0.3, double labelNoise = 0.0, double agreement = 0.8)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "must be positive");
        Rng r = rng;
        var texts = new string[n];
        var labels = new float[n];
        var ids = new string[n];
        var tags = new string[n];
        for (int i = 0; i < n; i++)
        {
            int y = r.NextInt(2);
            var sentences = new List<string>();
            var tag = new SortedSet<string>(StringComparer.Ordinal);
            foreach ((int polarity, bool intensified) in DrawClauses(r, y, intensifierRate, agreement))
                sentences.Add(Opinion(r, grammar, polarity, intensified, r.NextDouble() < negationRate, tag));
            int fillers = r.NextInt(3);
            for (int f = 0; f < fillers; f++) sentences.Add(Fill(r, Pick(r, grammar.FillerTemplates), grammar.Topics));
            r.Shuffle<string>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sentences));
            if (labelNoise > 0 && r.NextDouble() < labelNoise) { y = 1 - y; tag.Add("label-noise"); }
            texts[i] = Paragraph(sentences);
            labels[i] = y;
            ids[i] = $"{grammar.Name}/{i}";
            tags[i] = string.Join(",", tag);
        }
        return new TextCorpus($"generated-{grammar.Name}-reviews", texts, labels, ["positive"], ids, Generated: true, Tags: tags);
    }

    /// <summary>1-3 clauses (polarity ±1, intensified) whose weighted sum has the sign of y.</summary>
    private static List<(int Polarity, bool Intensified)> DrawClauses(Rng r, int y, double intensifierRate, double agreement)
    {
        int sign = y == 1 ? 1 : -1;
        while (true)
        {
            int k = 1 + r.NextInt(3), sum = 0;
            var clauses = new List<(int, bool)>(k);
            for (int c = 0; c < k; c++)
            {
                int p = r.NextDouble() < agreement ? sign : -sign;
                bool strong = r.NextDouble() < intensifierRate;
                sum += p * (strong ? 2 : 1);
                clauses.Add((p, strong));
            }
            if (Math.Sign(sum) == sign) return clauses;
        }
    }

    private static string Opinion(Rng r, ReviewGrammar g, int polarity, bool intensified, bool negated, SortedSet<string> tag)
    {
        // A negated clause names the opposite adjective: "not boring" carries polarity +1.
        IReadOnlyList<string> adjectives = (polarity > 0) != negated ? g.Positive : g.Negative;
        var m = new List<string>();
        if (negated) { m.Add(ReviewGrammar.Negator); tag.Add("negation"); }
        if (intensified) { m.Add(Pick(r, g.Intensifiers)); tag.Add("intensifier"); }
        m.Add(Pick(r, adjectives));
        string template = Pick(r, g.OpinionTemplates);
        return Fill(r, template, g.Topics).Replace("{m}", string.Join(' ', m));
    }

    internal static string Fill(Rng r, string template, IReadOnlyList<string> topics) =>
        template.Contains("{t}") ? template.Replace("{t}", Pick(r, topics)) : template;

    internal static T Pick<T>(Rng r, IReadOnlyList<T> items) => items[r.NextInt(items.Count)];

    /// <summary>Sentences capitalised and ended with a full stop, joined by spaces.</summary>
    internal static string Paragraph(IEnumerable<string> sentences) =>
        string.Join(' ', sentences.Select(s => char.ToUpperInvariant(s[0]) + s[1..] + "."));
}
