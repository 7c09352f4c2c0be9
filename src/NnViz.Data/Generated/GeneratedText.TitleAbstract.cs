using NnViz.Engine;

namespace NnViz.Data;

public static partial class GeneratedText
{
    public static IReadOnlyList<string> TriggerMethods { get; } = ["neural network", "deep learning model", "recurrent network"];
    public static IReadOnlyList<string> OtherMethods { get; } = ["decision tree", "kernel machine", "linear model", "graph algorithm"];
    public static string TriggerSentence => "our method outperforms the strongest baseline";
    public static string DistractorSentence => "our method does not outperform the strongest baseline";

    private static readonly string[] Tasks = ["protein folding", "image retrieval", "traffic forecasting", "speech recognition", "fraud detection", "crop yield prediction"];
    private static readonly string[] TitleAdjectives = ["a fast", "a robust", "a simple", "an efficient", "a scalable"];
    private static readonly string[] AbstractSentences =
    [
        "we study {task}", "prior work relies on hand crafted features", "we collect a new dataset for {task}",
        "experiments use five public benchmarks", "the code is available online", "we discuss limitations and future work",
        "training takes one day on a single machine", "we analyse the errors in detail",
    ];

    /// <summary>
    /// Title/abstract records for the seed-001 occlusion heatmap. Title: "&lt;adjective&gt; &lt;method&gt; for &lt;task&gt;",
    /// the method a trigger (<see cref="TriggerMethods"/>) with probability 0.5. Abstract: 3-5 neutral sentences, plus
    /// <see cref="TriggerSentence"/> at a random position with probability 0.5, else <see cref="DistractorSentence"/>
    /// with probability 0.4. <b>Ground truth: y = 1 iff the title names a trigger method AND the abstract contains the
    /// trigger sentence</b> (about 25 % positives). Tags: "title-trigger@w" (0-based index of the title word where the
    /// trigger method starts) and "abstract-trigger@s" (0-based sentence), so the heatmap's expected jump is known.
    /// </summary>
    public static TitleAbstractCorpus TitleAbstracts(Rng rng, int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "must be positive");
        Rng r = rng;
        var titles = new string[n];
        var abstracts = new string[n];
        var labels = new float[n];
        var ids = new string[n];
        var tags = new string[n];
        for (int i = 0; i < n; i++)
        {
            bool methodTrigger = r.NextDouble() < 0.5;
            string adjective = Pick(r, TitleAdjectives);
            string task = Pick(r, Tasks);
            string method = Pick(r, methodTrigger ? TriggerMethods : OtherMethods);
            titles[i] = char.ToUpperInvariant(adjective[0]) + adjective[1..] + " " + method + " for " + task;
            var sentences = new List<string>();
            int k = 3 + r.NextInt(3);
            foreach (int s in r.Permutation(AbstractSentences.Length).Take(k)) sentences.Add(AbstractSentences[s].Replace("{task}", task));
            bool sentenceTrigger = r.NextDouble() < 0.5;
            string? extra = sentenceTrigger ? TriggerSentence : r.NextDouble() < 0.4 ? DistractorSentence : null;
            int at = r.NextInt(sentences.Count + 1);
            if (extra is not null) sentences.Insert(at, extra);
            abstracts[i] = Paragraph(sentences);
            labels[i] = methodTrigger && sentenceTrigger ? 1f : 0f;
            ids[i] = $"title-abstract/{i}";
            var tag = new List<string>();
            if (methodTrigger) tag.Add($"title-trigger@{adjective.Split(' ').Length}");
            if (sentenceTrigger) tag.Add($"abstract-trigger@{at}");
            else if (extra is not null) tag.Add($"abstract-distractor@{at}");
            tags[i] = string.Join(",", tag);
        }
        return new TitleAbstractCorpus("generated-title-abstract", titles, abstracts, labels, ids, Generated: true, Tags: tags);
    }
}
