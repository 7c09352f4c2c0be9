using System.Text.Json;

namespace NnViz.Lab.Runs;

/// <summary>Progress of one experiment, reported to the CLI's progress bars.</summary>
public sealed record RunProgress(string Experiment, string Stage, double Fraction);

/// <summary>
/// What an experiment kind gets to run: where to write artifacts, a cache of finished parts (so an interrupted
/// run resumes where it stopped), and a progress sink. No clocks, no absolute paths: only provenance has those.
/// </summary>
public sealed class RunContext(ArtifactSink artifacts, string partsDir, IProgress<RunProgress>? progress, string experiment)
{
    public ArtifactSink Artifacts { get; } = artifacts;

    public void Report(string stage, double fraction) => progress?.Report(new RunProgress(experiment, stage, Math.Clamp(fraction, 0, 1)));

    /// <summary>
    /// Returns the cached result of a named part (e.g. one family member's training) or computes and stores it.
    /// Parts are keyed inside the experiment's hash, so a changed spec never reuses stale parts.
    /// </summary>
    public T Part<T>(string name, Func<T> compute)
    {
        Directory.CreateDirectory(partsDir);
        string file = Path.Combine(partsDir, Sanitize(name) + ".json");
        if (File.Exists(file))
        {
            try { return JsonSerializer.Deserialize<T>(File.ReadAllText(file), ArtifactSink.JsonOptions)!; }
            catch (JsonException) { File.Delete(file); } // a torn write from an interrupted run: recompute
        }
        T value = compute();
        string tmp = file + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(value, ArtifactSink.JsonOptions));
        File.Move(tmp, file, overwrite: true);
        return value;
    }

    private static string Sanitize(string s) => string.Concat(s.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
