using System.IO.Compression;

namespace Bench.Projection;

/// <summary>A tiny reader of gzipped IDX image files (LeCun's MNIST format), pixels scaled to [0, 1].</summary>
internal static class FashionMnist
{
    public static (double[] Pixels, int N, int D) ReadImages(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        var raw = ms.ToArray();
        int magic = BigEndian(raw, 0), n = BigEndian(raw, 4), rows = BigEndian(raw, 8), cols = BigEndian(raw, 12);
        if (magic != 2051) throw new InvalidDataException($"{path}: not an IDX image file (magic {magic})");
        int d = rows * cols;
        var x = new double[n * d];
        for (int i = 0; i < x.Length; i++) x[i] = raw[16 + i] / 255.0;
        return (x, n, d);
    }

    private static int BigEndian(byte[] b, int o) => (b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3];
}
