namespace NnViz.Plot;

/// <summary>
/// The external program video export needs (ffmpeg); null when not installed. <see cref="FromPath"/> looks it up
/// on PATH; tests and callers can pass an explicit path instead. Frames are drawn to PNG in-process (ScottPlot/Skia),
/// so no SVG converter is involved.
/// </summary>
public sealed record ExportTools(string? Ffmpeg)
{
    public static ExportTools FromPath() => new(Find("ffmpeg"));

    /// <summary>The first executable file of that name on PATH, or null.</summary>
    public static string? Find(string program)
    {
        string path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, program);
            if (File.Exists(candidate)) return candidate;
            if (OperatingSystem.IsWindows() && File.Exists(candidate + ".exe")) return candidate + ".exe";
        }
        return null;
    }

    /// <summary>Null when ffmpeg is present, otherwise what is missing and how to install it.</summary>
    public string? MissingMessage() =>
        Ffmpeg is null ? "video export skipped: not found on PATH: ffmpeg (Debian/Ubuntu: apt-get install ffmpeg, or tools/install-deps.sh)" : null;
}

public enum ExportStatus { Written, ToolMissing, Failed }

/// <summary>The outcome of an export: the file written, or why not (a missing tool is a result, not an exception).</summary>
public sealed record ExportResult(ExportStatus Status, string? Path, string Message)
{
    public bool Ok => Status == ExportStatus.Written;
}
