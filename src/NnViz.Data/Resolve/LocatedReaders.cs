namespace NnViz.Data;

/// <summary>Jigsaw's train rows and, when the copy has them, its labelled test rows.</summary>
public sealed record JigsawSplits(TextCorpus Train, TextCorpus? Test);

/// <summary>
/// Reads a <see cref="LocatedDataSet"/> whatever its layout (archive, extracted folder, zip member, plain files):
/// a kind asks for the data, not for paths. Each reader checks that the located set is the one it reads.
/// </summary>
public static class LocatedReaders
{
    /// <summary>aclImdb's train and test splits (tarball read in place, or an extracted folder).</summary>
    public static AclImdbSplits ReadAclImdb(this LocatedDataSet s, int? limitPerLabel = null, bool keepHtmlBreaks = false)
    {
        Expect(s, KnownDataSet.AclImdb);
        if (s.File("archive") is DataFile a) return AclImdbArchive.Read(a.Path, limitPerLabel, keepHtmlBreaks);
        return new AclImdbSplits(AclImdb.Read(s.Root, "train", limitPerLabel, keepHtmlBreaks), AclImdb.Read(s.Root, "test", limitPerLabel, keepHtmlBreaks));
    }

    /// <summary>MNIST or Fashion-MNIST images of one split, pixels in [0, 1]; <paramref name="limit"/> reads the first images only.</summary>
    public static ImageSet ReadImages(this LocatedDataSet s, MnistSplit split, int? limit = null)
    {
        Expect(s, KnownDataSet.Mnist, KnownDataSet.FashionMnist);
        string part = split == MnistSplit.Train ? "train" : "test";
        IReadOnlyList<string> names = s.Set == KnownDataSet.Mnist ? Mnist.DigitNames : Mnist.FashionNames;
        return Mnist.Load(s.Require(part + "-images").Path, s.Require(part + "-labels").Path, names, $"{s.Info.Id}-{part}", limit);
    }

    /// <summary>Jigsaw train rows and labelled test rows (a joined CSV, or test.csv + test_labels.csv).</summary>
    public static JigsawSplits ReadJigsaw(this LocatedDataSet s, int? limit = null)
    {
        Expect(s, KnownDataSet.Jigsaw);
        TextCorpus train = Jigsaw.Read(s.Require("train").Path, limit);
        TextCorpus? test = s.File("test") is not DataFile t ? null
            : s.File("test-labels") is DataFile l ? Jigsaw.ReadTest(t.Path, l.Path, limit) : Jigsaw.Read(t.Path, limit);
        return new JigsawSplits(train, test);
    }

    /// <summary>Yelp reviews: 1-3 stars negative (0), 4-5 positive (1).</summary>
    public static TextCorpus ReadYelp(this LocatedDataSet s, int? limit = null)
    {
        Expect(s, KnownDataSet.YelpReviews);
        return YelpReviews.Read(s.Require("reviews").Path, limit);
    }

    /// <summary>One UCI source: "yelp", "imdb" or "amazon" (plain file or zip member).</summary>
    public static TextCorpus ReadUci(this LocatedDataSet s, string source)
    {
        Expect(s, KnownDataSet.UciSentences);
        DataFile f = s.Require(source);
        return f.Entry is null ? UciSentences.Read(f.Path) : UciSentences.Parse(ZipMembers.ReadAll(f.Path, f.Entry), f.Entry);
    }

    /// <summary>GloVe (text, or the member of glove.6B.zip) or word2vec (binary) vectors; <paramref name="maxWords"/> keeps the most frequent.</summary>
    public static WordVectors ReadVectors(this LocatedDataSet s, int? maxWords = null)
    {
        Expect(s, KnownDataSet.Glove6B50d, KnownDataSet.Word2Vec);
        DataFile f = s.Require("vectors");
        if (s.Set == KnownDataSet.Word2Vec) return Word2VecBinary.Read(f.Path, maxWords);
        return f.Entry is null ? GloveText.Read(f.Path, maxWords) : ZipMembers.Use(f.Path, f.Entry, st => GloveText.Read(st, f.Name, maxWords));
    }

    /// <summary>Title/abstract records: the two reviews (computational = 1) or the user's labelled CSV.</summary>
    public static TitleAbstractCorpus ReadTitleAbstracts(this LocatedDataSet s)
    {
        Expect(s, KnownDataSet.TitleAbstract);
        if (s.File("records") is DataFile r) return TitleAbstractReader.Read(r.Path);
        return TitleAbstractReviews.Read(s.Require(TitleAbstractReviews.Computational).Path, s.Require(TitleAbstractReviews.SocialScience).Path);
    }

    private static void Expect(LocatedDataSet s, params KnownDataSet[] sets)
    {
        if (!sets.Contains(s.Set))
            throw new ArgumentException($"{s.Info.Id} is not {string.Join(" or ", sets.Select(x => DataSetCatalog.Info(x).Id))}", nameof(s));
    }
}
