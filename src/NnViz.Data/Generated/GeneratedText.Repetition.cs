using NnViz.Engine;

namespace NnViz.Data;

public static partial class GeneratedText
{
    public static IReadOnlyList<string> PositivePhrases { get; } = ["i love you", "this is great", "what a fun movie", "the food is good"];
    public static IReadOnlyList<string> NegativePhrases { get; } = ["i hate you", "this is awful", "what a boring movie", "the food is bad"];

    /// <summary>
    /// Repetitive texts ("i hate you i hate you …"): one phrase repeated 1..<paramref name="maxRepeats"/> times.
    /// <b>Ground truth: y = 1 iff the phrase is one of <see cref="PositivePhrases"/></b>, whatever the number of
    /// repeats; a model's word impact should therefore fall to about zero after the first repeat. Tag: "repeats=k".
    /// </summary>
    public static TextCorpus Repetitive(Rng rng, int n, int maxRepeats = 8)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "must be positive");
        if (maxRepeats < 1) throw new ArgumentOutOfRangeException(nameof(maxRepeats), maxRepeats, "must be at least 1");
        Rng r = rng;
        var texts = new string[n];
        var labels = new float[n];
        var ids = new string[n];
        var tags = new string[n];
        for (int i = 0; i < n; i++)
        {
            int y = r.NextInt(2);
            string phrase = Pick(r, y == 1 ? PositivePhrases : NegativePhrases);
            int k = 1 + r.NextInt(maxRepeats);
            texts[i] = string.Join(' ', Enumerable.Repeat(phrase, k));
            labels[i] = y;
            ids[i] = $"repetitive/{i}";
            tags[i] = $"repeats={k}";
        }
        return new TextCorpus("generated-repetitive", texts, labels, ["positive"], ids, Generated: true, Tags: tags);
    }
}
