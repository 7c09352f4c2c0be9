using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace NnViz.Data;

/// <summary>
/// word2vec's binary format (Mikolov et al. 2013, <c>GoogleNews-vectors-negative300.bin</c>): an ASCII header
/// <c>count dim\n</c>, then per word its bytes up to a space and <c>dim</c> little-endian float32 values,
/// optionally followed by a newline. A header announcing more than the file can hold, and a value that is not
/// finite, are errors; words that are not UTF-8 are read as Latin-1 and said in <see cref="WordVectors.Warnings"/>.
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
        long after = s.Length - s.Position, least = (long)count * (4L * dim + 2);
        if (count == 0 || least > after)
            throw new DataException(count == 0 ? "the header announces 0 words"
                : FormattableString.Invariant($"truncated: the header announces {count:N0} words of {dim:N0} values (at least {least:N0} bytes) but {after:N0} bytes follow it"),
                path, 1, "The download may be incomplete or the header damaged; fetch the file again.");
        int n = Math.Min(count, maxWords ?? count);
        var words = new string[n];
        var vectors = new float[(long)n * dim];
        var raw = new byte[4 * dim];
        var latin1 = new Latin1Words(path, "word");
        for (int i = 0; i < n; i++)
        {
            byte[]? word = ReadWord(s);
            if (word is null || s.ReadAtLeast(raw, raw.Length, throwOnEndOfStream: false) < raw.Length)
                throw new DataException($"truncated: the header announces {count} words but word {i + 1} is incomplete", path,
                    hint: "The download may be incomplete; fetch the file again.");
            words[i] = latin1.Decode(word, i + 1);
            for (int d = 0; d < dim; d++)
            {
                float v = BinaryPrimitives.ReadSingleLittleEndian(raw.AsSpan(4 * d));
                if (!float.IsFinite(v))
                    throw new DataException($"word {i + 1} ('{TextFiles.Shorten(words[i])}'): value {d + 1} is not a finite number ({v.ToString(CultureInfo.InvariantCulture)})", path,
                        hint: "Vectors must hold finite float32 values; the file is damaged or was written wrongly.");
                vectors[(long)i * dim + d] = v;
            }
        }
        return new WordVectors(words, vectors, dim) { Warnings = latin1.Warnings() };
    }

    /// <summary>The next word's bytes: leading newlines skipped, bytes up to a space.</summary>
    private static byte[]? ReadWord(Stream s)
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
        return b < 0 ? null : bytes.ToArray();
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
