namespace NnViz.Data.Tests;

/// <summary>
/// The real data folder the tests read: NNVIZ_DATA when set, else NNVIZ_SHARED_DATA, else the first
/// <c>shared/data</c> folder found walking up from the repository (CI keeps <c>../shared</c> beside the clone; a
/// worktree may sit deeper, e.g. <c>/work/wt/x</c> with <c>/work/shared/data</c>).
/// </summary>
public static class RealData
{
    public static string Folder { get; } = Locate();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Folder, .. parts]);

    private static string Locate()
    {
        foreach (string variable in new[] { DataCatalog.EnvironmentVariable, "NNVIZ_SHARED_DATA" })
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } v) return System.IO.Path.GetFullPath(v);
        for (var dir = new DirectoryInfo(NnViz.Testing.RepoPaths.Root); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException(
            $"no shared/data folder above {NnViz.Testing.RepoPaths.Root}: set {DataCatalog.EnvironmentVariable} to the real data folder");
    }

    /// <summary>
    /// A temporary data folder holding links to the real MNIST files except the training images: the "partial
    /// MNIST" case, now that the shared folder has all four files.
    /// </summary>
    public static TempDir MnistWithoutTrainImages()
    {
        var dir = new TempDir();
        Directory.CreateDirectory(System.IO.Path.Combine(dir.Path, "mnist"));
        foreach (string f in new[] { "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz" })
            File.CreateSymbolicLink(System.IO.Path.Combine(dir.Path, "mnist", f), Path("mnist", f));
        return dir;
    }
}
