using System.Diagnostics;
using System.Text.Json;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Runs;

/// <summary>
/// The one record of a run that is allowed to differ between identical runs: when, where, how long, which commit.
/// Kept out of every artifact (figures, arrays, metrics, pages) so those stay byte-for-byte reproducible; pages
/// show it by loading provenance.js, which sets <c>window.NNVIZ_PROVENANCE[name]</c>.
/// </summary>
public static class Provenance
{
    public static void Write(string experimentDir, ExperimentSpec spec, string key, TimeSpan elapsed, bool reused)
    {
        var record = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["experiment"] = spec.Name,
            ["spec_hash"] = key[..16],
            ["profile"] = spec.Profile,
            ["seed"] = spec.Seed,
            ["commit"] = Commit(),
            ["machine"] = $"{Environment.MachineName}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}",
            ["avx512"] = System.Runtime.Intrinsics.X86.Avx512F.IsSupported,
            ["run_seconds"] = Math.Round(elapsed.TotalSeconds, 2),
            ["reused_from_store"] = reused,
            ["finished_utc"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        };
        string json = JsonSerializer.Serialize(record, ArtifactSink.JsonOptions);
        File.WriteAllText(Path.Combine(experimentDir, "provenance.json"), json + "\n");
        File.WriteAllText(Path.Combine(experimentDir, "provenance.js"),
            $"(window.NNVIZ_PROVENANCE = window.NNVIZ_PROVENANCE || {{}})[{JsonSerializer.Serialize(spec.Name)}] = {json};\n");
    }

    private static string Commit()
    {
        try
        {
            var psi = new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var p = Process.Start(psi)!;
            string s = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 ? s : "unknown";
        }
        catch (System.ComponentModel.Win32Exception) { return "unknown (git not found)"; }
    }
}
