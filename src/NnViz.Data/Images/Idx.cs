using System.Buffers.Binary;
using System.IO.Compression;

namespace NnViz.Data;

/// <summary>An IDX array of unsigned bytes: its dimensions (outermost first) and its values in row-major order.</summary>
public sealed record IdxArray(int[] Dims, byte[] Data);

/// <summary>
/// Reader of LeCun's IDX format (MNIST, Fashion-MNIST): magic = 0, 0, type, number of dimensions; then each
/// dimension as a big-endian int32; then the values. Raw or gzip files (detected by content, not by name).
/// Only type 0x08 (unsigned byte) is read: it is the only one these data sets use.
/// </summary>
public static class Idx
{
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;
    private const string Hint = "Download the original files again (e.g. train-images-idx3-ubyte.gz) and put them, unchanged, in the data folder.";

    /// <summary>
    /// Reads an IDX file and checks that its magic number is <paramref name="expectedMagic"/> (when given). With
    /// <paramref name="maxItems"/> only the first items along the first dimension are read (the rest of the file is
    /// not decompressed, so its length is not checked).
    /// </summary>
    public static IdxArray Read(string path, int? expectedMagic = null, int? maxItems = null)
    {
        if (!System.IO.File.Exists(path))
            throw new DataException("file not found", path, hint: Hint);
        using FileStream file = System.IO.File.OpenRead(path);
        bool gz = file.Length >= 2 && file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        file.Position = 0;
        using Stream s = gz ? new GZipStream(file, CompressionMode.Decompress) : file;
        try
        {
            return ReadFrom(s, path, expectedMagic, gz, maxItems);
        }
        catch (InvalidDataException e)
        {
            throw new DataException($"the gzip data is corrupt ({e.Message})", path, hint: Hint, inner: e);
        }
    }

    /// <summary>The number of items (the first dimension) an IDX file's header announces; only the header is read.</summary>
    public static int Count(string path)
    {
        if (!System.IO.File.Exists(path)) throw new DataException("file not found", path, hint: Hint);
        using FileStream file = System.IO.File.OpenRead(path);
        bool gz = file.Length >= 2 && file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        file.Position = 0;
        using Stream s = gz ? new GZipStream(file, CompressionMode.Decompress) : file;
        Span<byte> head = stackalloc byte[8];
        try
        {
            if (ReadFully(s, head) < 8 || head[0] != 0 || head[1] != 0 || head[3] == 0)
                throw new DataException("not an IDX file (no magic number and first dimension)", path, hint: Hint);
        }
        catch (InvalidDataException e)
        {
            throw new DataException($"the gzip data is corrupt ({e.Message})", path, hint: Hint, inner: e);
        }
        return BinaryPrimitives.ReadInt32BigEndian(head[4..]);
    }

    private static IdxArray ReadFrom(Stream s, string path, int? expectedMagic, bool gz, int? maxItems)
    {
        Span<byte> head = stackalloc byte[4];
        if (ReadFully(s, head) < 4) throw new DataException("the file is too short to be IDX (no magic number)", path, hint: Hint);
        int magic = BinaryPrimitives.ReadInt32BigEndian(head);
        if (head[0] != 0 || head[1] != 0 || head[3] is 0 or > 8 || (expectedMagic is int m && magic != m))
        {
            string want = expectedMagic is int e ? $"0x{e:X8} ({Describe(e)})" : "0x000008nn (unsigned bytes, nn dimensions)";
            throw new DataException($"wrong magic number 0x{magic:X8}: expected {want}" + (gz ? "" : "; the file is not gzip either"), path,
                hint: "Check that this is the right IDX file (images vs labels) and that it was not renamed or altered.");
        }
        if (head[2] != 0x08)
            throw new DataException($"IDX value type 0x{head[2]:X2} is not supported (only 0x08, unsigned byte)", path, hint: Hint);
        int rank = head[3];
        var dims = new int[rank];
        Span<byte> dim = stackalloc byte[4];
        long total = 1;
        for (int i = 0; i < rank; i++)
        {
            if (ReadFully(s, dim) < 4) throw new DataException($"truncated header: {rank} dimensions announced, {i} present", path, hint: Hint);
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(dim);
            if (dims[i] < 0) throw new DataException($"dimension {i} is negative ({dims[i]})", path, hint: Hint);
            total *= dims[i];
            if (total > Array.MaxLength) throw new DataException($"dimensions {string.Join(" x ", dims.Take(i + 1))} are too large", path, hint: Hint);
        }
        bool partial = maxItems is int max && rank > 0 && max < dims[0];
        if (partial)
        {
            total = total / dims[0] * maxItems!.Value;
            dims[0] = maxItems.Value;
        }
        var data = new byte[total];
        int got = ReadFully(s, data);
        if (got < total)
            throw new DataException($"truncated: the header announces {string.Join(" x ", dims)} = {total} values but the file holds {got}",
                path, hint: Hint);
        if (!partial && s.ReadByte() >= 0)
            throw new DataException($"the file is longer than its header ({string.Join(" x ", dims)}) says", path, hint: Hint);
        return new IdxArray(dims, data);
    }

    private static string Describe(int magic) => magic switch
    {
        ImagesMagic => "IDX images: unsigned bytes, 3 dimensions",
        LabelsMagic => "IDX labels: unsigned bytes, 1 dimension",
        _ => "IDX",
    };

    private static int ReadFully(Stream s, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = s.Read(buffer[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }
}
