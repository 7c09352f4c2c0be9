namespace NnViz.Lab.Runs;

/// <summary>Replaces a folder with a copy of another through a sibling temp folder, so readers never see half a copy.</summary>
public static class FolderCopy
{
    /// <remarks>
    /// The copy goes to a hidden sibling first; only a finished copy takes the target's place (two renames, the old
    /// folder set aside and then removed). When the copy fails (a full disk) the half copy is removed, the target is
    /// left as it was, and a <see cref="PublishException"/> says what happened.
    /// </remarks>
    public static void Replace(string source, string target)
    {
        string parent = Path.GetDirectoryName(Path.GetFullPath(target))!;
        Directory.CreateDirectory(parent);
        string tmp = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp");
        string old = Path.Combine(parent, $".{Path.GetFileName(target)}.old");
        if (Directory.Exists(tmp)) Directory.Delete(tmp, true);
        if (Directory.Exists(old)) Directory.Delete(old, true);
        try { Copy(source, tmp); }
        catch (IOException e)
        {
            TryDelete(tmp);
            throw new PublishException($"could not publish {target}: {e.Message}. The previous copy there is left as it was; free some space (or choose another --out) and run again: finished work is reused from the run store.", e);
        }
        KillPoint.Reach("publish-copied");
        if (Directory.Exists(target)) Directory.Move(target, old);
        Directory.Move(tmp, target);
        TryDelete(old);
    }

    /// <summary>Writes a file through a sibling temp file and a rename, so a reader never sees half of it.</summary>
    public static void WriteAtomically(string path, string text)
    {
        string tmp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.tmp");
        try { File.WriteAllText(tmp, text); }
        catch (IOException e)
        {
            if (File.Exists(tmp)) File.Delete(tmp);
            throw new PublishException($"could not write {path}: {e.Message}. The previous file is left as it was.", e);
        }
        File.Move(tmp, path, overwrite: true);
    }

    private static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
        catch (IOException) { }
    }

    public static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var dir in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, dir)));
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)), overwrite: true);
    }
}

/// <summary>Publishing the report failed (for example the disk is full); the previous report is intact.</summary>
public sealed class PublishException(string message, Exception inner) : Exception(message, inner);
