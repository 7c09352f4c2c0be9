using System.Text;

namespace NnViz.Lab.Runs;

/// <summary>
/// The NPY v1.0 format of the runner's arrays (float32, little-endian, C order; readable by numpy.load): written by
/// <see cref="ArtifactSink.Npy"/>, read back by the explorer. Anything else is rejected with a message.
/// </summary>
public static class NpyFile
{
    /// <summary>The whole file's bytes; a shape that does not hold the data is an error before anything is written.</summary>
    public static byte[] Encode(float[] data, IReadOnlyList<int> shape)
    {
        long count = shape.Aggregate(1L, (a, b) => a * b);
        if (count != data.Length) throw new ArgumentException($"shape ({string.Join(",", shape)}) does not hold {data.Length} values");
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("NPY writer assumes little-endian");
        string shapeText = shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        string header = $"{{'descr': '<f4', 'fortran_order': False, 'shape': {shapeText}, }}";
        int total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + (64 - total % 64) % 64) + "\n";
        var bytes = new byte[10 + header.Length + data.Length * 4];
        byte[] magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];
        magic.CopyTo(bytes, 0);
        BitConverter.GetBytes((ushort)header.Length).CopyTo(bytes, 8);
        Encoding.ASCII.GetBytes(header).CopyTo(bytes, 10);
        Buffer.BlockCopy(data, 0, bytes, 10 + header.Length, data.Length * 4);
        return bytes;
    }

    public static (float[] Data, int[] Shape) Read(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.ASCII, leaveOpen: true);
        var magic = r.ReadBytes(8);
        if (magic.Length < 8 || magic[0] != 0x93 || Encoding.ASCII.GetString(magic, 1, 5) != "NUMPY" || magic[6] != 1)
            throw new InvalidDataException("not an NPY v1 file");
        int headerLength = r.ReadUInt16();
        string header = Encoding.ASCII.GetString(r.ReadBytes(headerLength));
        if (!header.Contains("'descr': '<f4'", StringComparison.Ordinal) || !header.Contains("'fortran_order': False", StringComparison.Ordinal))
            throw new InvalidDataException($"expected little-endian float32 in C order, header: {header.Trim()}");
        int open = header.IndexOf('(') + 1, close = header.IndexOf(')');
        int[] shape = [.. header[open..close].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];
        long count = shape.Aggregate(1L, (a, b) => a * b);
        var bytes = r.ReadBytes(checked((int)count * 4));
        if (bytes.Length != count * 4) throw new InvalidDataException($"NPY data truncated: {bytes.Length} of {count * 4} bytes");
        var data = new float[count];
        Buffer.BlockCopy(bytes, 0, data, 0, bytes.Length);
        return (data, shape);
    }
}
