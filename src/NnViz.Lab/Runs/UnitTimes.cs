using System.Globalization;
using System.Text.Json;

namespace NnViz.Lab.Runs;

/// <summary>What one run of a unit cost, measured (wall and CPU seconds) beside what the plan predicted.</summary>
public sealed record UnitTime(string Entry, string Unit, double WallSeconds, double CpuSeconds, double PredictedSeconds, bool SharedProcess);

/// <summary>
/// The measured cost of every unit a shard ran, one JSON line per unit in <c>&lt;store&gt;/unit-times.jsonl</c>.
/// A provenance record like provenance.json: it sits beside the content-addressed entries, never inside one, so the
/// entries' bytes (what merges compare and reports are built from) do not depend on it. `nnviz plan --status` prints
/// it against the plan's predictions, `nnviz merge` carries it into the merged store, and bench/cost-fit.py can fit
/// the cost model to it.
/// </summary>
public static class UnitTimes
{
    public const string FileName = "unit-times.jsonl";
    private static readonly Lock Gate = new();
    private static readonly JsonSerializerOptions OneLine = new(ArtifactSink.JsonOptions) { WriteIndented = false };

    public static void Append(RunStore store, UnitTime time)
    {
        Directory.CreateDirectory(store.Root);
        string line = JsonSerializer.Serialize(time, OneLine);
        lock (Gate) File.AppendAllText(Path.Combine(store.Root, FileName), line + "\n");
    }

    /// <summary>The last measurement of each entry in <paramref name="storeRoot"/> (none when the file is absent; unreadable lines are skipped).</summary>
    public static IReadOnlyDictionary<string, UnitTime> Read(string storeRoot)
    {
        var times = new Dictionary<string, UnitTime>(StringComparer.Ordinal);
        string file = Path.Combine(storeRoot, FileName);
        if (!File.Exists(file)) return times;
        foreach (var line in File.ReadLines(file))
        {
            UnitTime? t = null;
            try { t = JsonSerializer.Deserialize<UnitTime>(line, OneLine); }
            catch (JsonException) { }
            if (t is { Entry.Length: > 0 }) times[t.Entry] = t;
        }
        return times;
    }

    /// <summary>Appends to <paramref name="target"/>'s record the lines of <paramref name="sources"/>' records for entries it has no line for.</summary>
    public static void Merge(IEnumerable<string> sources, string target)
    {
        var known = new HashSet<string>(Read(target).Keys, StringComparer.Ordinal);
        foreach (var source in sources)
            foreach (var (entry, time) in Read(source).OrderBy(x => x.Key, StringComparer.Ordinal))
                if (known.Add(entry)) Append(new RunStore(target), time);
    }

    /// <summary>"measured 55.8 s CPU (predicted 49.1 s, x1.14)", or an empty string when the unit has no measurement.</summary>
    public static string Describe(UnitTime? t) => t is null ? "" : string.Create(CultureInfo.InvariantCulture,
        $"measured {t.CpuSeconds:0.0} s CPU{(t.SharedProcess ? " (process, shared with other jobs)" : "")}, {t.WallSeconds:0.0} s wall; predicted {t.PredictedSeconds:0.0} s (x{t.CpuSeconds / Math.Max(t.PredictedSeconds, 1e-9):0.00})");
}
