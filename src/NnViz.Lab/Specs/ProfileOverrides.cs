using YamlDotNet.RepresentationModel;

namespace NnViz.Lab.Specs;

/// <summary>
/// Applies a profile's dotted-path overrides (<c>training.epochs: 30</c>) to a spec's YAML tree before binding.
/// Replaced nodes remember that they came from the profile file, so an invalid override is reported there.
/// </summary>
public static class ProfileOverrides
{
    public static void Apply(YamlMappingNode root, IEnumerable<(string Path, YamlNode Value)> overrides,
        string profileFile, IDictionary<YamlNode, string> origin, SchemaBinder binder)
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
            map.Children[new YamlScalarNode(parts[^1])] = value;
        }
    }

    private static void MarkOrigin(YamlNode node, string file, IDictionary<YamlNode, string> origin)
    {
        origin[node] = file;
        foreach (var child in node.AllNodes) origin[child] = file;
    }
}
