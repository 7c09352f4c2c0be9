using System.IO.Compression;

namespace NnViz.Data.Tests;

/// <summary>Truncated and corrupted copies of real archives (in a temporary folder) give a clear error, never a parser exception.</summary>
public class ArchiveDamageTests
{
    private static readonly byte[] Tarball = File.ReadAllBytes(RealData.Path("imdb_aclimdb_full", "aclImdb_v1.labelled.tar.gz"));

    [Theory]
    [InlineData(3_000_000)]
    [InlineData(27_962_796 - 4)]   // only the gzip trailer's length field missing
    public void A_truncated_aclImdb_tarball_says_so_and_names_the_file(int keep)
    {
        using var dir = new TempDir();
        string cut = dir.File("data/aclImdb_v1.tar.gz", Tarball[..keep]);
        LocatedDataSet located = DataResolver.Require(Path.Combine(dir.Path, "data"), KnownDataSet.AclImdb);
        var e = Assert.Throws<DataException>(() => located.ReadAclImdb(limitPerLabel: 1));
        Assert.StartsWith($"{cut}: the tarball is corrupt or truncated after ", e.Message);
        Assert.Contains("nnviz data fetch aclimdb", e.Hint);
    }

    [Fact]
    public void A_tarball_that_is_not_gzip_says_what_it_is_instead()
    {
        using var dir = new TempDir();
        using var tar = new MemoryStream();
        using (var gz = new GZipStream(new MemoryStream(Tarball[..3_000_000]), CompressionMode.Decompress)) gz.CopyTo(tar);
        string plain = dir.File("plain/aclImdb_v1.tar.gz", tar.ToArray()[..4096]);
        Assert.Equal($"{plain}: not gzip-compressed: it is a plain tar archive (compress it with gzip, or download the .tar.gz again)",
            Assert.Throws<DataException>(() => AclImdbArchive.Read(plain)).Message.Split('\n')[0]);
        string html = dir.File("html/aclImdb_v1.tar.gz", "<html><body>Not Found</body></html>\n");
        Assert.StartsWith($"{html}: not a gzip file (it starts with '<html><body>Not ', an HTML page saved in its place?)",
            Assert.Throws<DataException>(() => AclImdbArchive.Read(html)).Message);
        Assert.StartsWith($"{dir.File("e/aclImdb_v1.tar.gz", "")}: the file is empty", Assert.Throws<DataException>(() => AclImdbArchive.Read(Path.Combine(dir.Path, "e", "aclImdb_v1.tar.gz"))).Message);
    }

    [Fact]
    public void A_corrupted_aclImdb_tarball_says_so()
    {
        using var dir = new TempDir();
        byte[] bad = (byte[])Tarball.Clone();
        for (int i = 1_000_000; i < 1_000_400; i++) bad[i] ^= 0x5A;
        string path = dir.File("aclImdb_v1.tar.gz", bad);
        var e = Assert.Throws<DataException>(() => AclImdbArchive.Read(path));
        Assert.Contains("the tarball is corrupt or truncated", e.Message);
    }

    [Fact]
    public void A_truncated_glove_zip_says_so()
    {
        using var dir = new TempDir();
        string text = File.ReadAllText(RealData.Path("glove_6B_50d_10k", "glove.6B.50d.10k.txt"));
        byte[] zip;
        using (var ms = new MemoryStream())
        {
            using (var z = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
                using (var w = new StreamWriter(z.CreateEntry("glove.6B.50d.txt").Open())) w.Write(text);
            zip = ms.ToArray();
        }
        dir.File("whole/glove.6B.zip", zip);
        Assert.Equal(10000, DataResolver.Require(Path.Combine(dir.Path, "whole"), KnownDataSet.Glove6B50d).ReadVectors().Count);
        // A zip cut short loses its central directory: it is no longer recognised as glove.6B.zip, and reading it says why.
        string cut = dir.File("cut/glove.6B.zip", zip[..(zip.Length / 2)]);
        Assert.Null(DataResolver.Find(Path.Combine(dir.Path, "cut"), KnownDataSet.Glove6B50d));
        var e = Assert.Throws<DataException>(() => ZipMembers.Use(cut, "glove.6B.50d.txt", s => 0));
        Assert.StartsWith($"{cut}: the zip archive is corrupt or truncated", e.Message);
    }

    [Fact]
    public void The_uci_zip_is_read_in_place_and_its_macos_forks_ignored()
    {
        using var dir = new TempDir();
        using (var z = ZipFile.Open(Path.Combine(dir.Path, "sentiment+labelled+sentences.zip"), ZipArchiveMode.Create))
        {
            foreach (string f in UciSentences.FileNames)
            {
                z.CreateEntryFromFile(RealData.Path("sentiment_labelled_sentences", f), $"sentiment labelled sentences/{f}");
                using var fork = new StreamWriter(z.CreateEntry($"__MACOSX/sentiment labelled sentences/._{f}").Open());
                fork.Write("resource fork, not sentences");
            }
        }
        LocatedDataSet u = DataResolver.Require(dir.Path, KnownDataSet.UciSentences);
        Assert.Equal("the UCI zip sentiment+labelled+sentences.zip, read in place", u.How);
        Assert.Equal("sentiment+labelled+sentences.zip!sentiment labelled sentences/yelp_labelled.txt", u.Require("yelp").Name);
        TextCorpus yelp = u.ReadUci("yelp");
        Assert.Equal((1000, 500), (yelp.Count, yelp.Positives()));
        Assert.Equal(UciSentences.Read(RealData.Path("sentiment_labelled_sentences", "yelp_labelled.txt")).Texts, yelp.Texts);
        Assert.Equal([new RowCount("amazon", 1000), new RowCount("imdb", 1000), new RowCount("yelp", 1000)], u.Identity().Rows);
    }
}
