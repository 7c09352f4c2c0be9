using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Text;

/// <summary>
/// Train and test reviews for D2, encoded: the real aclImdb when asked for (or, with source auto, when the data folder
/// holds the full set), else the generated IMDB-like corpus (movie grammar with negation, NnViz.Data CORPORA.md).
/// </summary>
public sealed record ReviewData(TextCorpus Train, TextCorpus Test, TextEncoder Encoder, float[] TrainX, float[] TrainY, float[] TestX, string Used, bool Generated)
{
    public int[] TestLabels => [.. Enumerable.Range(0, Test.Count).Select(i => Test.Label(i) >= 0.5f ? 1 : 0)];
    public int[] TrainLabels => [.. Enumerable.Range(0, Train.Count).Select(i => Train.Label(i) >= 0.5f ? 1 : 0)];

    public static ReviewData Load(Section d, Rng root)
    {
        int nTrain = d.Int("train"), nTest = d.Int("test");
        string source = d.String("source");
        TextCorpus train, test;
        string used;
        if (source == "generated" || (source == "auto" && !FullImdbPresent(d)))
        {
            train = GeneratedText.Reviews(root.Fork("data/train"), nTrain, ReviewGrammar.Movie);
            test = GeneratedText.Reviews(root.Fork("data/test"), nTest, ReviewGrammar.Movie);
            used = $"generated: IMDB-like movie reviews with negation ({nTrain} train, {nTest} test)";
        }
        else
        {
            var folder = DataCatalog.ResolveFolder(d.StringOrNull("folder"));
            train = DataSets.AclImdb(folder, "train", (nTrain + 1) / 2);
            test = DataSets.AclImdb(folder, "test", (nTest + 1) / 2);
            bool sample = DataCatalog.StatusOf(folder.Path, KnownDataSets.AclImdb, checksums: false).UsesSample;
            used = $"aclImdb{(sample ? " (the shared sample)" : "")}: {train.Count} train, {test.Count} test reviews";
        }
        var tokens = Tokenizer.Keras.TokenizeAll(train.Texts);
        var encoder = new TextEncoder(Vocabulary.Build(tokens, d.Int("num_words")), d.Int("max_length"));
        var y = new float[train.Count];
        for (int i = 0; i < train.Count; i++) y[i] = train.Label(i);
        return new ReviewData(train, test, encoder, encoder.Batch(train.Texts), y, encoder.Batch(test.Texts), used, train.Generated);
    }

    private static bool FullImdbPresent(Section d)
    {
        var folder = DataCatalog.ResolveFolder(d.StringOrNull("folder"));
        var s = DataCatalog.StatusOf(folder.Path, KnownDataSets.AclImdb, checksums: false);
        return s.State == DataSetState.Present && !s.UsesSample;
    }

    public double TestAccuracy(Sequential model)
    {
        var p = model.Predict(TestX, Test.Count);
        int right = 0;
        for (int i = 0; i < Test.Count; i++) right += (p[i] >= 0.5f) == (Test.Label(i) >= 0.5f) ? 1 : 0;
        return (double)right / Test.Count;
    }
}
