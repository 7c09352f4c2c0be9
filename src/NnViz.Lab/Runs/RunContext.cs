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

    public void Report(string stage, double fraction)
    {
        KillPoint.Reach(stage);
        progress?.Report(new RunProgress(experiment, stage, Math.Clamp(fraction, 0, 1)));
    }

    /// <summary>
    /// Returns the cached result of a named part (e.g. one family member's training) or computes and stores it.
    /// Parts are keyed inside the experiment's hash, so a changed spec never reuses stale parts.
    /// </summary>
    public T Part<T>(string name, Func<T> compute)
    {
        Directory.CreateDirectory(partsDir);
        string file = Path.Combine(partsDir, Sanitize(name) + ".json");
        string sum = file + ".sha256";
        if (File.Exists(file))
        {
            // A part is reused only with its checksum, written after it: a torn write, a kill between the two
            // renames, or bytes changed on disk all mean "compute it again".
            byte[] bytes = File.ReadAllBytes(file);
            if (File.Exists(sum) && File.ReadAllText(sum).Trim() == Hash(bytes))
            {
                try { return JsonSerializer.Deserialize<T>(bytes, ArtifactSink.JsonOptions)!; }
                catch (JsonException) { }
            }
            File.Delete(file);
            if (File.Exists(sum)) File.Delete(sum);
        }
        T value = compute();
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(value, ArtifactSink.JsonOptions);
        File.WriteAllBytes(file + ".tmp", json);
        File.Move(file + ".tmp", file, overwrite: true);
        File.WriteAllText(sum + ".tmp", Hash(json));
        File.Move(sum + ".tmp", sum, overwrite: true);
        return value;
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    private static string Sanitize(string s) => string.Concat(s.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
