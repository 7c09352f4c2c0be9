namespace NnViz.Data;

/// <summary>
/// One file (or folder, when <paramref name="IsFolder"/>) a data set needs. <paramref name="Candidates"/> are paths
/// relative to the data folder (absolute paths allowed, e.g. Debian's) tried in order; <paramref name="SampleCandidates"/>
/// are the small samples of ../shared/data, reported as samples. <paramref name="KnownDigests"/> are "sha256:…" or
/// "md5:…" of published copies (any match verifies the file).
/// </summary>
public sealed record ExpectedFile(string Name, IReadOnlyList<string> Candidates, IReadOnlyList<string> KnownDigests,
    bool Required = true, bool IsFolder = false, IReadOnlyList<string>? SampleCandidates = null);

/// <summary>A real data set the harness can read: what it is, which experiments use it, how to get it and where to put it.</summary>
public sealed record DataSetSpec(string Id, string Title, string UsedBy, IReadOnlyList<ExpectedFile> Files, string HowToGet,
    string WhereToPut, string? Fallback = null);

public enum ChecksumVerdict { NotChecked, Matches, Differs, NoReference }

public enum DataSetState { Present, Partial, Missing }

/// <summary>What was found for one expected file: its path, size, SHA-256 and whether that matches a published copy.</summary>
public sealed record FileStatus(ExpectedFile Expected, string? Path, bool IsSample, long Bytes, string? Sha256, ChecksumVerdict Checksum,
    int? FileCount = null)
{
    public bool Found => Path is not null;
}

/// <summary>The state of one data set in a data folder; <paramref name="Location"/> is the folder its first file was found in.</summary>
public sealed record DataSetStatus(DataSetSpec Set, DataSetState State, string? Location, IReadOnlyList<FileStatus> Files)
{
    public bool UsesSample => Files.Any(f => f.IsSample);
}

/// <summary>The data folder the harness reads and where its path came from ("given", "NNVIZ_DATA" or "default").</summary>
public sealed record DataFolder(string Path, string Origin);

/// <summary>The status of every known data set, as records and as text (<see cref="DataStatusText.Format"/>).</summary>
public sealed record DataStatusReport(DataFolder Folder, IReadOnlyList<DataSetStatus> Sets)
{
    public DataSetStatus this[string id] => Sets.Single(s => s.Set.Id == id);

    public string Format() => DataStatusText.Format(this);
}
