using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace NnViz.Data;

/// <summary>
/// word2vec's binary format (Mikolov et al. 2013, <c>GoogleNews-vectors-negative300.bin</c>): an ASCII header
/// <c>count dim\n</c>, then per word its bytes up to a space and <c>dim</c> little-endian float32 values,
/// optionally followed by a newline.
/// </summary>
public static class Word2VecBinary
{
    private const string Hint = "Expected a word2vec .bin file ('count dim' header, then word + float32 vectors); for text vectors use the GloVe reader.";

    public static WordVectors Read(string path, int? maxWords = null)
    {
        TextFiles.RequireFile(path, "a word2vec binary file");
        using var s = new BufferedStream(File.OpenRead(path), 1 << 16);
        string header = ReadUntil(s, (byte)'\n', 64) ?? throw new DataException("no 'count dim' header line", path, 1, Hint);
        string[] parts = header.Trim().Split(' ');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
                              || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int dim) || dim == 0)
            throw new DataException($"header '{TextFiles.Shorten(header)}' is not 'count dim'", path, 1, Hint);
        int n = Math.Min(count, maxWords ?? count);
        var words = new string[n];
        var vectors = new float[(long)n * dim];
        var raw = new byte[4 * dim];
        for (int i = 0; i < n; i++)
        {
            string? word = ReadWord(s);
            if (word is null || s.ReadAtLeast(raw, raw.Length, throwOnEndOfStream: false) < raw.Length)
                throw new DataException($"truncated: the header announces {count} words but word {i + 1} is incomplete", path,
                    hint: "The download may be incomplete; fetch the file again.");
            words[i] = word;
            for (int d = 0; d < dim; d++) vectors[(long)i * dim + d] = BinaryPrimitives.ReadSingleLittleEndian(raw.AsSpan(4 * d));
        }
        return new WordVectors(words, vectors, dim);
    }

    /// <summary>The next word: leading newlines skipped, bytes up to a space.</summary>
    private static string? ReadWord(Stream s)
    {
        int b;
        while ((b = s.ReadByte()) == '\n') { }
        if (b < 0) return null;
        var bytes = new List<byte> { (byte)b };
        while ((b = s.ReadByte()) >= 0 && b != ' ')
        {
            bytes.Add((byte)b);
            if (bytes.Count > 1000) return null;
        }
        return b < 0 ? null : TextFiles.DecodeLenient(bytes.ToArray());
    }

    private static string? ReadUntil(Stream s, byte stop, int max)
    {
        var bytes = new List<byte>();
        int b;
        while ((b = s.ReadByte()) >= 0 && b != stop)
        {
            bytes.Add((byte)b);
            if (bytes.Count > max) return null;
        }
        return b < 0 ? null : Encoding.ASCII.GetString(bytes.ToArray());
    }
}
