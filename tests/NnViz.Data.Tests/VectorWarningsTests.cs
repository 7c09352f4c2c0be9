using System.Text;

namespace NnViz.Data.Tests;

/// <summary>
/// What the word-vector readers used to accept without a word: words that are not UTF-8 (read as Latin-1, now a warning
/// naming the file, the line and the byte), values that are not finite, a word2vec header announcing more than the file
/// holds, and a first vector of another dimension than the rest (now an error at that line, with the counts).
/// </summary>
public class VectorWarningsTests
{
    private static DataException Fails(Action read) => Assert.Throws<DataException>(read);

    private static byte[] Bytes(params object[] parts) =>
        [.. parts.SelectMany(p => p is string s ? Encoding.UTF8.GetBytes(s) : (byte[])p)];

    [Fact]
    public void Glove_words_that_are_not_utf8_are_read_as_latin1_and_said_once_with_file_line_and_byte()
    {
        using var dir = new TempDir();
        string path = dir.File("g.txt", Bytes("the 1 2\n", "caf", new byte[] { 0xE9 }, " 3 4\nnaïve 5 6\n", new byte[] { 0x96 }, " 7 8\n"));
        WordVectors v = GloveText.Read(path);
        Assert.Equal(["the", "caf\u00e9", "naïve", "\u0096"], v.Words); // every byte kept; valid UTF-8 (naïve) stays UTF-8
        string warning = Assert.Single(v.Warnings);
        Assert.Equal($"{path}:2: 2 words are not valid UTF-8 and were read as Latin-1 (the first, 'café', has byte 0xE9 at byte 4 of the word); " +
                     "such words may not match the texts' words: save the file as UTF-8 if it is in another encoding", warning);
        Assert.Empty(GloveText.Read(dir.File("u.txt", "the 1 2\nnaïve 3 4\n")).Warnings);
    }

    [Fact]
    public void The_shared_glove_sample_with_cp1252_bytes_gets_the_warning()
    {
        string sample = RealData.Path("glove_6B_50d_subset", "glove.6B.50d.first2446.txt");
        WordVectors v = GloveText.Read(sample);
        Assert.Equal(2446, v.Count);
        string warning = Assert.Single(v.Warnings);
        Assert.StartsWith($"{sample}:218: 5 words are not valid UTF-8 and were read as Latin-1 (the first, '\\x96', has byte 0x96 at byte 1 of the word)", warning);
    }

    [Fact]
    public void Word2vec_words_that_are_not_utf8_are_said_with_their_word_number()
    {
        using var dir = new TempDir();
        var ms = new MemoryStream();
        ms.Write(Bytes("2 1\nking ", BitConverter.GetBytes(1f), "\nk", new byte[] { 0xF6 }, "nig ", BitConverter.GetBytes(2f), "\n"));
        string path = dir.File("v.bin", ms.ToArray());
        WordVectors v = Word2VecBinary.Read(path);
        Assert.Equal(["king", "k\u00f6nig"], v.Words);
        Assert.StartsWith($"{path}: word 2: 1 word is not valid UTF-8 and was read as Latin-1 (the first, 'k\u00f6nig', has byte 0xF6 at byte 2 of the word)", Assert.Single(v.Warnings));
    }

    [Fact]
    public void Values_that_are_not_finite_are_errors_in_text_and_binary()
    {
        using var dir = new TempDir();
        Assert.Contains("n.txt:2: value 1 ('NaN') is not a finite number", Fails(() => GloveText.Read(dir.File("n.txt", "a 1 2\nb NaN 2\n"))).Message);
        Assert.Contains("i.txt:1: value 2 ('1e999') is not a finite number", Fails(() => GloveText.Read(dir.File("i.txt", "a 1 1e999\n"))).Message);
        Assert.Contains("value 1 ('-Infinity') is not a finite number", Fails(() => GloveText.Read(dir.File("f.txt", "a -Infinity 2\n"))).Message);
        byte[] bin = MalformedTextTests.Word2Vec(("a", [1f, 2f]), ("b", [float.NaN, 2f]));
        Assert.Contains("word 2 ('b'): value 1 is not a finite number (NaN)", Fails(() => Word2VecBinary.Read(dir.File("n.bin", bin))).Message);
    }

    [Fact]
    public void A_word2vec_header_announcing_more_than_the_file_holds_is_an_error_before_anything_is_allocated()
    {
        using var dir = new TempDir();
        string huge = dir.File("h.bin", Bytes("2000000000 300\nthe ", BitConverter.GetBytes(1f)));
        var e = Fails(() => Word2VecBinary.Read(huge));
        Assert.Equal($"{huge}:1: truncated: the header announces 2,000,000,000 words of 300 values (at least 2,404,000,000,000 bytes) but 8 bytes follow it", e.Message.Split('\n')[0]);
        Assert.Contains("h.bin:1: truncated: the header announces 3 words of 1 values", Fails(() => Word2VecBinary.Read(dir.File("h.bin", Bytes("3 1\nab ", BitConverter.GetBytes(1f))))).Message);
        Assert.Contains("z.bin:1: the header announces 0 words", Fails(() => Word2VecBinary.Read(dir.File("z.bin", "0 3\n"))).Message);
    }

    [Fact]
    public void A_first_vector_of_another_dimension_than_the_rest_is_named_as_the_odd_line()
    {
        using var dir = new TempDir();
        var odd = Fails(() => GloveText.Read(dir.File("o.txt", "the 1 2 3 4 5\nof 1 2\nand 1 2\nto 1 2\n")));
        Assert.StartsWith("5 values, but 3 of the 4 vector lines read have 2: this first vector is the odd one", odd.Problem);
        Assert.Equal(1, odd.Line);
        var most = Fails(() => GloveText.Read(dir.File("m.txt", "the 1 2\nof 1 2\nand 1 2 3\nto 1 2 3\nin 1 2 3\n")));
        Assert.Equal((3L, "3 values where the first vector (line 1) has 2 (inconsistent dimension; 3 of the 5 vector lines read do not have 2 values)"), (most.Line!.Value, most.Problem));
    }
}
