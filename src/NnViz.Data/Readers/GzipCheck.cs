using System.Buffers.Binary;

namespace NnViz.Data;

/// <summary>
/// What GZipStream does not check: that the file ends with the gzip trailer of the data just read. Its last four
/// bytes are the uncompressed length modulo 2^32 (RFC 1952); a copy cut short, even by a few bytes, fails this.
/// </summary>
internal static class GzipCheck
{
    /// <summary>
    /// Null when <paramref name="file"/> starts with gzip's magic bytes, else what it seems to be instead (a plain tar,
    /// an HTML page, other bytes), for the error; the position is left at the start.
    /// </summary>
    public static string? NotGzip(FileStream file)
    {
        Span<byte> head = stackalloc byte[512];
        int n = file.Read(head);
        file.Position = 0;
        if (n >= 2 && head[0] == 0x1f && head[1] == 0x8b) return null;
        if (n >= 262 && head[257..262].SequenceEqual("ustar"u8)) return "not gzip-compressed: it is a plain tar archive (compress it with gzip, or download the .tar.gz again)";
        string start = System.Text.Encoding.Latin1.GetString(head[..Math.Min(n, 16)]);
        string shown = string.Concat(start.Select(c => c is >= ' ' and <= '~' ? c.ToString() : "."));
        return n == 0 ? "the file is empty" : $"not a gzip file (it starts with '{shown}'{(shown.TrimStart().StartsWith('<') ? ", an HTML page saved in its place?" : "")})";
    }

    /// <summary>True when the trailer of <paramref name="file"/> announces <paramref name="uncompressed"/> bytes.</summary>
    public static bool TrailerMatches(FileStream file, long uncompressed)
    {
        if (file.Length < 18) return false;
        Span<byte> size = stackalloc byte[4];
        file.Position = file.Length - 4;
        file.ReadExactly(size);
        return BinaryPrimitives.ReadUInt32LittleEndian(size) == (uint)(uncompressed & 0xFFFFFFFF);
    }
}

/// <summary>A read-only pass-through stream that counts the bytes read from it.</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    public long Count { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));
    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Count; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Counted(int n)
    {
        Count += n;
        return n;
    }
}
