namespace NnViz.Data;

/// <summary>Per-set recognition rules of <see cref="DataResolver"/>: each yields the copies it finds, best first.</summary>
internal static partial class DataFinders
{
    private static readonly string[] AclFolders = ["train/neg", "train/pos", "test/neg", "test/pos"];

    /// <summary>aclImdb_v1.tar.gz, then a full aclImdb/ folder, then other aclImdb_v1*.tar.gz, then partial folders (samples).</summary>
    public static IEnumerable<LocatedDataSet> AclImdb(DataScan scan)
    {
        var tarballs = scan.Named("aclImdb_v1*.tar.gz").Concat(scan.Named("aclImdb_v1*.tgz")).ToList();
        var folders = scan.Folders.Where(d => d.Name == "aclImdb" && AclFolders.Any(f => Directory.Exists(Path.Combine(d.FullName, f))))
            .Select(d => (Dir: d, Counts: AclFolders.Select(f => CountTxt(Path.Combine(d.FullName, f))).ToArray())).ToList();
        bool Full((DirectoryInfo Dir, int[] Counts) x) => x.Counts.All(c => c == 12500);

        foreach (FileInfo t in tarballs.Where(t => t.Name.Equals("aclImdb_v1.tar.gz", StringComparison.OrdinalIgnoreCase)))
            yield return Tarball(t, "the official tarball aclImdb_v1.tar.gz");
        foreach (var f in folders.Where(Full)) yield return Folder(f.Dir, f.Counts, sample: false);
        foreach (FileInfo t in tarballs.Where(t => !t.Name.Equals("aclImdb_v1.tar.gz", StringComparison.OrdinalIgnoreCase)))
            yield return Tarball(t, "a tarball (named aclImdb_v1*.tar.gz)");
        foreach (var f in folders.Where(f => !Full(f))) yield return Folder(f.Dir, f.Counts, sample: true);
    }

    private static LocatedDataSet Tarball(FileInfo t, string how) =>
        new(KnownDataSet.AclImdb, t.DirectoryName!, [new DataFile("archive", t.FullName, t.Size())], $"{how}, read in place");

    private static LocatedDataSet Folder(DirectoryInfo d, int[] counts, bool sample)
    {
        var files = AclFolders.Select((f, i) => (f, i)).Where(x => counts[x.i] > 0)
            .Select(x => new DataFile(x.f, Path.Combine(d.FullName, x.f), 0, IsFolder: true)).ToArray();
        string[] missing = AclFolders.Where((_, i) => counts[i] == 0).ToArray();
        string sizes = string.Join(", ", AclFolders.Select((f, i) => $"{f} {counts[i]}"));
        return new LocatedDataSet(KnownDataSet.AclImdb, d.FullName, files,
            $"an extracted aclImdb/ folder ({sizes}{(sample ? "; fewer than the official 12,500 per folder: a sample" : "")})", sample, missing);
    }

    private static int CountTxt(string dir) => Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*.txt").Count() : 0;

    private static readonly (string Role, MnistSplit Split, bool Labels)[] IdxRoles =
    [
        ("train-images", MnistSplit.Train, false), ("train-labels", MnistSplit.Train, true),
        ("test-images", MnistSplit.Test, false), ("test-labels", MnistSplit.Test, true),
    ];

    /// <summary>
    /// Folders holding IDX files by their published names (under the data folder, and Debian's Fashion-MNIST folder).
    /// A folder is Fashion-MNIST when its labels files are a known Fashion-MNIST copy or, failing that, its name says "fashion".
    /// </summary>
    public static IEnumerable<LocatedDataSet> Idx(DataScan scan, bool fashion)
    {
        var dirs = scan.Files.Where(f => f.Name.Contains("-idx", StringComparison.Ordinal) || f.Name.Contains(".idx", StringComparison.Ordinal))
            .Select(f => f.DirectoryName!).Distinct(StringComparer.Ordinal).ToList();
        if (fashion && Directory.Exists(Mnist.DebianFashionMnistFolder)) dirs.Add(Mnist.DebianFashionMnistFolder);
        foreach (string dir in dirs)
        {
            var files = IdxRoles.Select(r => (r.Role, Path: Mnist.Find(dir, r.Split, r.Labels))).ToArray();
            if (files.All(f => f.Path is null) || IsFashion(dir, files.Select(f => f.Path)) != fashion) continue;
            var present = files.Where(f => f.Path is not null).Select(f => new DataFile(f.Role, f.Path!, new FileInfo(f.Path!).Size())).ToArray();
            string[] missing = IdxRoles.Where(r => Mnist.Find(dir, r.Split, r.Labels) is null).Select(r => Mnist.Stem(r.Split, r.Labels) + ".gz").ToArray();
            yield return new LocatedDataSet(fashion ? KnownDataSet.FashionMnist : KnownDataSet.Mnist, dir, present,
                "IDX files by their published names", Missing: missing);
        }
    }

    private static bool IsFashion(string dir, IEnumerable<string?> paths)
    {
        foreach (string? p in paths)
        {
            if (p is null || new FileInfo(p).Size() > 1 << 20) continue;   // hash the small labels files only
            string? known = KnownFiles.Check(DataIdentities.Sha256(p)).KnownAs;
            if (known is not null) return known.Contains("Fashion", StringComparison.Ordinal);
        }
        return dir.Contains("fashion", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>yelp_academic_dataset_review.json, the largest first.</summary>
    public static IEnumerable<LocatedDataSet> Yelp(DataScan scan) =>
        scan.Named("yelp_academic_dataset_review.json").OrderByDescending(f => f.Size()).Select(f =>
            new LocatedDataSet(KnownDataSet.YelpReviews, f.DirectoryName!, [new DataFile("reviews", f.FullName, f.Size())], "the published file name"));

    /// <summary>Binary files whose first bytes are word2vec's "count dim" header; GoogleNews first, then the largest.</summary>
    public static IEnumerable<LocatedDataSet> Word2Vec(DataScan scan) =>
        scan.Named("*.bin").Where(IsWord2VecHeader)
            .OrderBy(f => f.Name.StartsWith("GoogleNews", StringComparison.OrdinalIgnoreCase) ? 0 : 1).ThenByDescending(f => f.Size())
            .Select(f => new LocatedDataSet(KnownDataSet.Word2Vec, f.DirectoryName!, [new DataFile("vectors", f.FullName, f.Size())],
                $"a .bin file with word2vec's header '{DataScan.FirstLine(f)}'"));

    private static bool IsWord2VecHeader(FileInfo f)
    {
        string[] parts = DataScan.FirstLine(f).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && parts.All(p => p.Length < 12 && p.All(char.IsAsciiDigit));
    }
}
