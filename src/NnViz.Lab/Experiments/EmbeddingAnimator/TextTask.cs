using NnViz.Data;
using NnViz.Engine;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.EmbeddingAnimator;

/// <summary>
/// The texts of the spec: the data kind (reviews, toxic: generated; yelp, jigsaw: real files in Folder, null = the
/// data folder), training and validation counts, the vocabulary size and padded length, and the generated corpora's
/// label-noise and toxic rates (0 for the kinds without them).
/// </summary>
public sealed record TextData(string Kind, int N, int ValN, int NumWords, int MaxLength, double LabelNoise, double ToxicRate, string? Folder)
{
    public static TextData Bind(string kind, Section d) => new(kind, d.Int("n"), d.Int("val_n"), d.Int("num_words"), d.Int("max_length"),
        d.Has("label_noise") ? d.Double("label_noise") : 0, d.Has("toxic_rate") ? d.Double("toxic_rate") : 0, d.StringOrNull("folder"));
}

/// <summary>
/// A text classification task ready for the engine: token ids padded to <see cref="Steps"/> (as floats, rows x steps),
/// 0/1 targets (rows x label columns), and the validation texts whose representations are animated.
/// </summary>
public sealed record TextTask(
    float[] TrainX, float[] TrainY, int TrainRows, float[] ValX, float[] ValY, int ValRows, int Steps,
    IReadOnlyList<string> LabelNames, string[] ValTexts, string[] ValIds, string[]? ValTags,
    Vocabulary Vocabulary, string DataUsed, bool Generated)
{
    /// <summary>Validation label of column <paramref name="col"/> as 0/1 codes.</summary>
    public int[] ValCodes(int col) => [.. Enumerable.Range(0, ValRows).Select(i => ValY[i * LabelNames.Count + col] >= 0.5f ? 1 : 0)];

    /// <summary>
    /// Reads the spec's data: generated <c>reviews</c> / <c>toxic</c> corpora, or the real <c>yelp</c> / <c>jigsaw</c>
    /// files from the data folder (a missing set is a <see cref="DataException"/> saying where to get it).
    /// The first <c>val_n</c> texts after a seeded shuffle are the validation set, the next <c>n</c> the training set.
    /// </summary>
    public static TextTask Load(ExperimentSpec spec, Rng root)
    {
        var d = spec.DataAs<TextData>();
        int n = d.N, valN = d.ValN;
        TextCorpus corpus = d.Kind switch
        {
            "reviews" => GeneratedText.Reviews(root.Fork("data/reviews"), n + valN, ReviewGrammar.Restaurant, labelNoise: d.LabelNoise),
            "toxic" => GeneratedText.Toxic(root.Fork("data/toxic"), n + valN, d.ToxicRate),
            "yelp" => DataSets.Yelp(DataCatalog.ResolveFolder(d.Folder), n + valN), // 1-3 stars 0, 4-5 stars 1
            "jigsaw" => DataSets.Jigsaw(DataCatalog.ResolveFolder(d.Folder), n + valN),
            _ => throw new DataException($"unknown data kind '{d.Kind}'", hint: "use reviews, toxic, yelp or jigsaw"),
        };
        if (corpus.Count < valN + 10)
            throw new DataException($"{corpus.Name} has {corpus.Count} texts; val_n = {valN} leaves too few to train on", hint: "lower data.val_n");
        int[] order = [.. Enumerable.Range(0, corpus.Count)];
        root.Fork("data/split").Shuffle<int>(order);
        int[] val = [.. order.Take(valN).Order()];
        int[] train = [.. order.Skip(valN).Take(n).Order()];
        string[][] tokens = Tokenizer.Keras.TokenizeAll(corpus.Texts);
        var vocab = Vocabulary.Build(train.Select(i => (IReadOnlyList<string>)tokens[i]), d.NumWords, "<oov>");
        int steps = d.MaxLength;
        float[] Ids(int[] rows) => [.. Sequences.Pad(rows.Select(i => vocab.Encode(tokens[i])).ToList(), steps).Ids.Select(v => (float)v)];
        float[] Targets(int[] rows) => [.. rows.SelectMany(i => Enumerable.Range(0, corpus.LabelCols).Select(c => corpus.Label(i, c)))];
        string used = corpus.Generated
            ? $"generated: {corpus.Name} ({corpus.Count} texts, seed {spec.Seed}; see NnViz.Data CORPORA.md)"
            : $"real: {corpus.Name} ({corpus.Count} texts read)";
        return new TextTask(Ids(train), Targets(train), train.Length, Ids(val), Targets(val), val.Length, steps, corpus.LabelNames,
            [.. val.Select(i => corpus.Texts[i])], [.. val.Select(i => corpus.Ids[i])], corpus.Tags is null ? null : [.. val.Select(i => corpus.Tags[i])],
            vocab, used, corpus.Generated);
    }

}
