using System.Buffers.Binary;
using System.IO.Compression;

namespace NnViz.Plot;

/// <summary>
/// A minimal PNG encoder (8-bit RGB, one IDAT) for images embedded in SVG as data URIs. Every row uses the "Up"
/// filter (zero rows where an upscaled image repeats a row), compressed with zlib; CRC-32 computed here.
/// The bytes depend only on the pixels and the runtime's zlib.
/// </summary>
public static class Png
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Encodes <paramref name="rgb"/> (row-major, 3 bytes per pixel, width x height) as a PNG file.</summary>
    public static byte[] EncodeRgb(byte[] rgb, int width, int height)
    {
        if (rgb.Length != width * height * 3) throw new ArgumentException($"expected {width * height * 3} bytes, received {rgb.Length}");
        int stride = width * 3;
        var raw = new byte[height * (stride + 1)];
        for (int y = 0; y < height; y++)
        {
            int o = y * (stride + 1);
            raw[o] = 2; // filter: Up (PNG spec 9.2); row 0 sees a zero row above, i.e. no filter
            for (int i = 0; i < stride; i++)
                raw[o + 1 + i] = (byte)(rgb[y * stride + i] - (y > 0 ? rgb[(y - 1) * stride + i] : 0));
        }
        using var z = new MemoryStream();
        using (var zs = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true)) zs.Write(raw);

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type: truecolour
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", z.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>CRC-32 (ISO 3309 / PNG spec annex D) of <paramref name="data"/>, continuing from <paramref name="crc"/>.</summary>
    public static uint Crc32(ReadOnlySpan<byte> data, uint crc = 0)
    {
        uint c = ~crc;
        foreach (byte b in data) c = CrcTable[(c ^ b) & 0xff] ^ (c >> 8);
        return ~c;
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        for (int i = 0; i < 4; i++) head[4 + i] = (byte)type[i];
        s.Write(head);
        s.Write(data);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(data, Crc32(head[4..])));
        s.Write(crc);
    }

    private static uint[] BuildCrcTable()
    {
        var t = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }
}
