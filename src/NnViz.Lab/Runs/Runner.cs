using System.Diagnostics;
using NnViz.Lab.Experiments;
using NnViz.Lab.Report;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Runs;

/// <summary>Where a run reads and writes.</summary>
/// <param name="Seeds">training seeds per experiment (null: the profile's <c>seeds</c>, 1 unless it says otherwise).</param>
/// <param name="Engine">training engine for every spec (<c>--engine</c>), overriding training.engine: part of the effective spec, so of the store key and the page's setup differences.</param>
public sealed record RunnerOptions(string ConfigsDir, string OutDir, string StoreDir, string ProfileName, int? Seeds = null, string? Engine = null);

/// <summary>What one experiment run produced, for the CLI summary and the index page.</summary>
/// <remarks>
/// Reproduced/NotReproduced/NotMeasured count claims judged on the write-up's data; SanityPassed/SanityFailed count
/// claims judged on a generated stand-in (never counted as reproductions); NotMeasured always counts as a failure.
/// </remarks>
public sealed record RunSummary(string Name, string Title, string Summary, string Profile, int Reproduced, int NotReproduced,
    int NotApplicable, string DataUsed, bool GeneratedData, string? Thumbnail, string SpecHash, bool Reused,
    int NotMeasured = 0, int SanityPassed = 0, int SanityFailed = 0, bool WriteUpSynthetic = false,
    IReadOnlyList<NnViz.Data.DataUseRecord>? Data = null)
{
    /// <summary>The data origin in a few words, for the index card.</summary>
    public string DataOrigin => GeneratedData ? "generated stand-in" : WriteUpSynthetic ? "synthetic, as the write-up's" : "real";
}

/// <summary>
/// Runs validated specs: reuse from the run store when the inputs are unchanged, otherwise run the experiment
/// kind into a staging folder, judge the claims, render the page, commit to the store, and publish to the report
/// folder. Invalid specs never reach this class (see <see cref="ValidateAll"/>), so they write nothing.
/// </summary>
public sealed partial class Runner(RunnerOptions options, IProgress<RunProgress>? progress = null, KindRegistry? kinds = null)
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
        var others = ProfileValidation.All(options.ConfigsDir);
        foreach (var f in files)
        {
            var (spec, found) = ProfileValidation.Load(f, Profile, others, _kinds, EngineOverride, "--engine");
            if (spec is not null) specs.Add(spec);
            errors.AddRange(found);
        }
        foreach (var dup in specs.GroupBy(s => s.Name).Where(g => g.Count() > 1))
            errors.Add(new SpecError(dup.Last().File, 1, 1, "name", $"experiment name '{dup.Key}' is also used by {dup.First().File}"));
        return (specs, errors);
    }

    /// <summary>--engine as a spec override (none when not given).</summary>
    private IReadOnlyList<(string, YamlDotNet.RepresentationModel.YamlNode)> EngineOverride =>
        options.Engine is { } e ? [("training.engine", new YamlDotNet.RepresentationModel.YamlScalarNode(e))] : [];

    /// <summary>What a run of <paramref name="spec"/> would use: engine, seeds, each data role's choice, the estimated cost per seed.</summary>
    public (string Engine, int Seeds, IReadOnlyList<string> Data, double Cost) Describe(ExperimentSpec spec) =>
        (spec.Train.Engine, Seeds, [.. _kinds.ByName[spec.Kind].ChooseData(spec).Select(c => $"{c.Role}: {c.Describe()}")], CostModel.Estimate(spec));

    /// <summary>Seeds judging each claim: <see cref="RunnerOptions.Seeds"/> if given, else the profile's.</summary>
    public int Seeds => options.Seeds ?? Profile.Seeds;

    /// <summary>The run store of this run.</summary>
    private RunStore Store => new(options.StoreDir);

    public RunSummary Run(ExperimentSpec spec)
    {
        var clock = Stopwatch.StartNew();
        var store = Store;
        return Publish(spec, clock, Seeds == 1 ? EnsureUnit(spec, store, 0) : EnsureAssembled(spec, store, Seeds));
    }

    /// <summary>Copies a finished entry to the report folder and writes its provenance (the run's time and machine).</summary>
    private RunSummary Publish(ExperimentSpec spec, Stopwatch clock, (string Entry, string Key, bool Reused) done)
    {
        string published = Path.Combine(options.OutDir, spec.Name);
        KillPoint.Reach("publishing");
        FolderCopy.Replace(Store.ArtifactsDir(done.Entry), published);
        var result = ReadSummary(published) with { Reused = done.Reused };
        Provenance.Write(published, spec, done.Key, clock.Elapsed, done.Reused);
        return result;
    }

    /// <summary>The spec of seed number <paramref name="i"/>: training.seed + i (i = 0 is the spec itself).</summary>
    public ExperimentSpec SeedVariant(ExperimentSpec spec, int i) => i == 0 ? spec : SpecLoader.Load(spec.File, Profile, _kinds,
        [.. EngineOverride, ("training.seed", new YamlDotNet.RepresentationModel.YamlScalarNode((spec.Seed + (ulong)i).ToString(System.Globalization.CultureInfo.InvariantCulture)))]);

    /// <summary>
    /// A one-seed unit's store key: what its result depends on (effective spec, profile, code, the identity of the
    /// real data it reads — none for generated data, whose keys stay as they were — and the bytes of any
    /// record.checkpoints files, so a rewritten checkpoint reruns the spec).
    /// </summary>
    public string UnitKey(ExperimentSpec variant) => RunStore.Hash([variant.EffectiveText, variant.Profile, RunStore.CodeVersion, .. DataKey(variant)]);

    private string[] DataKey(ExperimentSpec spec) =>
        [.. new[] { Experiments.Common.DataChoice.KeyOf(_kinds.ByName[spec.Kind].ChooseData(spec)), Experiments.Pipeline.CheckpointReplay.ContentKey(spec) }.OfType<string>()];

    /// <summary>
    /// One unit of work (an experiment at one seed): reused when its store entry is complete and intact, else the kind
    /// runs into a staging folder, its claims are judged on this seed, and the entry is committed with its page record.
    /// </summary>
    public (string Entry, string Key, bool Reused) EnsureUnit(ExperimentSpec spec, RunStore store, int i, string stagePrefix = "")
    {
        var variant = SeedVariant(spec, i);
        string key = UnitKey(variant);
        string entry = store.EntryDir(variant.Name, key);
        bool reused = Usable(store, entry, variant.Name) && PageRecord.Read(entry) is not null;
        if (!reused) ComputeUnit(variant, store, entry, key, stagePrefix);
        return (entry, key, reused);
    }

    /// <summary>True when every unit of <paramref name="spec"/> at <paramref name="seeds"/> seeds is complete in the store (nothing is run).</summary>
    public IReadOnlyList<string> MissingUnits(ExperimentSpec spec, RunStore store, int seeds) =>
        [.. Enumerable.Range(0, seeds).Select(i => (i, v: SeedVariant(spec, i)))
            .Where(x => { string e = store.EntryDir(x.v.Name, UnitKey(x.v)); return store.Check(e) is not null || PageRecord.Read(e) is null; })
            .Select(x => $"{spec.Name} seed {x.v.Seed}")];

    private void ComputeUnit(ExperimentSpec spec, RunStore store, string entry, string key, string stagePrefix)
    {
        string staging = Path.Combine(entry, "staging");
        if (Directory.Exists(staging)) Directory.Delete(staging, true);
        var sink = new ArtifactSink(staging);
        var context = new RunContext(sink, store.PartsDir(entry), Prefixed(stagePrefix), spec.Name);
        var output = _kinds.ByName[spec.Kind].Run(spec, context);
        WritePage(spec, output, sink, key, [(spec.Seed, output.Metrics)]);
        context.Report("done", 1);
        PageRecord.Of(output).Write(entry);
        store.Commit(entry, staging);
    }

    /// <summary>
    /// Claims judged over <paramref name="seeds"/> seeds: every seed's unit first (each resumable, or trained elsewhere
    /// and merged in), then the first seed's artifacts with the claims, summary and page of all seeds, as one entry.
    /// Built the same way whether the units ran here or on other machines, so the bytes are the same.
    /// </summary>
    private (string Entry, string Key, bool Reused) EnsureAssembled(ExperimentSpec spec, RunStore store, int seeds)
    {
        var (entry, key) = AssembledEntry(spec, store, seeds);
        if (Usable(store, entry, spec.Name)) return (entry, key, true);
        var units = Enumerable.Range(0, seeds).Select(i => EnsureUnit(spec, store, i, i == 0 ? "" : $"seed {i + 1} of {seeds}: ")).ToList();
        var runs = units.Select((u, i) => (Seed: spec.Seed + (ulong)i, Metrics: (IReadOnlyDictionary<string, double>)ReadMetrics(store, u.Entry))).ToList();
        string staging = Path.Combine(entry, "staging");
        if (Directory.Exists(staging)) Directory.Delete(staging, true);
        FolderCopy.Copy(store.ArtifactsDir(units[0].Entry), staging);
        var output = PageRecord.Read(units[0].Entry)!.ToOutput(runs[0].Metrics);
        WritePage(spec, output, new ArtifactSink(staging), key, runs);
        store.Commit(entry, staging);
        return (entry, key, false);
    }

    /// <summary>The store entry and key of <paramref name="spec"/>'s claims judged over <paramref name="seeds"/> seeds.</summary>
    private (string Entry, string Key) AssembledEntry(ExperimentSpec spec, RunStore store, int seeds)
    {
        string key = RunStore.Hash([spec.EffectiveText, spec.Profile, RunStore.CodeVersion, $"seeds={seeds}", .. DataKey(spec)]);
        return (store.EntryDir(spec.Name, key), key);
    }

    /// <summary>Metrics, claims (over the given seeds), spec, summary and page of one entry.</summary>
    private void WritePage(ExperimentSpec spec, ExperimentOutput output, ArtifactSink sink, string key,
        IReadOnlyList<(ulong Seed, IReadOnlyDictionary<string, double> Metrics)> runs)
    {
        var claims = SeedVerdicts.Evaluate(spec, runs, standIn: output.GeneratedData);
        sink.Json("metrics.json", Sorted(output.Metrics));
        if (runs.Count > 1)
            sink.Json("metrics-by-seed.json", runs.Select(r => new { r.Seed, Metrics = Sorted(r.Metrics) }).ToList());
        sink.Json("claims.json", claims);
        sink.Text("spec.yaml", spec.EffectiveText);
        sink.Json("summary.json", Summarize(spec, output, claims, key, reused: false));
        sink.Text("index.html", ExperimentPage.Render(spec, output, claims, key, runs.Count > 1 ? runs.Select(r => r.Seed).ToList() : null));
    }

    private static SortedDictionary<string, double> ReadMetrics(RunStore store, string entry) =>
        System.Text.Json.JsonSerializer.Deserialize<SortedDictionary<string, double>>(
            File.ReadAllText(Path.Combine(store.ArtifactsDir(entry), "metrics.json")), ArtifactSink.JsonOptions)!;

    /// <summary>True when the entry is complete and intact; a damaged one is said on the console and dropped.</summary>
    private bool Usable(RunStore store, string entry, string name)
    {
        string? damage = Directory.Exists(entry) ? store.Check(entry) : "not finished";
        if (damage is not null && damage != "not finished")
        {
            // A damaged store entry is never published: say so, drop it, and compute it again.
            progress?.Report(new RunProgress(name, $"store entry damaged ({damage}): recomputing", 0));
            Console.Error.WriteLine($"warning: {name}: the run store entry {Path.GetFileName(entry)} is damaged ({damage}); recomputing it");
            store.Discard(entry);
        }
        return damage is null;
    }

    private IProgress<RunProgress>? Prefixed(string prefix) =>
        prefix.Length == 0 || progress is null ? progress : new Progress(p => progress.Report(p with { Stage = prefix + p.Stage }));

    private sealed class Progress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }

    private static SortedDictionary<string, double> Sorted(IReadOnlyDictionary<string, double> m) =>
        new(m.ToDictionary(), StringComparer.Ordinal);

    /// <summary>Writes the site's shared assets and the index page from every experiment folder in the report.</summary>
    public void BuildIndex()
    {
        KillPoint.Reach("index");
        SiteIndex.Write(options.OutDir, Profile);
    }

    private static RunSummary Summarize(ExperimentSpec spec, ExperimentOutput o, IReadOnlyList<ClaimResult> claims, string key, bool reused) =>
        new(spec.Name, spec.Title, FirstSentence(spec.Description), spec.Profile,
            claims.Count(c => !c.SanityCheck && c.Verdict == Verdict.Reproduced), claims.Count(c => !c.SanityCheck && c.Verdict == Verdict.NotReproduced),
            claims.Count(c => c.Verdict == Verdict.NotApplicable), o.DataUsed, o.GeneratedData, o.Thumbnail ?? o.Blocks.OfType<FigureBlock>().FirstOrDefault()?.Path, key[..16], reused,
            claims.Count(c => c.Verdict == Verdict.NotMeasured), claims.Count(c => c.SanityCheck && c.Verdict == Verdict.Reproduced),
            claims.Count(c => c.SanityCheck && c.Verdict == Verdict.NotReproduced), o.WriteUpSynthetic,
            o.DataUses?.Select(NnViz.Data.DataUseRecord.From).ToList());

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
