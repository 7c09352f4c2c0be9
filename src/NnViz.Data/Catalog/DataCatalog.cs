using System.Security.Cryptography;

namespace NnViz.Data;

/// <summary>
/// The data folder: where it is (a given folder, else NNVIZ_DATA, else ./data), which known sets it holds, their
/// checksums, and for each missing one where to get it and where to put it. `nnviz data status` prints <see cref="Status"/>.
/// </summary>
public static class DataCatalog
{
    public const string EnvironmentVariable = "NNVIZ_DATA";
    public const string DefaultFolder = "data";

    /// <summary>A given folder (e.g. a spec's <c>data:</c>) wins over the NNVIZ_DATA value, which wins over ./data.</summary>
    public static DataFolder ResolveFolder(string? given, string? environmentValue, string defaultFolder = DefaultFolder)
    {
        if (!string.IsNullOrWhiteSpace(given)) return new DataFolder(Path.GetFullPath(given), "given");
        if (!string.IsNullOrWhiteSpace(environmentValue)) return new DataFolder(Path.GetFullPath(environmentValue), EnvironmentVariable);
        return new DataFolder(Path.GetFullPath(defaultFolder), "default");
    }

    /// <summary><see cref="ResolveFolder(string?, string?, string)"/> with this process's NNVIZ_DATA.</summary>
    public static DataFolder ResolveFolder(string? given = null) =>
        ResolveFolder(given, Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>Looks for every known set in <paramref name="folder"/>; hashes files unless <paramref name="checksums"/> is false.</summary>
    public static DataStatusReport Status(DataFolder folder, bool checksums = true, IReadOnlyList<DataSetSpec>? sets = null) =>
        new(folder, (sets ?? KnownDataSets.All).Select(s => StatusOf(folder.Path, s, checksums)).ToArray());

    /// <summary>The status of one set (e.g. for a runner that needs to know where MNIST is).</summary>
    public static DataSetStatus StatusOf(string folder, DataSetSpec set, bool checksums = true)
    {
        FileStatus[] files = set.Files.Select(f => Find(folder, f, checksums)).ToArray();
        bool all = files.Where(f => f.Expected.Required).All(f => f.Found);
        DataSetState state = all ? DataSetState.Present : files.Any(f => f.Found) ? DataSetState.Partial : DataSetState.Missing;
        string? location = files.FirstOrDefault(f => f.Found)?.Path is string p ? LocationOf(p, files[Array.FindIndex(files, f => f.Found)].Expected) : null;
        return new DataSetStatus(set, state, location, files);
    }

    private static string LocationOf(string path, ExpectedFile f) =>
        f.IsFolder ? Path.GetFullPath(Path.Combine(path, "..", "..")) : Path.GetDirectoryName(path)!;

    private static FileStatus Find(string folder, ExpectedFile f, bool checksums)
    {
        var tries = f.Candidates.Select(c => (c, false)).Concat((f.SampleCandidates ?? []).Select(c => (c, true)));
        foreach ((string candidate, bool sample) in tries)
        {
            string path = Path.GetFullPath(Path.Combine(folder, candidate));
            if (f.IsFolder && Directory.Exists(path))
                return new FileStatus(f, path, sample, 0, null, ChecksumVerdict.NotChecked, Directory.GetFiles(path).Length);
            if (!f.IsFolder && File.Exists(path))
            {
                long bytes = new FileInfo(path).Length;
                if (!checksums) return new FileStatus(f, path, sample, bytes, null, ChecksumVerdict.NotChecked);
                (string sha, ChecksumVerdict verdict) = Verify(path, f.KnownDigests);
                return new FileStatus(f, path, sample, bytes, sha, verdict);
            }
        }
        return new FileStatus(f, null, false, 0, null, ChecksumVerdict.NotChecked);
    }

    /// <summary>SHA-256 of the file and whether it (or its MD5) matches a known digest.</summary>
    public static (string Sha256, ChecksumVerdict Verdict) Verify(string path, IReadOnlyList<string> knownDigests)
    {
        string sha = Hex(path, SHA256.HashData);
        if (knownDigests.Count == 0) return (sha, ChecksumVerdict.NoReference);
        bool match = knownDigests.Contains("sha256:" + sha)
                     || (knownDigests.Any(d => d.StartsWith("md5:", StringComparison.Ordinal)) && knownDigests.Contains("md5:" + Hex(path, MD5.HashData)));
        return (sha, match ? ChecksumVerdict.Matches : ChecksumVerdict.Differs);
    }

    private static string Hex(string path, Func<Stream, byte[]> hash)
    {
        using FileStream s = File.OpenRead(path);
        return Convert.ToHexString(hash(s)).ToLowerInvariant();
    }
}
