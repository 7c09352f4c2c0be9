using System.Buffers.Binary;
using System.IO.Compression;
using NnViz.Testing;

namespace NnViz.Plot.Tests;

public class ImageGridMarkTests
{
    /// <summary>Twelve 28x28 "weights": oriented sinusoid stripes under a Gaussian window (closed form, signed).</summary>
    private static float[] Stripes(int count)
    {
        var p = new float[count * 28 * 28];
        for (int n = 0; n < count; n++)
        {
            double th = Math.PI * n / count, f = 0.25 + 0.05 * (n % 3);
            for (int y = 0; y < 28; y++)
                for (int x = 0; x < 28; x++)
                {
                    double u = x - 13.5, v = y - 13.5;
                    double g = Math.Exp(-(u * u + v * v) / 80);
                    p[(n * 28 + y) * 28 + x] = (float)(0.3 * g * Math.Cos(f * (u * Math.Cos(th) + v * Math.Sin(th))) * (1 + n / 12.0));
                }
        }
        return p;
    }

    [Fact]
    public void NeuronWeightsGrid()
    {
        float[] w = Stripes(12);
        var scale = ColorScale.Symmetric(ColorMap.RdBu, ImageGridMark.MaxAbs(w), "weight", "negative", "positive");
        var mark = new ImageGridMark(w, 12, 28, 28, scale) { Columns = 6, Labels = [.. Enumerable.Range(0, 12).Select(i => $"unit {i}")] };
        string svg = SvgRenderer.Render(Figure.Single("First-layer weights, epoch 1", new Panel([mark]), 520, 300));
        Assert.Equal(12, svg.Split("<image ").Length - 1);
        Assert.True(svg.Length < 60_000, $"{svg.Length} bytes");
        Snapshot.Match(svg, "svg");
    }

    [Fact]
    public void Crc32OfTheCheckString() =>
        Assert.Equal(0xCBF43926u, Png.Crc32("123456789"u8)); // the standard CRC-32 check value

    [Fact]
    public void PngRoundTripsThroughInflateAndUnfilter()
    {
        byte[] rgb = [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 40, 50, 60, 70, 80, 90]; // 3 x 2
        byte[] png = Png.EncodeRgb(rgb, 3, 2);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(3, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        // IHDR's CRC covers type and data.
        Assert.Equal(Png.Crc32(png.AsSpan(12, 17)), BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(29)));
        int idatLen = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(33));
        Assert.Equal("IDAT", System.Text.Encoding.ASCII.GetString(png, 37, 4));
        using var z = new ZLibStream(new MemoryStream(png, 41, idatLen), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        byte[] r = raw.ToArray();
        Assert.Equal(2 * (9 + 1), r.Length);
        var back = new byte[18];
        for (int y = 0; y < 2; y++)
        {
            Assert.Equal(2, r[y * 10]); // Up filter
            for (int i = 0; i < 9; i++) back[y * 9 + i] = (byte)(r[y * 10 + 1 + i] + (y > 0 ? back[(y - 1) * 9 + i] : 0));
        }
        Assert.Equal(rgb, back);
    }
}
