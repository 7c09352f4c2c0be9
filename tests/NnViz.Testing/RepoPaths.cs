namespace NnViz.Testing;

/// <summary>Locations the tests read: the repository root, its snapshot folder and ../shared/data beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SnapshotDir => Path.Combine(Root, "tests", "Snapshots");

    /// <summary>The shared real-data samples (../shared/data beside the repository); NNVIZ_SHARED_DATA overrides.</summary>
    public static string SharedData =>
        Environment.GetEnvironmentVariable("NNVIZ_SHARED_DATA") is { Length: > 0 } d
            ? d
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NnVizRepro.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("NnVizRepro.sln not found above the test binaries");
    }
}
