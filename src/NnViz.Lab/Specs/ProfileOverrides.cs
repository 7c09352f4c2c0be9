using YamlDotNet.RepresentationModel;

namespace NnViz.Lab.Specs;

/// <summary>One way this run's effective spec differs from the spec as written (the write-up's setup).</summary>
/// <param name="WriteUp">the spec's own value, or "(default)" when the spec leaves it to the kind's default.</param>
public sealed record SetupChange(string Path, string WriteUp, string ThisRun, string SetBy);

/// <summary>
/// Applies a profile's dotted-path overrides (<c>training.epochs: 30</c>) to a spec's YAML tree before binding.
/// Replaced nodes remember that they came from the profile file, so an invalid override is reported there.
/// </summary>
public static class ProfileOverrides
{
    /// <param name="changes">receives each applied override with the value it replaced (the last one per path wins).</param>
    public static void Apply(YamlMappingNode root, IEnumerable<(string Path, YamlNode Value)> overrides,
        string profileFile, IDictionary<YamlNode, string> origin, SchemaBinder binder, IList<SetupChange>? changes = null)
    {
        foreach (var (path, value) in overrides)
        {
            MarkOrigin(value, profileFile, origin);
            string[] parts = path.Split('.');
            YamlMappingNode? map = root;
            for (int i = 0; i < parts.Length - 1 && map is not null; i++)
            {
                var key = new YamlScalarNode(parts[i]);
                if (!map.Children.TryGetValue(key, out var child))
                {
                    // A section the spec leaves at its defaults (e.g. options) is created for the override.
                    var created = new YamlMappingNode();
                    origin[created] = profileFile;
                    map.Children[key] = child = created;
                }
                map = child as YamlMappingNode;
            }
            if (map is null)
            {
                binder.Report(value, path, $"profile override {path} goes through a value that is not a mapping");
                continue;
            }
            var leaf = new YamlScalarNode(parts[^1]);
            if (changes is not null)
            {
                int earlier = changes.ToList().FindIndex(c => c.Path == path);
                string before = earlier >= 0 ? changes[earlier].WriteUp
                    : map.Children.TryGetValue(leaf, out var old) ? Text(old) : "(default)";
                if (earlier >= 0) changes.RemoveAt(earlier);
                if (before != Text(value)) changes.Add(new SetupChange(path, before, Text(value), profileFile));
            }
            map.Children[leaf] = value;
        }
    }

    /// <summary>A YAML value in one line, flow style: <c>30</c>, <c>[a, b]</c>, <c>{k: v}</c>.</summary>
    public static string Text(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode q => "[" + string.Join(", ", q.Children.Select(Text)) + "]",
        YamlMappingNode m => "{" + string.Join(", ", m.Children.Select(kv => $"{Text(kv.Key)}: {Text(kv.Value)}")) + "}",
        _ => node.ToString(),
    };

    private static void MarkOrigin(YamlNode node, string file, IDictionary<YamlNode, string> origin)
    {
        origin[node] = file;
        foreach (var child in node.AllNodes) origin[child] = file;
    }
}
