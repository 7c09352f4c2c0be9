using System.Buffers.Binary;
using System.IO.Compression;

namespace NnViz.Browser.Tests;

/// <summary>
/// A minimal PNG decoder for screenshots (8-bit greyscale, RGB or RGBA, not interlaced): enough to measure whether a
/// page rendered anything. PNG spec (W3C, 2003): IDAT chunks form one zlib stream; each row starts with a filter byte.
/// </summary>
public sealed class PngImage
{
    public int Width { get; }
    public int Height { get; }
    /// <summary>Luminance per pixel, row-major, 0..255.</summary>
    public byte[] Luma { get; }

    private PngImage(int width, int height, byte[] luma) { Width = width; Height = height; Luma = luma; }

    public static PngImage Decode(byte[] png)
    {
        ReadOnlySpan<byte> signature = [137, 80, 78, 71, 13, 10, 26, 10];
        if (!png.AsSpan(0, 8).SequenceEqual(signature)) throw new InvalidDataException("not a PNG");
        int width = 0, height = 0, colorType = 0;
        using var idat = new MemoryStream();
        for (int p = 8; p < png.Length;)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(p));
            string type = System.Text.Encoding.ASCII.GetString(png, p + 4, 4);
            var body = png.AsSpan(p + 8, len);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                colorType = body[9];
                if (body[8] != 8 || body[12] != 0) throw new InvalidDataException("only 8-bit, non-interlaced PNGs are supported");
            }
            else if (type == "IDAT") idat.Write(body);
            else if (type == "IEND") break;
            p += 12 + len;
        }
        int channels = colorType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => throw new InvalidDataException($"PNG colour type {colorType} not supported") };
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        byte[] data = raw.ToArray();
        int stride = width * channels;
        var cur = new byte[stride];
        var prev = new byte[stride];
        var luma = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            int off = y * (stride + 1);
            Unfilter(data[off], data.AsSpan(off + 1, stride), prev, cur, channels);
            for (int x = 0; x < width; x++)
            {
                int i = x * channels;
                luma[y * width + x] = channels >= 3
                    ? (byte)((cur[i] * 299 + cur[i + 1] * 587 + cur[i + 2] * 114) / 1000)
                    : cur[i];
            }
            (prev, cur) = (cur, prev);
        }
        return new PngImage(width, height, luma);
    }

    private static void Unfilter(byte filter, ReadOnlySpan<byte> line, byte[] prev, byte[] cur, int bpp)
    {
        for (int i = 0; i < line.Length; i++)
        {
            int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
            int pred = filter switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) / 2,
                4 => Paeth(a, b, c),
                _ => throw new InvalidDataException($"PNG filter {filter}"),
            };
            cur[i] = (byte)(line[i] + pred);
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>Variance of the luminance: near 0 for a blank page, hundreds or more for text and charts.</summary>
    public double LumaVariance()
    {
        double sum = 0, sq = 0;
        foreach (byte v in Luma) { sum += v; sq += (double)v * v; }
        double mean = sum / Luma.Length;
        return sq / Luma.Length - mean * mean;
    }
}
