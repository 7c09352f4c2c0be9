using NnViz.Lab.Specs;

namespace NnViz.Lab.Runs;

/// <summary>
/// Per-spec stamp files for MSBuild's incrementality (experiments/Reproduce.proj): <c>&lt;spec file name&gt;.key</c>
/// holds the store keys of the spec's units at this profile and seed count, so its content changes exactly when what
/// the result depends on changes (the effective spec, the profile, the harness version, the identity of the real data
/// read). A file is rewritten only when its content differs, so its timestamp moves only then; MSBuild compares those
/// timestamps with the published summaries and skips what is up to date.
/// </summary>
public static class ReproduceStamps
{
    /// <summary>The stamp file of a spec file: its file name without extension, then <c>.key</c>.</summary>
    public static string PathOf(string dir, string specFile) => Path.Combine(dir, Path.GetFileNameWithoutExtension(specFile) + ".key");

    /// <summary>What a spec's stamp holds: the seed count and every unit's full store key, one per line.</summary>
    public static string Content(Runner runner, ExperimentSpec spec)
    {
        var lines = new List<string> { $"experiment {spec.Name}", $"profile {runner.Profile.Name}", $"seeds {runner.Seeds}" };
        for (int i = 0; i < runner.Seeds; i++)
        {
            var variant = runner.SeedVariant(spec, i);
            lines.Add($"unit {variant.Seed} {runner.UnitKey(variant)}");
        }
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>
    /// Writes the stamps of <paramref name="specs"/> into <paramref name="dir"/> (only those whose content changed) and
    /// removes the stamps of spec files no longer there.
    /// </summary>
    /// <returns>The spec names whose stamp was written (new or changed).</returns>
    public static IReadOnlyList<string> Write(Runner runner, IReadOnlyList<ExperimentSpec> specs, string dir)
    {
        Directory.CreateDirectory(dir);
        var changed = new List<string>();
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            string path = PathOf(dir, spec.File);
            kept.Add(Path.GetFullPath(path));
            string content = Content(runner, spec);
            if (File.Exists(path) && File.ReadAllText(path) == content) continue;
            FolderCopy.WriteAtomically(path, content);
            changed.Add(spec.Name);
        }
        foreach (var stale in Directory.GetFiles(dir, "*.key").Where(f => !kept.Contains(Path.GetFullPath(f))))
            File.Delete(stale);
        return changed;
    }
}
