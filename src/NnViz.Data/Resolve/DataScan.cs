using System.Collections.Concurrent;

namespace NnViz.Data;

/// <summary>
/// All files and folders under a data folder, listed once per call of <see cref="Of"/> (sorted by path so the
/// choice between copies never depends on the file system's order). Download leftovers (<c>*.partial</c>) and
/// hidden entries are skipped.
/// </summary>
internal sealed class DataScan
{
    private DataScan(string root, FileInfo[] files, DirectoryInfo[] folders)
    {
        Root = root;
        Files = files;
        Folders = folders;
    }

    public string Root { get; }
    public FileInfo[] Files { get; }
    public DirectoryInfo[] Folders { get; }

    public static DataScan Of(string dataFolder)
    {
        string root = Path.GetFullPath(dataFolder);
        if (!Directory.Exists(root)) return new DataScan(root, [], []);
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true, IgnoreInaccessible = true, MaxRecursionDepth = 8,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        };
        var dir = new DirectoryInfo(root);
        FileInfo[] files = dir.EnumerateFiles("*", options)
            .Where(f => !f.Name.StartsWith('.') && !f.Name.EndsWith(".partial", StringComparison.Ordinal))
            .OrderBy(f => f.FullName, StringComparer.Ordinal).ToArray();
        DirectoryInfo[] folders = dir.EnumerateDirectories("*", options).Where(d => !d.Name.StartsWith('.'))
            .OrderBy(d => d.FullName, StringComparer.Ordinal).ToArray();
        return new DataScan(root, files, folders);
    }

    /// <summary>Files whose name matches <paramref name="pattern"/> (<c>*</c> and <c>?</c> wildcards, case-insensitive).</summary>
    public IEnumerable<FileInfo> Named(string pattern) =>
        Files.Where(f => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(pattern, f.Name, ignoreCase: true));

    /// <summary>The first line of a text file (at most 4 KiB), or "" when it cannot be read; cached by path, size and time.</summary>
    public static string FirstLine(FileInfo f)
    {
        var key = (f.FullName, f.Size(), f.LastWriteTimeUtc);
        return FirstLines.GetOrAdd(key, _ =>
        {
            try
            {
                using FileStream s = f.OpenRead();
                var buffer = new byte[4096];
                int n = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
                var text = System.Text.Encoding.UTF8.GetString(buffer, 0, n).TrimStart('\uFEFF');
                int nl = text.IndexOfAny(['\r', '\n']);
                return nl < 0 ? text : text[..nl];
            }
            catch (IOException) { return ""; }
            catch (UnauthorizedAccessException) { return ""; }
        });
    }

    private static readonly ConcurrentDictionary<(string, long, DateTime), string> FirstLines = new();
}

internal static class FileInfoSize
{
    /// <summary>The size of the file's content: a symbolic link's target size, not the link's own.</summary>
    public static long Size(this FileInfo f) =>
        f.LinkTarget is not null && f.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true } t ? t.Length : f.Length;
}
