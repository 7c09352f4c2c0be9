using System.Globalization;

namespace NnViz.Data;

/// <summary>
/// GloVe's text format (<c>word v1 … vD</c>, space-separated, one word per line), which is also word2vec's text
/// format when the first line is a <c>count dim</c> header. Words are decoded as UTF-8 where valid and as Latin-1
/// otherwise (the shared GloVe sample has cp1252 bytes), which <see cref="WordVectors.Warnings"/> then says. Every
/// line must have the dimension of the first and finite numbers; a line that does not is an error naming it, and for a
/// dimension the error counts the lines of each dimension (tokens with spaces, as in glove.840B, are allowed).
/// </summary>
public static class GloveText
{
    private const string Hint = "GloVe files are 'word v1 … vD' with the same D on every line (https://nlp.stanford.edu/projects/glove/).";

    public static WordVectors Read(string path, int? maxWords = null)
    {
        TextFiles.RequireFile(path, "a GloVe text file");
        using FileStream file = File.OpenRead(path);
        return Read(file, path, maxWords);
    }

    /// <summary>Reads vectors from a stream (e.g. the 50d member of glove.6B.zip); <paramref name="path"/> names it in errors.</summary>
    public static WordVectors Read(Stream file, string path, int? maxWords = null)
    {
        var lines = new ByteLines(file);
        var words = new List<string>();
        var values = new List<float>();
        var latin1 = new Latin1Words(path, "line");
        int dim = -1;
        long lineNo = 0, dimLine = 0;
        var fields = new List<Range>(512);
        while ((maxWords is null || words.Count < maxWords) && lines.Next(out ReadOnlySpan<byte> raw))
        {
            lineNo++;
            ReadOnlySpan<byte> line = raw.TrimEnd((byte)' ');
            if (line.IsEmpty || line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0) continue;
            if (lineNo == 1 && IsWord2VecHeader(line)) continue;
            fields.Clear();
            foreach (Range r in line.Split((byte)' ')) fields.Add(r);
            if (fields.Count < 2) throw new DataException("a word without a vector", path, lineNo, Hint);
            if (dim < 0) (dim, dimLine) = (fields.Count - 1, lineNo);
            // A few tokens of the 840B vectors contain spaces (". . ."): when a line has more fields than the
            // dimension and the extra leading ones are not numbers, they belong to the token.
            int first = fields.Count - dim;
            if (first < 1 || (first > 1 && AllNumbers(line, fields, 1, first)))
                throw Inconsistent(lines, path, (lineNo, fields.Count - 1), (dimLine, dim), words.Count);
            for (int k = first; k < fields.Count; k++) values.Add(Value(line[fields[k]], k - first + 1, path, lineNo));
            words.Add(latin1.Decode(line[..fields[first - 1].End], lineNo));
        }
        if (words.Count == 0) throw new DataException("no vectors in the file", path, hint: Hint);
        return new WordVectors(words.ToArray(), values.ToArray(), dim) { Warnings = latin1.Warnings() };
    }

    private static float Value(ReadOnlySpan<byte> field, int index, string path, long lineNo)
    {
        if (float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out float v) && float.IsFinite(v)) return v;
        string text = TextFiles.Shorten(System.Text.Encoding.Latin1.GetString(field));
        throw new DataException(float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? $"value {index} ('{text}') is not a finite number" : $"value {index} ('{text}') is not a number", path, lineNo, Hint);
    }

    /// <summary>The most lines scanned after a line of another dimension, to count how many lines have which dimension.</summary>
    private const int ScanAfterMismatch = 1_000_000;

    /// <summary>
    /// The error for a line whose dimension differs from the first vector's: the rest of the file (up to
    /// <see cref="ScanAfterMismatch"/> lines) is counted by dimension, so the error can say whether the line or the
    /// first vector is the odd one, and how many lines disagree.
    /// </summary>
    private static DataException Inconsistent(ByteLines lines, string path, (long Line, int Dim) found, (long Line, int Dim) first, int before)
    {
        var counts = new Dictionary<int, long> { [first.Dim] = before };
        counts[found.Dim] = counts.GetValueOrDefault(found.Dim) + 1;
        for (int n = 0; n < ScanAfterMismatch && lines.Next(out ReadOnlySpan<byte> raw); n++)
        {
            ReadOnlySpan<byte> line = raw.Trim((byte)' ');
            if (line.IsEmpty) continue;
            int d = line.Count((byte)' ');
            counts[d] = counts.GetValueOrDefault(d) + 1;
        }
        long total = counts.Values.Sum();
        var (major, majorCount) = counts.MaxBy(kv => kv.Value);
        const string fix = "Every line must hold a word and the same number of values: fix or remove the odd lines, or download the file again.";
        if (counts[first.Dim] == 1 && major != first.Dim && majorCount > 1)
            return new DataException($"{first.Dim} values, but {majorCount:N0} of the {total:N0} vector lines read have {major}: this first vector is the odd one (inconsistent dimension)", path, first.Line, fix);
        long other = total - counts[first.Dim];
        return new DataException($"{found.Dim} values where the first vector (line {first.Line}) has {first.Dim} (inconsistent dimension; " +
            $"{other:N0} of the {total:N0} vector lines read {(other == 1 ? "does" : "do")} not have {first.Dim} values)", path, found.Line, fix);
    }

    private static bool AllNumbers(ReadOnlySpan<byte> line, List<Range> fields, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (!float.TryParse(line[fields[k]], NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return false;
        return true;
    }

    private static bool IsWord2VecHeader(ReadOnlySpan<byte> line)
    {
        int n = 0;
        foreach (Range r in line.Trim((byte)' ').Split((byte)' '))
        {
            if (!int.TryParse(line.Trim((byte)' ')[r], NumberStyles.None, CultureInfo.InvariantCulture, out _)) return false;
            n++;
        }
        return n == 2;
    }
}
