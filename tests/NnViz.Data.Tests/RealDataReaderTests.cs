using System.Security.Cryptography;

namespace NnViz.Data.Tests;

/// <summary>The aclImdb tarball, read once for the class (about 28 MB of gzip, 50,000 reviews).</summary>
public sealed class AclImdbFixture
{
    public LocatedDataSet Located { get; } = DataResolver.Require(RealData.Folder, KnownDataSet.AclImdb);
    public AclImdbSplits Splits { get; }

    public AclImdbFixture() => Splits = Located.ReadAclImdb();
}

/// <summary>Each located set read on the real files of ../shared/data; expected values from the PROVENANCE.md files.</summary>
public class RealDataReaderTests(AclImdbFixture acl) : IClassFixture<AclImdbFixture>
{
    private static LocatedDataSet Located(KnownDataSet set) => DataResolver.Require(RealData.Folder, set);

    [Fact]
    public void AclImdb_tarball_has_25000_train_and_25000_test_with_the_official_rating_counts()
    {
        TextCorpus train = acl.Splits.Train, test = acl.Splits.Test;
        Assert.Equal((25000, 12500, 25000, 12500), (train.Count, train.Positives(), test.Count, test.Positives()));
        Assert.Equal(
            "test/neg/1:5022 test/neg/2:2302 test/neg/3:2541 test/neg/4:2635 test/pos/10:4999 test/pos/7:2307 test/pos/8:2850 test/pos/9:2344 " +
            "train/neg/1:5100 train/neg/2:2284 train/neg/3:2420 train/neg/4:2696 train/pos/10:4732 train/pos/7:2496 train/pos/8:3009 train/pos/9:2263",
            string.Join(" ", train.Ids.Concat(test.Ids).GroupBy(id => $"{id[..id.LastIndexOf('/')]}/{AclImdb.ParseName(id).Rating}")
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}:{g.Count()}")));
        Assert.Equal("train/neg/0_3.txt", train.Ids[0]);                     // neg first, by numeric id
        Assert.Equal("train/pos/0_9.txt", train.Ids[12500]);
        Assert.DoesNotContain(train.Texts, t => t.Contains("<br />"));
        // The 2,400 files of the sample folder are in the tarball byte for byte.
        AclImdbSplits sample = DataResolver.FindAll(RealData.Folder, KnownDataSet.AclImdb).Single(s => s.IsSample).ReadAclImdb();
        var full = train.Ids.Zip(train.Texts).Concat(test.Ids.Zip(test.Texts)).ToDictionary(x => x.First, x => x.Second);
        Assert.All(sample.Train.Ids.Zip(sample.Train.Texts).Concat(sample.Test.Ids.Zip(sample.Test.Texts)), x => Assert.Equal(full[x.First], x.Second));
    }

    [Fact]
    public void AclImdb_identity_names_the_tarball_its_hash_and_rows()
    {
        DataIdentity id = acl.Located.Identity();
        Assert.Equal("aclimdb", id.DataSet);
        FileIdentity f = Assert.Single(id.Files);
        Assert.Equal(("archive", "aclImdb_v1.labelled.tar.gz", 27962796L), (f.Role, f.Name, f.Bytes));
        Assert.Equal("e80f6d534220d29485795a157b9933de3e778ef04427c37397bbcd0d178e3085", f.Sha256);
        Assert.Equal(ChecksumVerdict.Matches, f.Checksum);
        Assert.Equal([new RowCount("train", 25000), new RowCount("test", 25000)], id.Rows);
        Assert.Same(id, acl.Located.Identity());                                 // cached: hashed once per file state
        Assert.Matches("^[0-9a-f]{64}$", id.Hash);
        Assert.StartsWith("aclimdb: aclImdb_v1.labelled.tar.gz sha256 e80f6d534220…; train 25,000, test 25,000", id.ToString());
        var use = new DataUse(id, "the first 500 ids per label", [new RowCount("train", 1000), new RowCount("test", 1000)]);
        Assert.Equal("aclimdb: aclImdb_v1.labelled.tar.gz sha256 e80f6d534220…; train 25,000, test 25,000; used train 1,000, test 1,000 (the first 500 ids per label)", use.ToString());
    }

    [Fact]
    public void Mnist_files_have_the_official_md5_and_label_counts()
    {
        LocatedDataSet m = Located(KnownDataSet.Mnist);
        string[] md5 = m.Files.Select(f => Convert.ToHexString(MD5.HashData(File.ReadAllBytes(f.Path))).ToLowerInvariant()).ToArray();
        Assert.Equal(["f68b3c2dcbeaaa9fbdd348bbdeb94873", "d53e105ee54ea40749a09fcbcd1e9432", "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c"], md5);
        ImageSet train = m.ReadImages(MnistSplit.Train), test = m.ReadImages(MnistSplit.Test);
        Assert.Equal((60000, 28, 28, "mnist-train"), (train.Count, train.Height, train.Width, train.Name));
        Assert.Equal([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949], Histogram(train.Labels));
        Assert.Equal([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009], Histogram(test.Labels));
        DataIdentity id = m.Identity();
        Assert.Equal([new RowCount("train", 60000), new RowCount("test", 10000)], id.Rows);
        Assert.All(id.Files, f => Assert.StartsWith("official MNIST", f.KnownAs));
    }

    [Fact]
    public void Jigsaw_union_has_the_published_label_counts()
    {
        JigsawSplits j = Located(KnownDataSet.Jigsaw).ReadJigsaw();
        Assert.Equal(11652, j.Train.Count);
        Assert.Equal([5327, 567, 2941, 163, 2748, 483], Enumerable.Range(0, 6).Select(j.Train.Positives));
        Assert.Equal(5638, Enumerable.Range(0, j.Train.Count).Count(i => Enumerable.Range(0, 6).Any(k => j.Train.Label(i, k) == 1f)));
        Assert.Equal((2338, 1115), (j.Test!.Count, j.Test.Positives()));
        // A finding about the shared union, not a reader error: 32 ids are in both files, with the same text and labels.
        Assert.Equal(32, j.Train.Ids.Intersect(j.Test.Ids).Count());
        Assert.Equal([new RowCount("train", 11652), new RowCount("test", 2338)], Located(KnownDataSet.Jigsaw).Identity().Rows);
    }

    [Fact]
    public void Glove_10k_is_10000_by_50_with_utf8_tokens()
    {
        WordVectors g = Located(KnownDataSet.Glove6B50d).ReadVectors();
        Assert.Equal((10000, 50), (g.Count, g.Dim));
        Assert.Equal(("the", "good", "king", "queen", "quinn"), (g.Words[0], g.Words[219], g.Words[691], g.Words[2060], g.Words[^1]));
        Assert.Equal([0.50451f, 0.68607f, -0.59517f], g.Vector(691)[..3].ToArray());
        Assert.Equal(["\u2013", "\u2019s", "\u2014", "\u201c", "\u201d"], new[] { 217, 784, 1328, 1408, 1419 }.Select(i => g.Words[i]));
        Assert.DoesNotContain(g.Words, w => w.Any(c => c is '\uFFFD' or (>= '\u0080' and <= '\u009F')));  // no Latin-1 fallback
        Assert.Equal(10000, g.Words.Distinct().Count());
    }

    [Theory]
    [InlineData("medallia_tokensModel", 1186, 200)]
    [InlineData("finalfusion_similarity", 41, 100)]
    public void Word2vec_binary_equals_its_text_twin_within_1e6(string stem, int words, int dim)
    {
        LocatedDataSet w = DataResolver.FindAll(RealData.Folder, KnownDataSet.Word2Vec).Single(x => x.Files[0].Name == stem + ".bin");
        WordVectors bin = w.ReadVectors(), txt = GloveText.Read(RealData.Path("word2vec_binary", stem + ".txt"));
        Assert.Equal((words, dim), (bin.Count, bin.Dim));
        Assert.Equal(txt.Words, bin.Words);
        Assert.Equal(bin.Vectors.Length, txt.Vectors.Length);
        double max = bin.Vectors.Zip(txt.Vectors).Max(p => Math.Abs(p.First - p.Second));
        Assert.InRange(max, 0, 1e-6);
        Assert.Equal([new RowCount("words", words)], w.Identity().Rows);
    }

    [Fact]
    public void Title_abstract_reviews_have_their_record_counts()
    {
        LocatedDataSet t = Located(KnownDataSet.TitleAbstract);
        TitleAbstractCorpus c = t.ReadTitleAbstracts();
        Assert.Equal(1704 + 2019, c.Count);
        Assert.Equal(1704, c.Labels.Count(l => l == 1f));                                   // Kitchenham: computational
        Assert.Equal(1700, c.Abstracts.Take(1704).Count(a => a.Trim().Length > 0));
        Assert.Equal(1850, c.Abstracts.Skip(1704).Count(a => a.Trim().Length > 0));
        Assert.StartsWith("A Conceptual Model of ICT-Supported Unified Process", c.Titles[0]);
        Assert.Equal("Kitchenham_2010:1", c.Ids[0]);
        Assert.Equal([new RowCount("computational", 1704), new RowCount("social-science", 2019)], t.Identity().Rows);
    }

    [Fact]
    public void Uci_sentences_have_1000_per_source_500_positive()
    {
        LocatedDataSet u = Located(KnownDataSet.UciSentences);
        foreach (string source in new[] { "amazon", "imdb", "yelp" })
            Assert.Equal((1000, 500), (u.ReadUci(source).Count, u.ReadUci(source).Positives()));
        Assert.All(u.Identity().Files, f => Assert.Equal(ChecksumVerdict.Matches, f.Checksum));
    }

    private static int[] Histogram(int[] labels)
    {
        var h = new int[10];
        foreach (int l in labels) h[l]++;
        return h;
    }
}
