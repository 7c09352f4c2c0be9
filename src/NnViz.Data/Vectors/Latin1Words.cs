using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace NnViz.Data;

/// <summary>
/// Decodes the words of a vectors file as UTF-8, and a word that is not valid UTF-8 as Latin-1 (every byte kept, e.g.
/// the cp1252 tokens of some GloVe copies), counting those words so the reader can say so: <see cref="Warnings"/>
/// names the file, the first such word's line (or word number) and its first invalid byte.
/// </summary>
internal sealed class Latin1Words(string path, string unit)
{
    private long _count, _firstAt;
    private int _firstOffset;
    private byte _firstByte;
    private string _firstWord = "";

    /// <summary>The word; <paramref name="at"/> is its line (GloVe text) or word number (word2vec binary), 1-based.</summary>
    public string Decode(ReadOnlySpan<byte> bytes, long at)
    {
        int bad = FirstInvalidByte(bytes);
        if (bad < 0) return Encoding.UTF8.GetString(bytes);
        string word = Encoding.Latin1.GetString(bytes);
        if (_count++ == 0) (_firstAt, _firstOffset, _firstByte, _firstWord) = (at, bad, bytes[bad], word);
        return word;
    }

    /// <summary>None, or one warning for the whole file.</summary>
    public IReadOnlyList<string> Warnings()
    {
        if (_count == 0) return [];
        string where = unit == "line" ? $"{path}:{_firstAt}" : $"{path}: {unit} {_firstAt}";
        string shown = string.Concat(_firstWord.Select(c => char.IsControl(c) ? $"\\x{(int)c:X2}" : c.ToString()));
        return [$"{where}: {_count:N0} word{(_count == 1 ? " is" : "s are")} not valid UTF-8 and {(_count == 1 ? "was" : "were")} read as Latin-1 " +
                $"(the first, '{TextFiles.Shorten(shown)}', has byte 0x{_firstByte:X2} at byte {_firstOffset + 1} of the word); such words may not match " +
                "the texts' words: save the file as UTF-8 if it is in another encoding"];
    }

    /// <summary>The index of the first byte that does not start a valid UTF-8 sequence, or -1 when all are valid.</summary>
    public static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return -1;
        char[] chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            Utf8.ToUtf16(bytes, chars, out int read, out _, replaceInvalidSequences: false);
            return read;
        }
        finally { ArrayPool<char>.Shared.Return(chars); }
    }
}
