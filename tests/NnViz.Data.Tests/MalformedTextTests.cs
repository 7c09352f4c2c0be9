using System.Text;

namespace NnViz.Data.Tests;

/// <summary>Every text reader against small broken files: each error names the file, the line and what to do.</summary>
public class MalformedTextTests
{
    private static DataException Fails(Action read) => Assert.Throws<DataException>(read);

    [Fact]
    public void Csv_parser_handles_rfc4180_quoting_and_counts_lines()
    {
        string text = "a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\"two\nlines\"\n1,,\"\"\n\nlast,\"q\",z";
        List<CsvRecord> rows = Csv.Read(new StringReader(text), "t.csv").ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["x, y", "he said \"hi\"", "two\nlines"], rows[1].Fields);
        Assert.Equal(["1", "", ""], rows[2].Fields);
        Assert.Equal([1L, 2, 4, 6], rows.Select(r => r.Line));
        Assert.Equal(["ab\"c"], Csv.Read(new StringReader("ab\"c"), "t.csv").Single().Fields); // lenient literal quote
    }

    [Fact]
    public void Csv_errors_name_the_line()
    {
        var open = Fails(() => Csv.Read(new StringReader("a,b\n1,\"never\nclosed"), "t.csv").ToList());
        Assert.StartsWith("t.csv:2: a quoted field opened here is never closed", open.Message);
        Assert.Contains("hint:", open.Message);
        var after = Fails(() => Csv.Read(new StringReader("a\n\"x\"y"), "t.csv").ToList());
        Assert.StartsWith("t.csv:2: unexpected character 'y' after a closing quote", after.Message);
    }

    [Fact]
    public void Jigsaw_without_a_label_column_lists_what_the_header_has()
    {
        using var dir = new TempDir();
        string p = dir.File("train.csv", "id,comment_text,toxic,severe_toxic,obscene,threat,insult\n1,hi,0,0,0,0,0\n");
        var e = Fails(() => Jigsaw.Read(p));
        Assert.Equal($"{p}:1: missing column identity_hate; the header has: id, comment_text, toxic, severe_toxic, obscene, threat, insult", e.Message.Split('\n')[0]);
    }

    [Fact]
    public void Jigsaw_bad_rows_name_their_line()
    {
        using var dir = new TempDir();
        const string head = "id,comment_text,toxic,severe_toxic,obscene,threat,insult,identity_hate\n";
        var minus = Fails(() => Jigsaw.Read(dir.File("a.csv", head + "1,\"two\nlines\",0,0,0,0,0,0\n2,x,-1,0,0,0,0,0\n")));
        Assert.Contains("a.csv:4: label toxic = -1, expected 0 or 1", minus.Message);
        Assert.Contains("test_labels.csv", minus.Hint);
        var width = Fails(() => Jigsaw.Read(dir.File("b.csv", head + "1,a, b,0,0,0,0,0,0\n")));
        Assert.Contains("b.csv:2: 9 fields where the header has 8", width.Message);
        var text = Fails(() => Jigsaw.Read(dir.File("c.csv", head + "1,x,yes,0,0,0,0,0\n")));
        Assert.Contains("c.csv:2: label 'yes' in column toxic is not a number", text.Message);
        Assert.Contains("empty corpus", Fails(() => Jigsaw.Read(dir.File("d.csv", head))).Message);
        Assert.Contains("the file is empty", Fails(() => Jigsaw.Read(dir.File("e.csv", ""))).Message);
        Assert.Contains("file not found", Fails(() => Jigsaw.Read(Path.Combine(dir.Path, "none.csv"))).Message);
    }

    [Fact]
    public void Generic_tsv_and_title_abstract_read_and_fail_clearly()
    {
        using var dir = new TempDir();
        TextCorpus c = DelimitedText.Read(dir.File("x.tsv", "label\ttext\tspam\n1\thello, world\t0\n0\tbye\t1\n"), "text", ["label", "spam"]);
        Assert.Equal(["hello, world", "bye"], c.Texts);
        Assert.Equal([1f, 0f, 0f, 1f], c.Labels);
        Assert.Equal("x.tsv:3", c.Ids[1]);
        var e = Fails(() => DelimitedText.Read(dir.File("y.csv", "txt,label\na,1\n"), "text", ["label"]));
        Assert.Contains("missing column text; the header has: txt, label", e.Message);

        TitleAbstractCorpus t = TitleAbstractReader.Read(dir.File("p.csv", "title,abstract,label\n\"A, b\",\"One. Two.\",1\n"));
        Assert.Equal(("A, b", "One. Two.", 1f), (t.Titles[0], t.Abstracts[0], t.Labels[0]));
        Assert.Contains("missing column abstract", Fails(() => TitleAbstractReader.Read(dir.File("q.csv", "title,label\nx,1\n"))).Message);
        Assert.Contains("q2.csv: no records found (empty corpus)", Fails(() => TitleAbstractReader.Read(dir.File("q2.csv", "title,abstract,label\n"))).Message);
    }

    [Fact]
    public void Uci_lines_without_tab_or_with_a_bad_label_are_named()
    {
        using var dir = new TempDir();
        Assert.Contains("u.txt:2: no TAB before the label", Fails(() => UciSentences.Read(dir.File("u.txt", "good\t1\nbad 0\n"))).Message);
        Assert.Contains("v.txt:1: label '2' is not 0 or 1", Fails(() => UciSentences.Read(dir.File("v.txt", "meh\t2\n"))).Message);
        Assert.Contains("empty corpus", Fails(() => UciSentences.Read(dir.File("w.txt", "\n\n"))).Message);
        TextCorpus ok = UciSentences.Read(dir.File("z.txt", "a \"quote\tb\t1\r\nno quote\t0"));
        Assert.Equal(["a \"quote\tb", "no quote"], ok.Texts); // last TAB splits; CRLF and a missing final newline are fine
    }

    [Fact]
    public void Yelp_json_lines_map_stars_and_name_bad_lines()
    {
        using var dir = new TempDir();
        string good = "{\"review_id\":\"r1\",\"stars\":4,\"text\":\"Great ramen\"}\n\n{\"stars\":3.0,\"text\":\"ok\"}\n{\"stars\":1,\"text\":\"bad\",\"x\":[1]}\n";
        TextCorpus c = YelpReviews.Read(dir.File("y.json", good));
        Assert.Equal(["Great ramen", "ok", "bad"], c.Texts);
        Assert.Equal([1f, 0f, 0f], c.Labels);
        Assert.Equal(["r1", "y.json:3", "y.json:4"], c.Ids);
        Assert.Equal(2, YelpReviews.Read(dir.File("y2.json", good), limit: 2).Count);
        Assert.Contains("b.json:3: not valid JSON", Fails(() => YelpReviews.Read(dir.File("b.json", good[..50] + "\n{\"stars\": 5, \"text\": \"x\"\n"))).Message);
        Assert.Contains("c.json:1: no \"text\" string", Fails(() => YelpReviews.Read(dir.File("c.json", "{\"stars\":5}\n"))).Message);
        Assert.Contains("d.json:1: stars = 9 is outside 1..5", Fails(() => YelpReviews.Read(dir.File("d.json", "{\"stars\":9,\"text\":\"x\"}\n"))).Message);
        Assert.Contains("e.json:1: no numeric \"stars\"", Fails(() => YelpReviews.Read(dir.File("e.json", "{\"stars\":\"5\",\"text\":\"x\"}\n"))).Message);
        Assert.Contains("empty corpus", Fails(() => YelpReviews.Read(dir.File("f.json", ""))).Message);
    }

    [Fact]
    public void AclImdb_missing_folders_and_bad_names_are_explained()
    {
        using var dir = new TempDir();
        var none = Fails(() => AclImdb.Read(dir.Path, "train"));
        Assert.Contains("no aclImdb folder", none.Message);
        Assert.Contains("ai.stanford.edu", none.Hint);
        dir.File("aclImdb/train/neg/3_2.txt", "bad<br />film");
        Assert.Contains("folder train/pos is missing", Fails(() => AclImdb.Read(dir.Path, "train")).Message);
        dir.File("aclImdb/train/pos/notes.txt", "x");
        Assert.Contains("notes.txt: the file name is not <id>_<rating>.txt", Fails(() => AclImdb.Read(dir.Path, "train")).Message);
        File.Delete(Path.Combine(dir.Path, "aclImdb/train/pos/notes.txt"));
        Assert.Contains("no .txt reviews in train/pos", Fails(() => AclImdb.Read(dir.Path, "train")).Message);
        dir.File("aclImdb/train/pos/10_9.txt", "good");
        dir.File("aclImdb/train/pos/9_8.txt", "fine");
        TextCorpus c = AclImdb.Read(dir.Path, "train");
        Assert.Equal(["bad film", "fine", "good"], c.Texts); // neg first, then pos by numeric id (9 before 10)
    }

    [Fact]
    public void Glove_inconsistent_dimension_and_bad_numbers_name_the_line()
    {
        using var dir = new TempDir();
        var dim = Fails(() => GloveText.Read(dir.File("g.txt", "a 1 2 3\nb 4 5 6\nc 7 8\n")));
        Assert.StartsWith($"{Path.Combine(dir.Path, "g.txt")}:3: 2 values where the first vector (line 1) has 3 (inconsistent dimension; 1 of the 3 vector lines read does not have 3 values)", dim.Message);
        Assert.Contains("h.txt:2: value 2 ('x') is not a number", Fails(() => GloveText.Read(dir.File("h.txt", "a 1 2\nb 1 x\n"))).Message);
        Assert.Contains("no vectors in the file", Fails(() => GloveText.Read(dir.File("e.txt", "\n"))).Message);
        Assert.Contains("m.txt:2: 3 values where the first vector (line 1) has 2", Fails(() => GloveText.Read(dir.File("m.txt", "a 1 2\nb 1 2 3\n"))).Message);
        Assert.Contains("k.txt:2: a word without a vector", Fails(() => GloveText.Read(dir.File("k.txt", "a 1 2\nlonely\n"))).Message);
        WordVectors spaced = GloveText.Read(dir.File("s.txt", "a 1 2\n. . . 3 4\nat name@x.com 5 6\n"));
        Assert.Equal(["a", ". . .", "at name@x.com"], spaced.Words); // glove.840B has tokens with spaces
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], spaced.Vectors);
        Assert.Contains("expected a GloVe text file but this is a folder", Fails(() => GloveText.Read(dir.Path)).Message);

        WordVectors w2vText = GloveText.Read(dir.File("w.txt", "2 2\nx 1 2\r\ny 3 4 \n"));
        Assert.Equal((2, 2), (w2vText.Count, w2vText.Dim)); // word2vec text header skipped, CRLF and trailing space tolerated
        Assert.Equal([1f, 2f, 3f, 4f], w2vText.Vectors);
    }

    [Fact]
    public void Word2vec_binary_round_trips_and_truncation_is_reported()
    {
        using var dir = new TempDir();
        byte[] file = Word2Vec(("king", [1f, -2f]), ("café", [0.5f, 3f]));
        WordVectors v = Word2VecBinary.Read(dir.File("v.bin", file));
        Assert.Equal(["king", "café"], v.Words);
        Assert.Equal([1f, -2f, 0.5f, 3f], v.Vectors);
        var cut = Fails(() => Word2VecBinary.Read(dir.File("cut.bin", file[..^3])));
        Assert.Contains("truncated: the header announces 2 words but word 2 is incomplete", cut.Message);
        Assert.Contains("h.bin:1: header 'king 1 2' is not 'count dim'", Fails(() => Word2VecBinary.Read(dir.File("h.bin", "king 1 2\n"))).Message);
    }

    internal static byte[] Word2Vec(params (string Word, float[] V)[] rows)
    {
        var ms = new MemoryStream();
        ms.Write(Encoding.ASCII.GetBytes($"{rows.Length} {rows[0].V.Length}\n"));
        foreach (var (word, vec) in rows)
        {
            ms.Write(Encoding.UTF8.GetBytes(word + " "));
            foreach (float f in vec) ms.Write(BitConverter.GetBytes(f)); // little-endian on every .NET target here
            ms.WriteByte((byte)'\n');
        }
        return ms.ToArray();
    }
}
