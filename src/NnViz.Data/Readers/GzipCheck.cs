using System.Buffers.Binary;

namespace NnViz.Data;

/// <summary>
/// What GZipStream does not check: that the file ends with the gzip trailer of the data just read. Its last four
/// bytes are the uncompressed length modulo 2^32 (RFC 1952); a copy cut short, even by a few bytes, fails this.
/// </summary>
internal static class GzipCheck
{
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
