namespace NnViz.Plot;

/// <summary>
/// The external programs video export needs; null when not installed. <see cref="FromPath"/> looks them up
/// on PATH; tests and callers can pass explicit paths instead.
/// </summary>
public sealed record ExportTools(string? RsvgConvert, string? Ffmpeg)
{
    public static ExportTools FromPath() => new(Find("rsvg-convert"), Find("ffmpeg"));

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

    /// <summary>Null when both tools are present, otherwise what is missing and how to install it.</summary>
    public string? MissingMessage()
    {
        var missing = new List<string>();
        if (RsvgConvert is null) missing.Add("rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin)");
        if (Ffmpeg is null) missing.Add("ffmpeg (Debian/Ubuntu: apt-get install ffmpeg)");
        return missing.Count == 0 ? null : "video export skipped: not found on PATH: " + string.Join("; ", missing);
    }
}

public enum ExportStatus { Written, ToolMissing, Failed }

/// <summary>The outcome of an export: the file written, or why not (a missing tool is a result, not an exception).</summary>
public sealed record ExportResult(ExportStatus Status, string? Path, string Message)
{
    public bool Ok => Status == ExportStatus.Written;
}
