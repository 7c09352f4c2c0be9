using System.Globalization;
using NnViz.Data;
using NnViz.Engine;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.EmbeddingAnimator;

/// <summary>The training and validation texts of a run, what they are (one line) and, for real data, what was read.</summary>
public sealed record TextSplit(TextCorpus Train, TextCorpus Val, string Used, DataUse? Use);

/// <summary>
/// Where the animator's texts come from: the data kind names the task (reviews: Yelp sentiment; toxic: Jigsaw's six
/// labels), <c>data.source</c> says real, generated or auto (real when found, else generated, said on the console and
/// the page). Real reviews are the user's Yelp review JSON, else the UCI Yelp sentences; real toxic comments are Jigsaw.
/// </summary>
public static class TextSources
{
    public static DataChoice Choose(TextData d) => d.Kind switch
    {
        "reviews" or "yelp" => DataChoice.Choose("texts", d.Kind == "yelp" ? "real" : d.Source, d.Folder, [KnownDataSet.YelpReviews, KnownDataSet.UciSentences]),
        "toxic" or "jigsaw" => DataChoice.Choose("texts", d.Kind == "jigsaw" ? "real" : d.Source, d.Folder, [KnownDataSet.Jigsaw]),
        _ => throw new DataException($"unknown data kind '{d.Kind}'", hint: "use reviews or toxic (yelp and jigsaw are kept as real-only names)"),
    };

    public static TextSplit Read(ExperimentSpec spec, TextData d, DataChoice choice, Rng root)
    {
        if (choice.Located is not LocatedDataSet set) return Generated(spec, d, choice, root);
        return set.Set switch
        {
            KnownDataSet.Jigsaw => JigsawSplit(d, set, root),
            KnownDataSet.YelpReviews => Pooled(d, set, set.ReadYelp(2 * (d.N + d.ValN)),
                "the file's first reviews (2 x (n + val_n) read)", "1-3 stars negative, 4-5 positive", root),
            _ => Pooled(d, set, set.ReadUci("yelp"), "UCI's 1,000 Yelp sentences (the review JSON is not in the data folder)", "UCI's own 0/1 labels", root),
        };
    }

    private static TextSplit Generated(ExperimentSpec spec, TextData d, DataChoice choice, Rng root)
    {
        int total = d.N + d.ValN;
        TextCorpus corpus = d.Kind == "toxic"
            ? GeneratedText.Toxic(root.Fork("data/toxic"), total, d.ToxicRate)
            : GeneratedText.Reviews(root.Fork("data/reviews"), total, ReviewGrammar.Restaurant, labelNoise: d.LabelNoise);
        var (train, val) = Split(corpus, d.ValN, d.N, root);
        return new TextSplit(train, val, $"generated: {corpus.Name} ({total} texts, seed {spec.Seed}; see NnViz.Data CORPORA.md); {choice.Why}", null);
    }

    /// <summary>One pool of labelled texts: a seeded shuffle, the first val_n validate, the next n (or what is left) train.</summary>
    private static TextSplit Pooled(TextData d, LocatedDataSet set, TextCorpus pool, string read, string labels, Rng root)
    {
        if (pool.Count < d.ValN + 10)
            throw new DataException($"{pool.Name} has {pool.Count} texts; val_n = {d.ValN} leaves too few to train on", hint: "lower data.val_n");
        var (train, val) = Split(pool, d.ValN, d.N, root);
        string sampling = $"{read}; seeded shuffle (data/split), {val.Count} validation then {train.Count} training texts" +
            (train.Count < d.N ? $" (n = {d.N} asked, {pool.Count} texts there)" : "") + $"; {labels}";
        return Real(set, train, val, sampling);
    }

    /// <summary>Jigsaw: training texts from train, validation texts from the labelled test rows (ids also in train dropped).</summary>
    private static TextSplit JigsawSplit(TextData d, LocatedDataSet set, Rng root)
    {
        JigsawSplits j = set.ReadJigsaw();
        if (j.Test is null)
        {
            var (tr, va) = Split(j.Train, d.ValN, d.N, root);
            return Real(set, tr, va, $"no labelled test rows: {va.Count} validation and {tr.Count} training texts from train, seeded shuffle; {ToxicShare(tr, va)}");
        }
        var trainIds = new HashSet<string>(j.Train.Ids, StringComparer.Ordinal);
        int[] keep = [.. Enumerable.Range(0, j.Test.Count).Where(i => !trainIds.Contains(j.Test.Ids[i]))];
        int dropped = j.Test.Count - keep.Length;
        TextCorpus test = Rows(j.Test, keep);
        TextCorpus train = Take(j.Train, d.N, root.Fork("data/train"));
        TextCorpus val = Take(test, d.ValN, root.Fork("data/val"));
        string sampling = $"seeded sample of {train.Count} train rows and {val.Count} test rows; {dropped} test ids also in train dropped from test; {ToxicShare(train, val)}";
        return Real(set, train, val, sampling);
    }

    private static string ToxicShare(TextCorpus train, TextCorpus val) => string.Create(CultureInfo.InvariantCulture,
        $"toxic share {100.0 * train.Positives() / train.Count:F1} % train, {100.0 * val.Positives() / val.Count:F1} % validation (toxic comments are over-represented in this copy: about 48 % against about 10 % in Kaggle's train.csv)");

    private static TextSplit Real(LocatedDataSet set, TextCorpus train, TextCorpus val, string sampling)
    {
        var use = new DataUse(set.Identity(), sampling, [new RowCount("train", train.Count), new RowCount("validation", val.Count)]);
        return new TextSplit(train, val, $"real: {use}", use);
    }

    private static (TextCorpus Train, TextCorpus Val) Split(TextCorpus corpus, int valN, int n, Rng root)
    {
        int[] order = [.. Enumerable.Range(0, corpus.Count)];
        root.Fork("data/split").Shuffle<int>(order);
        return (Rows(corpus, [.. order.Skip(valN).Take(n).Order()]), Rows(corpus, [.. order.Take(valN).Order()]));
    }

    private static TextCorpus Take(TextCorpus corpus, int n, Rng rng)
    {
        int[] order = [.. Enumerable.Range(0, corpus.Count)];
        rng.Shuffle<int>(order);
        return Rows(corpus, [.. order.Take(n).Order()]);
    }

    private static TextCorpus Rows(TextCorpus c, int[] rows) => c with
    {
        Texts = [.. rows.Select(i => c.Texts[i])],
        Labels = [.. rows.SelectMany(i => Enumerable.Range(0, c.LabelCols).Select(col => c.Label(i, col)))],
        Ids = [.. rows.Select(i => c.Ids[i])],
        Tags = c.Tags is null ? null : [.. rows.Select(i => c.Tags[i])],
    };
}
