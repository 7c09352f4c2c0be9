using System.IO.Compression;

namespace NnViz.Data;

/// <summary>Members of a zip archive read in place (glove.6B.zip, the UCI zip); macOS resource forks are ignored.</summary>
internal static class ZipMembers
{
    /// <summary>The full names of the members whose file name is one of <paramref name="names"/>; none when the zip is unreadable.</summary>
    public static List<string> Find(string zipPath, IEnumerable<string> names)
    {
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        try
        {
            using ZipArchive zip = ZipFile.OpenRead(zipPath);
            return zip.Entries.Where(e => !e.FullName.StartsWith("__MACOSX", StringComparison.Ordinal) && wanted.Contains(e.Name))
                .Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        }
        catch (InvalidDataException) { return []; }
        catch (IOException) { return []; }
    }

    /// <summary>The bytes of one member; a <see cref="DataException"/> naming the archive when it is corrupt or truncated.</summary>
    public static byte[] ReadAll(string zipPath, string entry)
    {
        using var ms = new MemoryStream();
        Use(zipPath, entry, s => s.CopyTo(ms));
        return ms.ToArray();
    }

    /// <summary>Opens one member as a stream for <paramref name="read"/>; corrupt or truncated archives become a <see cref="DataException"/>.</summary>
    public static T Use<T>(string zipPath, string entry, Func<Stream, T> read)
    {
        try
        {
            using ZipArchive zip = ZipFile.OpenRead(zipPath);
            ZipArchiveEntry e = zip.GetEntry(entry) ?? throw new DataException($"the archive has no member {entry}", zipPath,
                hint: "Download the archive again (nnviz data fetch).");
            using Stream s = e.Open();
            return read(s);
        }
        catch (InvalidDataException x)
        {
            throw new DataException($"the zip archive is corrupt or truncated ({x.Message})", zipPath, hint: "Download it again (nnviz data fetch resumes or restarts it).", inner: x);
        }
        catch (EndOfStreamException x)
        {
            throw new DataException("the zip archive is truncated", zipPath, hint: "Download it again (nnviz data fetch resumes or restarts it).", inner: x);
        }
    }

    public static void Use(string zipPath, string entry, Action<Stream> read) => Use(zipPath, entry, s => { read(s); return 0; });
}
