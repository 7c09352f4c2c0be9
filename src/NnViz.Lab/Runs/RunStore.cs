using System.Security.Cryptography;
using System.Text;

namespace NnViz.Lab.Runs;

/// <summary>
/// Finished and partial work keyed by a hash of the inputs (effective spec, profile, code version):
/// <c>&lt;store&gt;/&lt;name&gt;-&lt;hash&gt;/{parts/, artifacts/, complete}</c>. A rerun with the same inputs
/// reuses the artifacts; an interrupted run keeps its finished parts and resumes from them.
/// </summary>
public sealed class RunStore(string root)
{
    public string Root { get; } = root;

    public static string Hash(params string[] inputs)
    {
        using var sha = SHA256.Create();
        foreach (var s in inputs)
        {
            var b = Encoding.UTF8.GetBytes(s);
            sha.TransformBlock(BitConverter.GetBytes(b.Length), 0, 4, null, 0);
            sha.TransformBlock(b, 0, b.Length, null, 0);
        }
        sha.TransformFinalBlock([], 0, 0);
        return Convert.ToHexStringLower(sha.Hash!);
    }

    /// <summary>Identifies the code that produced an artifact: the module version ids of our assemblies (deterministic builds).</summary>
    public static string CodeVersion { get; } = string.Join(",",
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("NnViz.", StringComparison.Ordinal) == true)
            .OrderBy(a => a.GetName().Name, StringComparer.Ordinal)
            .Select(a => $"{a.GetName().Name}:{a.ManifestModule.ModuleVersionId}"));

    public string EntryDir(string name, string key) => Path.Combine(Root, $"{name}-{key[..16]}");
    public string PartsDir(string entry) => Path.Combine(entry, "parts");
    public string ArtifactsDir(string entry) => Path.Combine(entry, "artifacts");
    public bool IsComplete(string entry) => File.Exists(Path.Combine(entry, "complete")) && Directory.Exists(ArtifactsDir(entry));

    /// <summary>Moves a finished staging folder into place and marks the entry complete (rename: all or nothing).</summary>
    public void Commit(string entry, string staging)
    {
        string target = ArtifactsDir(entry);
        if (Directory.Exists(target)) Directory.Delete(target, true);
        Directory.Move(staging, target);
        File.WriteAllText(Path.Combine(entry, "complete"), "");
    }
}
