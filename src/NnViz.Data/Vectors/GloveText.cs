using System.Globalization;

namespace NnViz.Data;

/// <summary>
/// GloVe's text format (<c>word v1 … vD</c>, space-separated, one word per line), which is also word2vec's text
/// format when the first line is a <c>count dim</c> header. Tokens are decoded as UTF-8 where valid and as
/// Latin-1 otherwise (the shared GloVe sample has cp1252 bytes). Every line must have the dimension of the
/// first; a line that does not is an error naming it (tokens with spaces, as in glove.840B, are allowed).
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
        int dim = -1;
        long lineNo = 0;
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
            if (dim < 0) dim = fields.Count - 1;
            // A few tokens of the 840B vectors contain spaces (". . ."): when a line has more fields than the
            // dimension and the extra leading ones are not numbers, they belong to the token.
            int first = fields.Count - dim;
            if (first < 1 || (first > 1 && AllNumbers(line, fields, 1, first)))
                throw new DataException($"{fields.Count - 1} values where the first vector has {dim} (inconsistent dimension)", path, lineNo, Hint);
            for (int k = first; k < fields.Count; k++)
            {
                ReadOnlySpan<byte> f = line[fields[k]];
                if (!float.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out float v))
                    throw new DataException($"value {k - first + 1} ('{TextFiles.Shorten(TextFiles.DecodeLenient(f))}') is not a number", path, lineNo, Hint);
                values.Add(v);
            }
            words.Add(TextFiles.DecodeLenient(line[..fields[first - 1].End]));
        }
        if (words.Count == 0) throw new DataException("no vectors in the file", path, hint: Hint);
        return new WordVectors(words.ToArray(), values.ToArray(), dim);
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
