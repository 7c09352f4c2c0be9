using NnViz.Lab.Experiments;
using NnViz.Lab.Runs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NnViz.Lab.Specs;

/// <summary>
/// Reads a spec file, applies a profile's overrides, validates everything (common sections, the kind's data and
/// options schemas, the kind's whole-spec checks) and returns the typed spec, or throws <see cref="SpecException"/>
/// with every error found.
/// </summary>
public static class SpecLoader
{
    /// <param name="extra">overrides applied after the profile's, e.g. <c>training.seed</c> for the further seeds of
    /// <c>--seeds N</c>; they appear in the spec's differences as set by <paramref name="extraSource"/>.</param>
    public static ExperimentSpec Load(string file, Profile profile, KindRegistry? kinds = null,
        IReadOnlyList<(string Path, YamlNode Value)>? extra = null, string extraSource = "--seeds")
    {
        kinds ??= ExperimentKinds.Default;
        string display = Profile.Display(file);
        if (!File.Exists(file))
            throw new SpecException([new SpecError(display, 1, 1, "", "spec file not found")]);
        YamlMappingNode root = Parse(file, display);
        var origin = new Dictionary<YamlNode, string>(ReferenceEqualityComparer.Instance);
        var binder = new SchemaBinder(n => origin.TryGetValue(n, out var f) ? f : display);
        var changes = ApplyProfiles(root, profile, display, origin, binder);
        if (extra is not null) ProfileOverrides.Apply(root, extra, extraSource, origin, binder, changes);

        var top = binder.Bind(root, SpecSchemas.Top(kinds.Names), "");
        if (!top.Has("kind")) throw new SpecException(binder.Errors);
        var kind = kinds.ByName[top.String("kind")];
        var (dataKind, data, options, record) = KindSections(top, kind, binder);
        var figures = top.Strings("figures");
        foreach (var (fig, i) in figures.Select((f, i) => (f, i)))
            if (!kind.FigureIds.Contains(fig))
                binder.Report(top.Error("figures", $"unknown figure '{fig}' at figures[{i}] (expected one of {string.Join(", ", kind.FigureIds)})"));
        // Whole-spec checks (shapes, claims) still run when other sections had errors, so one pass shows everything;
        // they need the model, loss and training sections to be readable.
        bool checkable = top.Map("model") is not null && top.Has("loss") && top.Map("optimizer") is not null && top.Map("training") is not null
                         && top.Has("name") && top.Has("title") && top.Has("description");
        if (!checkable) throw new SpecException(binder.Errors);

        var spec = new ExperimentSpec(
            top.String("name"), top.String("title"), top.String("description").Trim(), kind.Kind, top.StringOrNull("source"),
            dataKind, data, Members(top.Map("model")!, binder), top.String("loss"), top.Map("optimizer")!, top.Map("training")!, record,
            figures.Count > 0 ? figures : kind.FigureIds, options, Claims(top), display, profile.Name, Serialize(root), changes);
        var errors = new List<SpecError>(binder.Errors);
        if (spec.Members.Count > 0 && spec.Members.All(m => m.Layers.Count > 0)) kind.Validate(spec, errors);
        // Early stopping watches a probe the kind records between epochs (the animator's val_loss / val_accuracy).
        if (spec.Training.Map("early_stopping") is { } stop && stop.StringOrNull("monitor") is { } monitor && !kind.ProbeIds.Contains(monitor))
            errors.Add(spec.Training.Error("early_stopping",
                $"kind '{kind.Kind}' records no '{monitor}' between epochs, so early stopping has nothing to watch (it trains every epoch; remove training.early_stopping)"));
        Experiments.Pipeline.CheckpointReplay.Validate(spec, record, errors);
        ClaimChecks.Validate(spec, errors, kind.Metrics);
        if (errors.Count > 0) throw new SpecException(errors);
        // Valid: bind the typed settings the kind runs on (no string lookups after this point).
        return spec with
        {
            Train = TrainingSettings.Bind(spec.Training), OptimizerSettings = OptimizerBinding.Bind(spec.Optimizer),
            Recording = RecordSettings.Bind(record), KindOptions = kind.BindOptions(options), KindData = kind.BindData(dataKind, data),
        };
    }

    /// <summary>
    /// A spec may scale itself per profile (profiles: {quick: {training.epochs: 30}}); the profile file's own entries
    /// for the experiment come after and win, so a user can retune without editing specs.
    /// </summary>
    /// <returns>every override applied, with the value it replaced: the run's differences from the spec as written.</returns>
    private static List<SetupChange> ApplyProfiles(YamlMappingNode root, Profile profile, string display, Dictionary<YamlNode, string> origin, SchemaBinder binder)
    {
        string name = (root.Children.TryGetValue(new YamlScalarNode("name"), out var n) ? (n as YamlScalarNode)?.Value : null) ?? "";
        var own = root.Children.TryGetValue(new YamlScalarNode("profiles"), out var pn) && pn is YamlMappingNode pm
            && pm.Children.TryGetValue(new YamlScalarNode(profile.Name), out var mine) && mine is YamlMappingNode mm
            ? mm.Children.Select(kv => (((YamlScalarNode)kv.Key).Value ?? "", kv.Value)).ToList()
            : [];
        var changes = new List<SetupChange>();
        ProfileOverrides.Apply(root, own, display, origin, binder, changes);
        ProfileOverrides.Apply(root, profile.OverridesFor(name), profile.File, origin, binder, changes);
        return changes;
    }

    /// <summary>The sections the kind defines: data (by its data kind), options, and record with the kind's probe ids.</summary>
    private static (string DataKind, Section Data, Section Options, Section Record) KindSections(Section top, IExperimentKind kind, SchemaBinder binder)
    {
        Section data = new("data", top.Where("data"));
        string dataKind = "";
        if (top.Raw("data") is YamlMappingNode dataNode)
        {
            dataKind = (dataNode.Children.TryGetValue(new YamlScalarNode("kind"), out var dk) ? (dk as YamlScalarNode)?.Value : null) ?? "";
            if (kind.DataSchemas.TryGetValue(dataKind, out var dataSchema))
                data = binder.Bind(dataNode, dataSchema, "data");
            else
                binder.Report(dk ?? dataNode, "data.kind", $"expected one of {string.Join(", ", kind.DataSchemas.Keys)} for kind '{kind.Kind}', received '{dataKind}'"
                    + SchemaBinder.Suggest(dataKind, kind.DataSchemas.Keys));
        }
        else if (top.Raw("data") is YamlNode bad)
            binder.Report(bad, "data", $"expected a mapping with 'kind' and its parameters, received {SchemaBinder.Describe(bad)}");

        var options = binder.Bind(top.Raw("options") as YamlNode ?? new YamlMappingNode(), kind.OptionsSchema, "options");
        var record = top.Map("record") ?? binder.Bind(new YamlMappingNode(), SpecSchemas.Record, "record");
        foreach (var (probe, i) in record.Strings("probes").Select((p, i) => (p, i)))
            if (!kind.ProbeIds.Contains(probe))
                binder.Report(new SpecError(record.Where("probes").File, record.Where("probes").Line, record.Where("probes").Column,
                    $"record.probes[{i}]", $"unknown probe '{probe}' for kind '{kind.Kind}' (expected one of {string.Join(", ", kind.ProbeIds)})"));
        return (dataKind, data, options, record);
    }

    private static YamlMappingNode Parse(string file, string display)
    {
        var stream = new YamlStream();
        string text = File.ReadAllText(file);
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var (line, column, message) = YamlTabs.Describe(e, text);
            throw new SpecException([new SpecError(display, line, column, "", message)]);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new SpecException([new SpecError(display, 1, 1, "", "expected a mapping with name, title, kind, data, model, ...")]);
        return root;
    }

    private static IReadOnlyList<ModelMember> Members(Section model, SchemaBinder binder)
    {
        bool hasLayers = model.Has("layers"), hasFamily = model.Has("family");
        if (hasLayers == hasFamily)
        {
            binder.Report(new SpecError(model.Location.File, model.Location.Line, model.Location.Column, "model",
                "expected exactly one of 'layers' (one model) or 'family' (several architectures)"));
            return [];
        }
        if (hasLayers) return [ModelMember.FromSpec("model", model.Maps("layers"), model.Location)];
        var members = model.Maps("family").Select(m => ModelMember.FromSpec(m.String("name"), m.Maps("layers"), m.Location)).ToList();
        foreach (var dup in members.GroupBy(m => m.Name).Where(g => g.Count() > 1))
            binder.Report(new SpecError(dup.Last().Where.File, dup.Last().Where.Line, dup.Last().Where.Column, "model.family",
                $"duplicate member name '{dup.Key}'"));
        return members;
    }

    private static IReadOnlyList<ClaimSpec> Claims(Section top) =>
        top.Maps("claims").Select(c => new ClaimSpec(
            c.String("id"), c.String("text"), c.String("metric"), c.StringOrNull("member"), c.StringOrNull("op"),
            c.Has("value") ? c.Double("value") : null, c.StringOrNull("other"), c.StringOrNull("other_metric"),
            c.Double("factor"), c.StringOrNull("is"), c.Strings("profiles"), c.Location,
            c.Has("tolerance") ? c.Double("tolerance") : null)).ToList();

    /// <summary>The effective spec (profile applied) as YAML text: what is hashed and shown on the page.</summary>
    private static string Serialize(YamlMappingNode root)
    {
        var doc = new YamlStream(new YamlDocument(root));
        using var w = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        doc.Save(w, assignAnchors: false);
        return w.ToString().Replace("\r\n", "\n").TrimEnd('.', '\n', ' ') + "\n";
    }
}
