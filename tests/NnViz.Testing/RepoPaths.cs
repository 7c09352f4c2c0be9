namespace NnViz.Testing;

/// <summary>Locations the tests read: the repository root, its snapshot folder and ../shared/data beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SnapshotDir => Path.Combine(Root, "tests", "Snapshots");

    /// <summary>
    /// The shared real data: NNVIZ_SHARED_DATA when set, else the first <c>shared/data</c> folder beside the
    /// repository or beside one of its parents (so a worktree deeper than the main checkout finds it too), else
    /// ../shared/data (absent: the tests that need it say so).
    /// </summary>
    public static string SharedData =>
        Environment.GetEnvironmentVariable("NNVIZ_SHARED_DATA") is { Length: > 0 } d ? d : FindSharedData(Root);

    /// <summary>The first <c>shared/data</c> folder beside <paramref name="start"/> or beside one of its parents.</summary>
    public static string FindSharedData(string start)
    {
        for (var dir = new DirectoryInfo(start).Parent; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        return Path.GetFullPath(Path.Combine(start, "..", "shared", "data"));
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NnVizRepro.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("NnVizRepro.sln not found above the test binaries");
    }
}
