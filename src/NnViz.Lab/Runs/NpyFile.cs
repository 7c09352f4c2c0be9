using System.Text;

namespace NnViz.Lab.Runs;

/// <summary>Reads the float32 NPY v1.0 files the runner writes (little-endian, C order); anything else is rejected with a message.</summary>
public static class NpyFile
{
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
