namespace NnViz.Data.Tests;

/// <summary>Every text reader against the real samples in ../shared/data; expected values from each PROVENANCE.md.</summary>
public class RealTextReaderTests
{
    private static string Shared(params string[] parts) => Path.Combine([RealData.Folder, .. parts]);

    [Theory]
    [InlineData("amazon_cells_labelled.txt")]
    [InlineData("imdb_labelled.txt")]
    [InlineData("yelp_labelled.txt")]
    public void Uci_sentences_have_1000_lines_500_positive(string file)
    {
        TextCorpus c = UciSentences.Read(Shared("sentiment_labelled_sentences", file));
        Assert.Equal(1000, c.Count);
        Assert.Equal(500, c.Positives());
        Assert.DoesNotContain(c.Texts, t => t.Contains('\t') || t.Contains('\n'));
    }

    [Fact]
    public void Uci_imdb_keeps_the_stray_quotes_on_their_own_lines()
    {
        TextCorpus c = UciSentences.Read(Shared("sentiment_labelled_sentences", "imdb_labelled.txt"));
        Assert.Equal("A very, very, very slow-moving, aimless movie about a distressed, drifting young man.", c.Texts[0]);
        Assert.Equal(0f, c.Label(0));
        Assert.EndsWith("\"masterpieces.", c.Texts[18]);                                 // line 19
        Assert.StartsWith("\" The structure of this film", c.Texts[19]);                 // line 20
        Assert.StartsWith("\"You'll love it!", c.Texts[196]);                            // line 197
        Assert.Equal("imdb_labelled.txt:20", c.Ids[19]);
        Assert.Contains(c.Texts, t => t.Contains('\u0085'));                             // NEL is not a line break
    }

    [Fact]
    public void AclImdb_sample_has_600_per_split_and_label_with_manifest_sizes()
    {
        TextCorpus train = AclImdb.Read(Shared("imdb_aclimdb_sample"), "train", keepHtmlBreaks: true);
        TextCorpus test = AclImdb.Read(Shared("imdb_aclimdb_sample", "aclImdb"), "test");
        Assert.Equal((1200, 600, 1200, 600), (train.Count, train.Positives(), test.Count, test.Positives()));
        Assert.Equal(0f, train.Label(0));
        Assert.Equal(1f, train.Label(1199));
        Assert.DoesNotContain(test.Texts, t => t.Contains("<br />"));

        List<CsvRecord> manifest = Csv.ReadFile(Shared("imdb_aclimdb_sample", "MANIFEST.csv"));
        int[] col = new CsvHeader(manifest[0], "MANIFEST.csv").Require("path", "bytes");
        var bytes = manifest.Skip(1).ToDictionary(r => r.Fields[col[0]]["aclImdb/".Length..], r => int.Parse(r.Fields[col[1]]));
        Assert.Equal(2400, bytes.Count);
        for (int i = 0; i < train.Count; i++)
            Assert.Equal(bytes[train.Ids[i]], System.Text.Encoding.UTF8.GetByteCount(train.Texts[i]));
        // Ratings of train/pos from the file names: 7:106 8:164 9:109 10:221.
        int[] pos = train.Ids.Where(id => id.StartsWith("train/pos/")).Select(id => AclImdb.ParseName(id).Rating).ToArray();
        Assert.Equal([106, 164, 109, 221], new[] { 7, 8, 9, 10 }.Select(r => pos.Count(p => p == r)));
        Assert.Equal(16, AclImdb.ParseName(train.Ids[600]).Id); // pos sorted by numeric id
    }

    [Theory]
    [InlineData("fastbert_train_sample.csv", 1000, new[] { 92, 12, 48, 5, 48, 10 })]
    [InlineData("fastbert_val_sample.csv", 1000, new[] { 77, 3, 45, 2, 42, 9 })]
    [InlineData("kurita_train_head.csv", 267, new[] { 26, 3, 16, 2, 16, 5 })]
    public void Jigsaw_samples_have_the_published_label_counts(string file, int rows, int[] positives)
    {
        TextCorpus c = Jigsaw.Read(Shared("jigsaw_toxic_sample", file));
        Assert.Equal(rows, c.Count);
        Assert.Equal(positives, Enumerable.Range(0, 6).Select(c.Positives));
        Assert.Equal(Jigsaw.LabelNames, c.LabelNames);
    }

    [Fact]
    public void Jigsaw_multiline_comments_and_a_shared_row_agree_across_sources()
    {
        TextCorpus kurita = Jigsaw.Read(Shared("jigsaw_toxic_sample", "kurita_train_head.csv"));
        TextCorpus fast = Jigsaw.Read(Shared("jigsaw_toxic_sample", "fastbert_train_sample.csv"));
        Assert.Equal("0000997932d777bf", kurita.Ids[0]);
        Assert.StartsWith("Explanation\nWhy the edits made under my username Hardcore Metallica Fan were reverted?", kurita.Texts[0]);
        Assert.Equal(732, kurita.Texts.Sum(t => t.Count(ch => ch == '\n')));  // python csv module agrees
        Assert.Equal(2364, fast.Texts.Sum(t => t.Count(ch => ch == '\n')));
        int a = Array.IndexOf(kurita.Ids, "006cf8c9f4cc4d57"), b = Array.IndexOf(fast.Ids, "006cf8c9f4cc4d57");
        Assert.Equal(kurita.Texts[a], fast.Texts[b]);
        Assert.Equal(kurita.Labels[(a * 6)..(a * 6 + 6)], fast.Labels[(b * 6)..(b * 6 + 6)]);
    }

    [Fact]
    public void Glove_subset_reads_2446_by_50_with_latin1_tokens()
    {
        WordVectors g = GloveText.Read(Shared("glove_6B_50d_subset", "glove.6B.50d.first2446.txt"));
        Assert.Equal((2446, 50), (g.Count, g.Dim));
        Assert.Equal("the", g.Words[0]);
        Assert.Equal([0.418f, 0.24968f, -0.41242f], g.Vector(0)[..3].ToArray());
        Assert.Equal("king", g.Words[691]);
        Assert.Equal([0.50451f, 0.68607f, -0.59517f], g.Vector(691)[..3].ToArray());
        Assert.Equal("handed", g.Words[^1]); // last line has no trailing newline
        Assert.Equal(-0.76127f, g.Vectors[^1]);
        Assert.Equal(["\u0096", "\u0092s", "\u0097", "\u0093", "\u0094"], new[] { 217, 784, 1328, 1408, 1419 }.Select(i => g.Words[i]));
        Assert.Equal(2446, g.Words.Distinct().Count());
        Assert.Equal(10, GloveText.Read(Shared("glove_6B_50d_subset", "glove.6B.50d.first2446.txt"), maxWords: 10).Count);
    }

    [Fact]
    public void Glove_aligned_to_uci_vocabulary_reports_coverage()
    {
        WordVectors g = GloveText.Read(Shared("glove_6B_50d_subset", "glove.6B.50d.first2446.txt"));
        TextCorpus c = UciSentences.Read(Shared("sentiment_labelled_sentences", "yelp_labelled.txt"));
        Vocabulary v = Vocabulary.Build(Tokenizer.Keras.TokenizeAll(c.Texts), numWords: 1000);
        EmbeddingMatrix m = EmbeddingAlignment.Align(g, v, new NnViz.Engine.Rng(1));
        Assert.Equal((1000, 50), (m.Rows, m.Dim));
        Assert.Equal(998, m.Coverage.Words);
        Assert.InRange(m.Coverage.WordCoverage, 0.5, 0.95);        // a 2,446-word subset misses rarer review words
        Assert.True(m.Coverage.TokenCoverage > m.Coverage.WordCoverage); // frequent words are covered first
        Assert.Equal(new float[50], m.Weights[..50]);             // padding row is zero
        int the = v.IdOf("the");
        Assert.Equal(g.Vector(0).ToArray(), m.Weights[(the * 50)..(the * 50 + 50)]);
        Assert.Contains("words with a vector:", m.Coverage.ToString());
    }
}
