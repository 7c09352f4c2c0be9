namespace NnViz.Data;

/// <summary>
/// One file of a located data set. <paramref name="Role"/> says what it holds ("archive", "train", "test",
/// "train-images", "vectors", "yelp", …); <paramref name="Entry"/> is the member read inside an archive
/// (<c>glove.6B.50d.txt</c> inside <c>glove.6B.zip</c>); for an extracted folder <paramref name="Path"/> is the folder.
/// </summary>
public sealed record DataFile(string Role, string Path, long Bytes, string? Entry = null, bool IsFolder = false)
{
    /// <summary>The file name (with the archive member, when there is one), as a page prints it.</summary>
    public string Name => Entry is null ? System.IO.Path.GetFileName(Path) : $"{System.IO.Path.GetFileName(Path)}!{Entry}";
}

/// <summary>
/// A data set found in a data folder: which set, the folder it was found in, its files, the files it still lacks
/// (<see cref="Missing"/>, e.g. MNIST without its training images) and how it was recognised (<see cref="How"/>).
/// <see cref="IsSample"/> marks a known small sample (e.g. the 600-per-label aclImdb sample folder).
/// Read it with the <c>Read…</c> methods of <see cref="LocatedReaders"/>; identify it with <see cref="Identity"/>.
/// </summary>
public sealed record LocatedDataSet(KnownDataSet Set, string Root, IReadOnlyList<DataFile> Files, string How,
    bool IsSample = false, IReadOnlyList<string>? Missing = null)
{
    public DataSetInfo Info => DataSetCatalog.Info(Set);

    public bool IsComplete => Missing is null || Missing.Count == 0;

    /// <summary>The file of <paramref name="role"/>, or null when this copy has none (e.g. Jigsaw without a test file).</summary>
    public DataFile? File(string role) => Files.FirstOrDefault(f => f.Role == role);

    /// <summary>The file of <paramref name="role"/>; a <see cref="DataException"/> when this copy lacks it.</summary>
    public DataFile Require(string role) => File(role)
        ?? throw new DataException($"{Info.Title} at {Root} has no '{role}' file (it has: {string.Join(", ", Files.Select(f => f.Role))})",
            hint: $"Expected: {Info.Published}. `nnviz data status` shows what was found.");

    /// <summary>Dataset name, files with SHA-256 (a manifest hash for a folder), rows, and one hash over them (cached per file state).</summary>
    public DataIdentity Identity() => DataIdentities.Of(this);
}

/// <summary>The SHA-256 of one file of a data set and whether it is a known published copy (<see cref="KnownAs"/> says which).</summary>
public sealed record FileIdentity(string Role, string Name, string Path, long Bytes, string Sha256, ChecksumVerdict Checksum, string? KnownAs = null);

/// <summary>How many rows (reviews, images, comments, words, records) one part of a data set holds.</summary>
public sealed record RowCount(string Part, long Rows);

/// <summary>
/// What identifies the data a run used: the set's id, each file's SHA-256, the rows per part, and
/// <see cref="Hash"/> = SHA-256 over the id, roles, members and file hashes (not the paths: moving the data folder
/// keeps the hash; replacing a file changes it). A run store can put <see cref="Hash"/> in its key.
/// </summary>
public sealed record DataIdentity(string DataSet, IReadOnlyList<FileIdentity> Files, IReadOnlyList<RowCount> Rows, string Hash)
{
    public long TotalRows => Rows.Sum(r => r.Rows);

    /// <summary>One line for a page or a console: <c>aclimdb: aclImdb_v1.tar.gz sha256 c40f74a1…; train 25,000, test 25,000</c>.</summary>
    public override string ToString() =>
        $"{DataSet}: {string.Join(", ", Files.Select(f => $"{f.Name} sha256 {f.Sha256[..12]}…"))}; " +
        string.Join(", ", Rows.Select(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.Part} {r.Rows:N0}")));
}

/// <summary>
/// What a run took from a data set: the set's <see cref="Identity"/>, how it sampled (e.g. "stratified 2,000 per
/// label, seed 7"; "all") and the rows it used per part. A kind puts <see cref="ToString"/> on its page and the record
/// in summary.json; the run store keys on <see cref="DataIdentity.Hash"/> plus <see cref="Sampling"/>.
/// </summary>
public sealed record DataUse(DataIdentity Identity, string Sampling, IReadOnlyList<RowCount> RowsUsed)
{
    public override string ToString() =>
        $"{Identity}; used {string.Join(", ", RowsUsed.Select(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.Part} {r.Rows:N0}")))} ({Sampling})";
}

/// <summary>One file of a <see cref="DataUseRecord"/>: no path (summaries are the same wherever the data folder is).</summary>
public sealed record DataFileRecord(string Role, string Name, long Bytes, string Sha256, string? KnownAs);

/// <summary>
/// A <see cref="DataUse"/> as summary.json holds it: the set, its files with SHA-256 (and the published copy each
/// matches), the rows it has and the rows used per part, how they were sampled, and the identity hash.
/// </summary>
public sealed record DataUseRecord(string DataSet, string Sampling, IReadOnlyList<DataFileRecord> Files,
    IReadOnlyList<RowCount> Rows, IReadOnlyList<RowCount> RowsUsed, string Hash)
{
    public static DataUseRecord From(DataUse u) => new(u.Identity.DataSet, u.Sampling,
        [.. u.Identity.Files.Select(f => new DataFileRecord(f.Role, f.Name, f.Bytes, f.Sha256, f.KnownAs))], u.Identity.Rows, u.RowsUsed, u.Identity.Hash);
}
