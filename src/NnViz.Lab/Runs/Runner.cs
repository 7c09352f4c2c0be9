using System.Diagnostics;
using NnViz.Lab.Experiments;
using NnViz.Lab.Report;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Runs;

/// <summary>Where a run reads and writes.</summary>
public sealed record RunnerOptions(string ConfigsDir, string OutDir, string StoreDir, string ProfileName);

/// <summary>What one experiment run produced, for the CLI summary and the index page.</summary>
public sealed record RunSummary(string Name, string Title, string Summary, string Profile, int Reproduced, int NotReproduced,
    int NotApplicable, string DataUsed, bool GeneratedData, string? Thumbnail, string SpecHash, bool Reused);

/// <summary>
/// Runs validated specs: reuse from the run store when the inputs are unchanged, otherwise run the experiment
/// kind into a staging folder, judge the claims, render the page, commit to the store, and publish to the report
/// folder. Invalid specs never reach this class (see <see cref="ValidateAll"/>), so they write nothing.
/// </summary>
public sealed class Runner(RunnerOptions options, IProgress<RunProgress>? progress = null, KindRegistry? kinds = null)
{
    private readonly KindRegistry _kinds = kinds ?? ExperimentKinds.Default;

    public Profile Profile { get; } = Profile.Load(options.ConfigsDir, options.ProfileName);

    /// <summary>Spec files: the file itself, or every *.yaml under a folder in ordinal order.</summary>
    public static IReadOnlyList<string> FindSpecs(string specOrDir)
    {
        if (Directory.Exists(specOrDir))
            return [.. Directory.GetFiles(specOrDir, "*.yaml", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal)];
        return [specOrDir];
    }

    /// <summary>Loads and validates every spec; returns the valid ones and every error of the invalid ones.</summary>
    public (IReadOnlyList<ExperimentSpec> Specs, IReadOnlyList<SpecError> Errors) ValidateAll(IEnumerable<string> files)
    {
        var specs = new List<ExperimentSpec>();
        var errors = new List<SpecError>();
        foreach (var f in files)
        {
            try { specs.Add(SpecLoader.Load(f, Profile, _kinds)); }
            catch (SpecException e) { errors.AddRange(e.Errors); }
        }
        foreach (var dup in specs.GroupBy(s => s.Name).Where(g => g.Count() > 1))
            errors.Add(new SpecError(dup.Last().File, 1, 1, "name", $"experiment name '{dup.Key}' is also used by {dup.First().File}"));
        return (specs, errors);
    }

    public RunSummary Run(ExperimentSpec spec)
    {
        var clock = Stopwatch.StartNew();
        var store = new RunStore(options.StoreDir);
        string key = RunStore.Hash(spec.EffectiveText, spec.Profile, RunStore.CodeVersion);
        string entry = store.EntryDir(spec.Name, key);
        bool reused = store.IsComplete(entry);
        if (!reused)
        {
            string staging = Path.Combine(entry, "staging");
            if (Directory.Exists(staging)) Directory.Delete(staging, true);
            var sink = new ArtifactSink(staging);
            var context = new RunContext(sink, store.PartsDir(entry), progress, spec.Name);
            var kind = _kinds.ByName[spec.Kind];
            var output = kind.Run(spec, context);
            var claims = ClaimChecks.Evaluate(spec, output.Metrics);
            var summary = Summarize(spec, output, claims, key, reused: false);
            sink.Json("metrics.json", new SortedDictionary<string, double>(output.Metrics.ToDictionary(), StringComparer.Ordinal));
            sink.Json("claims.json", claims);
            sink.Text("spec.yaml", spec.EffectiveText);
            sink.Json("summary.json", summary);
            sink.Text("index.html", ExperimentPage.Render(spec, output, claims, key));
            context.Report("done", 1);
            store.Commit(entry, staging);
        }
        string published = Path.Combine(options.OutDir, spec.Name);
        FolderCopy.Replace(store.ArtifactsDir(entry), published);
        var result = ReadSummary(published) with { Reused = reused };
        Provenance.Write(published, spec, key, clock.Elapsed, reused);
        return result;
    }

    /// <summary>Writes the site's shared assets and the index page from every experiment folder in the report.</summary>
    public void BuildIndex() => SiteIndex.Write(options.OutDir, Profile);

    private static RunSummary Summarize(ExperimentSpec spec, ExperimentOutput o, IReadOnlyList<ClaimResult> claims, string key, bool reused) =>
        new(spec.Name, spec.Title, FirstSentence(spec.Description), spec.Profile,
            claims.Count(c => c.Verdict == Verdict.Reproduced), claims.Count(c => c.Verdict == Verdict.NotReproduced),
            claims.Count(c => c.Verdict == Verdict.NotApplicable), o.DataUsed, o.GeneratedData, o.Thumbnail ?? o.Blocks.OfType<FigureBlock>().FirstOrDefault()?.Path, key[..16], reused);

    /// <summary>The description's first sentence (the index card's one line).</summary>
    private static string FirstSentence(string description)
    {
        string flat = string.Join(' ', description.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        int end = flat.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? flat : flat[..(end + 1)];
    }

    public static RunSummary ReadSummary(string experimentDir) =>
        System.Text.Json.JsonSerializer.Deserialize<RunSummary>(File.ReadAllText(Path.Combine(experimentDir, "summary.json")), ArtifactSink.JsonOptions)!;
}
