namespace NnViz.Lab.Runs;

/// <summary>Two stores hold the same unit with different bytes: the runs were not deterministic, or the inputs differ.</summary>
public sealed class StoreConflictException(string message) : Exception(message);

/// <summary>
/// Merges run stores (one per shard) into one. Entries are content-addressed, so the same entry name must hold the
/// same bytes everywhere (compared by their manifests); unfinished or damaged entries are not copied. The stores'
/// measured unit times (<see cref="UnitTimes"/>) are carried over too.
/// </summary>
public static class StoreMerge
{
    /// <returns>How many entries were copied into <paramref name="target"/>.</returns>
    public static int Merge(IEnumerable<string> sources, string target)
    {
        Directory.CreateDirectory(target);
        var into = new RunStore(target);
        var origin = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in Directory.GetDirectories(target)) origin[Path.GetFileName(e)] = target;
        int copied = 0;
        foreach (var source in sources)
        {
            if (!Directory.Exists(source)) throw new DirectoryNotFoundException($"{source}: no such run store");
            var from = new RunStore(source);
            foreach (var entry in Directory.GetDirectories(source).Order(StringComparer.Ordinal))
            {
                string name = Path.GetFileName(entry);
                if (from.Check(entry) is not null || PageRecord.Read(entry) is null) continue;   // unfinished: not a unit to merge
                string there = Path.Combine(target, name);
                if (Directory.Exists(there) && into.Check(there) is null)
                {
                    if (File.ReadAllText(Path.Combine(there, "complete")) != File.ReadAllText(Path.Combine(entry, "complete")))
                        throw new StoreConflictException($"{name}: {Path.Combine(origin.GetValueOrDefault(name, target), name)} and {entry} hold different bytes for the same unit; the runs were not deterministic or their inputs differ. Rerun that unit in one place.");
                    continue;
                }
                if (Directory.Exists(there)) Directory.Delete(there, true);
                string tmp = Path.Combine(target, $".{name}.tmp");
                if (Directory.Exists(tmp)) Directory.Delete(tmp, true);
                FolderCopy.Copy(entry, tmp);
                Directory.Move(tmp, there);
                origin[name] = source;
                copied++;
            }
        }
        UnitTimes.Merge(sources, target);
        return copied;
    }
}
