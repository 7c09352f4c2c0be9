namespace NnViz.Lab.Runs;

/// <summary>Replaces a folder with a copy of another through a sibling temp folder, so readers never see half a copy.</summary>
public static class FolderCopy
{
    public static void Replace(string source, string target)
    {
        string parent = Path.GetDirectoryName(Path.GetFullPath(target))!;
        Directory.CreateDirectory(parent);
        string tmp = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp");
        if (Directory.Exists(tmp)) Directory.Delete(tmp, true);
        Copy(source, tmp);
        if (Directory.Exists(target)) Directory.Delete(target, true);
        Directory.Move(tmp, target);
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
