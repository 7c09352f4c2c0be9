using NnViz.Data;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.Common;

/// <summary>
/// Which data an experiment reads, decided before it runs: a real set found in the data folder
/// (<see cref="Located"/>) or the generated stand-in (null), and why. <see cref="StandIn"/> is true when what is read
/// is not the write-up's data (a generated corpus, or Fashion-MNIST for MNIST): its claims are then sanity checks.
/// The run store keys on <see cref="KeyOf"/>, so adding or replacing a data set reruns what depends on it.
/// </summary>
public sealed record DataChoice(string Role, LocatedDataSet? Located, string Why, bool StandIn, bool Substituted)
{
    public bool Generated => Located is null;

    /// <summary>
    /// <paramref name="source"/> generated: the generated stand-in. real: the first candidate found complete, else a
    /// <see cref="DataException"/> naming what was looked for. auto: the first candidate found complete, else the
    /// generated stand-in, marked <see cref="Substituted"/> (the run warns on the console and the page says so).
    /// <paramref name="standIn"/> is a real candidate that is not the write-up's data (Fashion-MNIST for MNIST).
    /// </summary>
    public static DataChoice Choose(string role, string source, string? folder, KnownDataSet[] candidates, KnownDataSet? standIn = null)
    {
        if (source == "generated") return new(role, null, "the spec asks for generated data (source: generated)", true, false);
        string dir = DataResolver.Folder(folder);
        foreach (KnownDataSet c in candidates)
        {
            if (DataResolver.Find(dir, c) is not { IsComplete: true } found) continue;
            bool isStandIn = c == standIn;
            string why = c == candidates[0] ? $"found under the data folder ({found.How})"
                : $"{DataSetCatalog.Info(candidates[0]).Title} not found under {dir}; {found.Info.Title} found instead ({found.How})";
            return new(role, found, why, isStandIn, isStandIn && c != candidates[0]);
        }
        if (source == "real") DataResolver.Require(dir, candidates[0]);
        string looked = string.Join(", then ", candidates.Select(c => DataSetCatalog.Info(c).Title));
        return new(role, null, $"{looked} not found under {dir} (source: auto): using the generated stand-in", true, true);
    }

    /// <summary>One line for the page and the console: the real set's identity, or why the stand-in is used.</summary>
    public string Describe() => Located is null ? Why : $"{Located.Info.Title}: {Located.Identity()}";

    /// <summary>The console warning when <c>source: auto</c> substituted a stand-in for the write-up's data.</summary>
    public void WarnIfSubstituted(ExperimentSpec spec)
    {
        if (!Substituted) return;
        string what = Located is null ? "a generated corpus" : Located.Info.Title;
        Warn(spec, $"{Why}; the run uses {what}, so its claims are sanity checks only");
    }

    /// <summary>
    /// A console warning about this data (<c>warning: spec: role data: …</c>), e.g. what a reader accepted but a user
    /// should know; returns the text for the page, which must show it too.
    /// </summary>
    public string Warn(ExperimentSpec spec, string problem)
    {
        Console.Error.WriteLine($"warning: {spec.Name}: {Role} data: {problem}");
        return $"warning: {problem}";
    }

    /// <summary>The store key's data part: the real sets' identity hashes (none when everything is generated).</summary>
    public static string? KeyOf(IEnumerable<DataChoice> choices)
    {
        string[] parts = [.. choices.Where(c => c.Located is not null).Select(c => $"{c.Role}={c.Located!.Identity().Hash}")];
        return parts.Length == 0 ? null : "data:" + string.Join(";", parts);
    }
}
