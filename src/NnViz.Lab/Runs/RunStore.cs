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

    /// <summary>
    /// Identifies the code that produced an artifact: the module version ids (deterministic builds) of this assembly and
    /// every NnViz assembly it references, directly or not. Loaded here rather than taken from what happens to be
    /// loaded already, so a change in Plot or Projection changes the key in every process (CLI, tests) alike.
    /// </summary>
    public static string CodeVersion { get; } = string.Join(",",
        OurAssemblies().OrderBy(a => a.GetName().Name, StringComparer.Ordinal)
            .Select(a => $"{a.GetName().Name}:{a.ManifestModule.ModuleVersionId}"));

    private static IEnumerable<System.Reflection.Assembly> OurAssemblies()
    {
        var seen = new Dictionary<string, System.Reflection.Assembly>(StringComparer.Ordinal);
        var next = new Queue<System.Reflection.Assembly>([typeof(RunStore).Assembly]);
        while (next.TryDequeue(out var a))
        {
            if (!seen.TryAdd(a.GetName().Name!, a)) continue;
            foreach (var r in a.GetReferencedAssemblies().Where(r => r.Name?.StartsWith("NnViz.", StringComparison.Ordinal) == true))
                next.Enqueue(System.Reflection.Assembly.Load(r));
        }
        return seen.Values;
    }

    public string EntryDir(string name, string key) => Path.Combine(Root, $"{name}-{key[..16]}");
    public string PartsDir(string entry) => Path.Combine(entry, "parts");
    public string ArtifactsDir(string entry) => Path.Combine(entry, "artifacts");
    private static string ManifestPath(string entry) => Path.Combine(entry, "complete");

    /// <summary>
    /// True when the entry was committed and every artifact still has the bytes its manifest records. A truncated,
    /// altered, missing or extra file makes the entry incomplete: it is recomputed, never published.
    /// </summary>
    public bool IsComplete(string entry) => Check(entry) is null;

    /// <summary>Null when the entry is complete and intact, else why not (for the console line that says it is recomputed).</summary>
    public string? Check(string entry)
    {
        string manifest = ManifestPath(entry), artifacts = ArtifactsDir(entry);
        if (!File.Exists(manifest) || !Directory.Exists(artifacts)) return "not finished";
        var expected = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(manifest))
        {
            int cut = line.IndexOf("  ", StringComparison.Ordinal);
            if (cut != 64) return "its manifest is damaged";
            expected[line[(cut + 2)..]] = line[..cut];
        }
        if (expected.Count == 0) return "its manifest is empty";
        var found = Manifest(artifacts);
        foreach (var (file, hash) in expected)
            if (!found.TryGetValue(file, out var actual)) return $"{file} is missing";
            else if (actual != hash) return $"{file} does not have the bytes it was stored with";
        var extra = found.Keys.FirstOrDefault(f => !expected.ContainsKey(f));
        return extra is null ? null : $"{extra} was not part of it";
    }

    /// <summary>Removes a damaged entry's artifacts and manifest (its finished parts stay, and are checked on reuse).</summary>
    public void Discard(string entry)
    {
        if (File.Exists(ManifestPath(entry))) File.Delete(ManifestPath(entry));
        if (Directory.Exists(ArtifactsDir(entry))) Directory.Delete(ArtifactsDir(entry), true);
    }

    /// <summary>
    /// Moves a finished staging folder into place and marks the entry complete with a manifest of every artifact's
    /// SHA-256, written last through a rename: an interrupted commit leaves no manifest, so the entry is recomputed.
    /// </summary>
    public void Commit(string entry, string staging)
    {
        string target = ArtifactsDir(entry);
        if (File.Exists(ManifestPath(entry))) File.Delete(ManifestPath(entry));
        if (Directory.Exists(target)) Directory.Delete(target, true);
        Directory.Move(staging, target);
        KillPoint.Reach("store-commit");
        string tmp = ManifestPath(entry) + ".tmp";
        File.WriteAllLines(tmp, Manifest(target).Select(kv => $"{kv.Value}  {kv.Key}"));
        File.Move(tmp, ManifestPath(entry), overwrite: true);
    }

    /// <summary>Relative path ('/' separated) to SHA-256 of every file under a folder, in ordinal order.</summary>
    public static SortedDictionary<string, string> Manifest(string folder)
    {
        var d = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            using var stream = File.OpenRead(f);
            d[Path.GetRelativePath(folder, f).Replace('\\', '/')] = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        return d;
    }
}
