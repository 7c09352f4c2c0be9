using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Text;

/// <summary>
/// Train and test reviews for D2, encoded: aclImdb when the data folder has it (source auto or aclimdb; the full
/// tarball is preferred over an extracted folder over the shared sample), a seeded stratified sample when fewer
/// reviews are asked for than the set has; else (source generated, or auto with no aclImdb, said on the console
/// and the page) the generated IMDB-like corpus (movie grammar with negation, NnViz.Data CORPORA.md).
/// </summary>
public sealed record ReviewData(TextCorpus Train, TextCorpus Test, TextEncoder Encoder, float[] TrainX, float[] TrainY, float[] TestX, string Used, bool Generated,
    DataUse? Use = null)
{
    public int[] TestLabels => [.. Enumerable.Range(0, Test.Count).Select(i => Test.Label(i) >= 0.5f ? 1 : 0)];
    public int[] TrainLabels => [.. Enumerable.Range(0, Train.Count).Select(i => Train.Label(i) >= 0.5f ? 1 : 0)];

    /// <summary>Where D2's reviews come from (see the record's summary).</summary>
    public static DataChoice Choose(Section d) =>
        DataChoice.Choose("reviews", d.String("source") == "aclimdb" ? "real" : d.String("source"), d.StringOrNull("folder"), [KnownDataSet.AclImdb]);

    public static ReviewData Load(Section d, Rng root, DataChoice choice)
    {
        int nTrain = d.Int("train"), nTest = d.Int("test");
        TextCorpus train, test;
        string used;
        DataUse? use = null;
        if (choice.Located is not LocatedDataSet set)
        {
            train = GeneratedText.Reviews(root.Fork("data/train"), nTrain, ReviewGrammar.Movie);
            test = GeneratedText.Reviews(root.Fork("data/test"), nTest, ReviewGrammar.Movie);
            used = $"generated: IMDB-like movie reviews with negation ({nTrain} train, {nTest} test); {choice.Why}";
        }
        else
        {
            AclImdbSplits all = set.ReadAclImdb();
            train = Stratified(all.Train, nTrain, root.Fork("data/sample/train"));
            test = Stratified(all.Test, nTest, root.Fork("data/sample/test"));
            string sampling = train.Count == all.Train.Count && test.Count == all.Test.Count ? "all reviews"
                : $"stratified seeded sample: half of each split's asked count per label (train {nTrain}, test {nTest} asked)";
            if (set.IsSample) sampling += "; the shared sample, not the full set";
            use = new DataUse(set.Identity(), sampling, [new RowCount("train", train.Count), new RowCount("test", test.Count)]);
            used = $"real: {use}";
        }
        var tokens = Tokenizer.Keras.TokenizeAll(train.Texts);
        var encoder = new TextEncoder(Vocabulary.Build(tokens, d.Int("num_words")), d.Int("max_length"));
        var y = new float[train.Count];
        for (int i = 0; i < train.Count; i++) y[i] = train.Label(i);
        return new ReviewData(train, test, encoder, encoder.Batch(train.Texts), y, encoder.Batch(test.Texts), used, train.Generated, use);
    }

    /// <summary>(n + 1) / 2 reviews of each label (all when there are fewer), drawn by a seeded shuffle, in the split's order.</summary>
    private static TextCorpus Stratified(TextCorpus split, int n, Rng rng)
    {
        int per = (n + 1) / 2;
        var keep = new List<int>();
        foreach (float label in new[] { 0f, 1f })
        {
            int[] rows = [.. Enumerable.Range(0, split.Count).Where(i => split.Label(i) == label)];
            rng.Shuffle<int>(rows);
            keep.AddRange(rows.Take(per));
        }
        int[] sorted = [.. keep.Order()];
        return split with
        {
            Texts = [.. sorted.Select(i => split.Texts[i])],
            Labels = [.. sorted.Select(i => split.Labels[i])],
            Ids = [.. sorted.Select(i => split.Ids[i])],
        };
    }
}
