using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NnViz.Data;

/// <summary>
/// Computes <see cref="DataIdentity"/>: SHA-256 per file (per folder, a manifest hash over its files' names and
/// hashes), rows per part as the readers count them, and one hash over it all. Results are cached in memory by
/// path, size and modification time, so a run that asks twice hashes once.
/// </summary>
public static class DataIdentities
{
    private static readonly ConcurrentDictionary<string, string> Hashes = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, DataIdentity> Identities = new(StringComparer.Ordinal);

    public static DataIdentity Of(LocatedDataSet set)
    {
        string key = set.Set + "|" + string.Join("|", set.Files.Select(f => $"{f.Role}:{f.Entry}:{StateOf(f.Path)}"));
        return Identities.GetOrAdd(key, _ => Compute(set));
    }

    private static DataIdentity Compute(LocatedDataSet set)
    {
        var files = set.Files.Select(f =>
        {
            string sha = f.IsFolder ? FolderManifest(f.Path) : Sha256(f.Path);
            (ChecksumVerdict verdict, string? known) = KnownFiles.Check(sha);
            long bytes = f.IsFolder ? Directory.EnumerateFiles(f.Path).Sum(p => new FileInfo(p).Size()) : f.Bytes;
            return new FileIdentity(f.Role, f.Name, f.Path, bytes, sha, verdict, known);
        }).ToArray();
        IReadOnlyList<RowCount> rows = DataRowCounts.Of(set);
        var text = new StringBuilder($"dataset {set.Info.Id}\n");
        foreach (FileIdentity f in files) text.Append(CultureInfo.InvariantCulture, $"{f.Role} {f.Name} {f.Sha256}\n");
        foreach (RowCount r in rows) text.Append(CultureInfo.InvariantCulture, $"rows {r.Part} {r.Rows}\n");
        return new DataIdentity(set.Info.Id, files, rows, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
    }

    /// <summary>SHA-256 of a file (lower-case hex), cached by path, size and modification time.</summary>
    public static string Sha256(string path) =>
        Hashes.GetOrAdd(StateOf(path), _ =>
        {
            using FileStream s = File.OpenRead(path);
            return Hex(SHA256.HashData(s));
        });

    /// <summary>A folder's manifest hash: SHA-256 over its files' "name sha256" lines, sorted by name.</summary>
    public static string FolderManifest(string folder)
    {
        var lines = new StringBuilder();
        foreach (string f in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            lines.Append(Path.GetFileName(f)).Append(' ').Append(Sha256(f)).Append('\n');
        return Hex(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString())));
    }

    private static string StateOf(string path)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
            return $"{info.FullName}->{target.FullName}:{target.Length}:{target.LastWriteTimeUtc.Ticks}";
        return info.Exists ? $"{info.FullName}:{info.Length}:{info.LastWriteTimeUtc.Ticks}" : $"{Path.GetFullPath(path)}:dir:{Directory.GetLastWriteTimeUtc(path).Ticks}";
    }

    internal static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();
}
