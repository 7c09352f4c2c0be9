using System.IO.Compression;

namespace NnViz.Browser.Tests;

public sealed class PngImageTests
{
    /// <summary>Builds an RGB PNG by hand with the given filter on every row, so the decoder is checked against known pixels.</summary>
    private static byte[] Encode(byte[,,] rgb, byte filter)
    {
        int h = rgb.GetLength(0), w = rgb.GetLength(1);
        using var raw = new MemoryStream();
        var prev = new byte[w * 3];
        for (int y = 0; y < h; y++)
        {
            var row = new byte[w * 3];
            for (int x = 0; x < w; x++) for (int c = 0; c < 3; c++) row[x * 3 + c] = rgb[y, x, c];
            raw.WriteByte(filter);
            for (int i = 0; i < row.Length; i++)
            {
                int a = i >= 3 ? row[i - 3] : 0, b = prev[i], c = i >= 3 ? prev[i - 3] : 0;
                int pred = filter switch { 1 => a, 2 => b, 3 => (a + b) / 2, 4 => Paeth(a, b, c), _ => 0 };
                raw.WriteByte((byte)(row[i] - pred));
            }
            prev = row;
        }
        using var zipped = new MemoryStream();
        using (var z = new ZLibStream(zipped, CompressionLevel.Fastest, leaveOpen: true)) raw.WriteTo(z);
        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr, w);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), h);
        ihdr[8] = 8; ihdr[9] = 2;
        Chunk(png, "IHDR", ihdr); Chunk(png, "IDAT", zipped.ToArray()); Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void Chunk(Stream s, string type, byte[] body)
    {
        var len = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(len, body.Length);
        s.Write(len); s.Write(System.Text.Encoding.ASCII.GetBytes(type)); s.Write(body); s.Write(new byte[4]); // CRC unchecked
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Decodes_known_pixels_under_each_filter(byte filter)
    {
        var rgb = new byte[2, 3, 3];
        rgb[0, 0, 0] = 255; rgb[0, 1, 1] = 255; rgb[0, 2, 2] = 255; // red, green, blue
        for (int x = 0; x < 3; x++) for (int c = 0; c < 3; c++) rgb[1, x, c] = 200;
        var img = PngImage.Decode(Encode(rgb, filter));
        Assert.Equal((3, 2), (img.Width, img.Height));
        Assert.Equal(new byte[] { 76, 149, 29, 200, 200, 200 }, img.Luma);
    }

    [Fact]
    public void A_uniform_image_has_zero_variance_and_a_striped_one_does_not()
    {
        var flat = new byte[4, 4, 3];
        Assert.Equal(0, PngImage.Decode(Encode(flat, 0)).LumaVariance());
        var stripes = new byte[4, 4, 3];
        for (int x = 0; x < 4; x += 2) for (int y = 0; y < 4; y++) for (int c = 0; c < 3; c++) stripes[y, x, c] = 255;
        Assert.Equal(127.5 * 127.5, PngImage.Decode(Encode(stripes, 0)).LumaVariance(), 6);
    }
}
