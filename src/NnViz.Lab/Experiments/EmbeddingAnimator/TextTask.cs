using NnViz.Data;
using NnViz.Engine;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.EmbeddingAnimator;

/// <summary>
/// The texts of the spec: the data kind (reviews, toxic; yelp, jigsaw = real only), where they come from (source:
/// auto, real or generated; Folder null = the data folder), training and validation counts, the vocabulary size and
/// padded length, and the generated corpora's label-noise and toxic rates (0 for the kinds without them).
/// </summary>
public sealed record TextData(string Kind, string Source, int N, int ValN, int NumWords, int MaxLength, double LabelNoise, double ToxicRate, string? Folder)
{
    public static TextData Bind(string kind, Section d) => new(kind, d.Has("source") ? d.String("source") : "real", d.Int("n"), d.Int("val_n"), d.Int("num_words"), d.Int("max_length"),
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
    /// Reads the texts <paramref name="choice"/> names (<see cref="TextSources"/>): a seeded sample of the real set,
    /// or the generated corpus whose first <c>val_n</c> texts after a seeded shuffle validate and the next <c>n</c> train.
    /// The vocabulary is built on the training texts.
    /// </summary>
    public static TextTask Load(ExperimentSpec spec, Rng root, DataChoice choice, out DataUse? use)
    {
        var d = spec.DataAs<TextData>();
        TextSplit split = TextSources.Read(spec, d, choice, root);
        use = split.Use;
        TextCorpus train = split.Train, val = split.Val;
        string[][] trainTokens = Tokenizer.Keras.TokenizeAll(train.Texts), valTokens = Tokenizer.Keras.TokenizeAll(val.Texts);
        var vocab = Vocabulary.Build(trainTokens.Select(t => (IReadOnlyList<string>)t), d.NumWords, "<oov>");
        int steps = d.MaxLength;
        float[] Ids(string[][] tokens) => [.. Sequences.Pad(tokens.Select(t => vocab.Encode(t)).ToList(), steps).Ids.Select(v => (float)v)];
        return new TextTask(Ids(trainTokens), train.Labels, train.Count, Ids(valTokens), val.Labels, val.Count, steps, train.LabelNames,
            val.Texts, val.Ids, val.Tags, vocab, split.Used, train.Generated);
    }
}
