using NnViz.Lab.Specs;
using YamlDotNet.RepresentationModel;

namespace NnViz.Lab.Runs;

/// <summary>
/// A run profile (configs/&lt;name&gt;.yaml): overrides by dotted path, for all specs (<c>defaults</c>) and per
/// experiment name (<c>experiments</c>). Specs hold the write-ups' own sizes; profiles scale them down.
/// </summary>
public sealed class Profile
{
    public static readonly IReadOnlyList<string> Known = ["ci", "quick", "full"];

    /// <summary>The most seeds a profile or <c>--seeds</c> may ask for.</summary>
    public const int MaxSeeds = 20;

    public required string Name { get; init; }
    public required string File { get; init; }
    public string Description { get; init; } = "";

    /// <summary>How many training seeds judge each claim on this profile (<c>seeds:</c>; <c>nnviz run --seeds</c> overrides).</summary>
    public int Seeds { get; init; } = 1;
    public IReadOnlyList<(string Path, YamlNode Value)> Defaults { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<(string Path, YamlNode Value)>> PerExperiment { get; init; } =
        new Dictionary<string, IReadOnlyList<(string, YamlNode)>>();

    public IEnumerable<(string Path, YamlNode Value)> OverridesFor(string experiment) =>
        Defaults.Concat(PerExperiment.TryGetValue(experiment, out var l) ? l : []);

    /// <summary>
    /// Loads configs/&lt;name&gt;.yaml from the given configs folder, or the built-in profile of that name (the
    /// repository's configs/, embedded in NnViz.Lab) when the folder has none: a user's own spec in any folder
    /// runs on ci, quick and full, and a configs folder of their own can override or add profiles.
    /// </summary>
    public static Profile Load(string configsDir, string name)
    {
        string file = Path.Combine(configsDir, $"{name}.yaml");
        if (System.IO.File.Exists(file))
        {
            using var reader = new StreamReader(file);
            return Parse(reader, name, Display(file));
        }
        using var builtIn = BuiltIn(name);
        if (builtIn is not null) return Parse(new StreamReader(builtIn), name, $"(built-in) configs/{name}.yaml");
        throw new SpecException([new SpecError(file, 1, 1, "profile",
            $"no profile '{name}': expected {file} or a built-in profile (profiles available: {string.Join(", ", Available(configsDir))})")]);
    }

    private static Stream? BuiltIn(string name) =>
        typeof(Profile).Assembly.GetManifestResourceStream($"configs/{name}.yaml");

    private static Profile Parse(TextReader reader, string name, string display)
    {
        var stream = new YamlStream();
        string text = reader.ReadToEnd();
        try { stream.Load(new StringReader(text)); }
        catch (YamlDotNet.Core.YamlException e)
        {
            var (line, column, message) = YamlTabs.Describe(e, text);
            throw new SpecException([new SpecError(display, line, column, "profile", message)]);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new SpecException([new SpecError(display, 1, 1, "profile", "expected a mapping with 'description', 'defaults' and 'experiments'")]);
        var errors = new List<SpecError>();
        string description = "";
        int seeds = 1;
        var defaults = new List<(string, YamlNode)>();
        var per = new Dictionary<string, IReadOnlyList<(string, YamlNode)>>();
        foreach (var (k, v) in root.Children)
        {
            string key = ((YamlScalarNode)k).Value ?? "";
            switch (key)
            {
                case "description": description = (v as YamlScalarNode)?.Value ?? ""; break;
                case "seeds" when v is YamlScalarNode { Value: { } sv } && int.TryParse(sv, out int n) && n is >= 1 and <= MaxSeeds: seeds = n; break;
                case "seeds":
                    errors.Add(new SpecError(display, (int)v.Start.Line, (int)v.Start.Column, key, $"expected an integer from 1 to {MaxSeeds}, received '{(v as YamlScalarNode)?.Value}'"));
                    break;
                case "defaults": defaults.AddRange(Overrides(v, display, key, errors)); break;
                case "experiments" when v is YamlMappingNode exps:
                    foreach (var (ek, ev) in exps.Children)
                        per[((YamlScalarNode)ek).Value ?? ""] = Overrides(ev, display, $"experiments.{((YamlScalarNode)ek).Value}", errors);
                    break;
                default:
                    errors.Add(new SpecError(display, (int)k.Start.Line, (int)k.Start.Column, key,
                        $"unknown key '{key}' in profile (expected description, seeds, defaults, experiments)"));
                    break;
            }
        }
        if (errors.Count > 0) throw new SpecException(errors);
        return new Profile { Name = name, File = display, Description = description, Seeds = seeds, Defaults = defaults, PerExperiment = per };
    }

    /// <summary>The profiles of a configs folder and the built-in ones, by name.</summary>
    public static IEnumerable<string> Available(string configsDir) =>
        (Directory.Exists(configsDir) ? Directory.GetFiles(configsDir, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)!) : [])
            .Concat(typeof(Profile).Assembly.GetManifestResourceNames()
                .Where(r => r.StartsWith("configs/", StringComparison.Ordinal) && r.EndsWith(".yaml", StringComparison.Ordinal))
                .Select(r => r["configs/".Length..^".yaml".Length]))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static List<(string, YamlNode)> Overrides(YamlNode node, string file, string path, List<SpecError> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(new SpecError(file, (int)node.Start.Line, (int)node.Start.Column, path, "expected a mapping of dotted.path: value"));
            return [];
        }
        return map.Children.Select(kv => (((YamlScalarNode)kv.Key).Value ?? "", kv.Value)).ToList();
    }

    /// <summary>Paths in messages are relative to the working directory when below it (no absolute paths in artifacts).</summary>
    public static string Display(string file)
    {
        string full = Path.GetFullPath(file);
        string rel = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return rel.StartsWith("..", StringComparison.Ordinal) ? full : rel;
    }
}
