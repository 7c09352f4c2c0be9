using System.Globalization;

namespace NnViz.Data;

/// <summary>
/// GloVe's text format (<c>word v1 … vD</c>, space-separated, one word per line), which is also word2vec's text
/// format when the first line is a <c>count dim</c> header. Tokens are decoded as UTF-8 where valid and as
/// Latin-1 otherwise (the shared GloVe sample has cp1252 bytes). Every line must have the dimension of the
/// first; a line that does not is an error naming it.
/// </summary>
public static class GloveText
{
    private const string Hint = "GloVe files are 'word v1 … vD' with the same D on every line (https://nlp.stanford.edu/projects/glove/).";

    public static WordVectors Read(string path, int? maxWords = null)
    {
        TextFiles.RequireFile(path, "a GloVe text file");
        using FileStream file = File.OpenRead(path);
        var lines = new ByteLines(file);
        var words = new List<string>();
        var values = new List<float>();
        int dim = -1;
        long lineNo = 0;
        Span<Range> parts = stackalloc Range[2];
        while ((maxWords is null || words.Count < maxWords) && lines.Next(out ReadOnlySpan<byte> line))
        {
            lineNo++;
            if (line.IsEmpty || line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0) continue;
            if (lineNo == 1 && IsWord2VecHeader(line)) continue;
            int sp = line.IndexOf((byte)' ');
            if (sp <= 0) throw new DataException("a word without a vector", path, lineNo, Hint);
            ReadOnlySpan<byte> rest = line[(sp + 1)..].TrimEnd((byte)' ');
            int count = 0;
            foreach (Range r in rest.Split((byte)' '))
            {
                if (!float.TryParse(rest[r], NumberStyles.Float, CultureInfo.InvariantCulture, out float v))
                    throw new DataException($"value {count + 1} ('{TextFiles.Shorten(TextFiles.DecodeLenient(rest[r]))}') is not a number", path, lineNo, Hint);
                values.Add(v);
                count++;
            }
            if (dim < 0) dim = count;
            else if (count != dim)
                throw new DataException($"{count} values where the first vector has {dim} (inconsistent dimension)", path, lineNo, Hint);
            words.Add(TextFiles.DecodeLenient(line[..sp]));
        }
        if (words.Count == 0) throw new DataException("no vectors in the file", path, hint: Hint);
        return new WordVectors(words.ToArray(), values.ToArray(), dim);
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
