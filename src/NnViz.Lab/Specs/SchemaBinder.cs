using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace NnViz.Lab.Specs;

/// <summary>
/// Binds a YAML node to a <see cref="Schema"/>, collecting every error (unknown keys, wrong types, impossible
/// values, missing keys) instead of stopping at the first: a user fixes a spec in one pass.
/// </summary>
public sealed class SchemaBinder(Func<YamlNode, string> fileOf)
{
    private readonly List<SpecError> _errors = [];

    public IReadOnlyList<SpecError> Errors => _errors;

    public SourceLocation Locate(YamlNode node) => new(fileOf(node), (int)node.Start.Line, (int)node.Start.Column);

    public void Report(YamlNode node, string path, string message)
    {
        var at = Locate(node);
        _errors.Add(new SpecError(at.File, at.Line, at.Column, path, message));
    }

    public void Report(SpecError error) => _errors.Add(error);

    public Section Bind(YamlNode node, Schema schema, string path)
    {
        var section = new Section(path, Locate(node));
        if (node is not YamlMappingNode map)
        {
            Report(node, path, $"expected a mapping of {schema.Name} settings, received {Describe(node)}");
            return section;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? "";
            string keyPath = path.Length == 0 ? key : $"{path}.{key}";
            var field = schema.Find(key);
            if (field is null)
            {
                string hint = Suggest(key, schema.Fields.Select(f => f.Key));
                Report(keyNode, keyPath, $"unknown key '{key}' in {schema.Name}{hint}");
                continue;
            }
            if (!seen.Add(key)) { Report(keyNode, keyPath, $"duplicate key '{key}'"); continue; }
            object? value = Convert(valueNode, field, keyPath);
            if (value is not null && field.Rule?.Invoke(value) is { } expectation)
                Report(valueNode, keyPath, $"{expectation}, received {Describe(valueNode)}");
            section.Set(key, value, Locate(valueNode));
        }
        foreach (var field in schema.Fields.Where(f => !seen.Contains(f.Key)))
        {
            if (field.Required)
                Report(node, path.Length == 0 ? field.Key : $"{path}.{field.Key}",
                    $"missing required key '{field.Key}' ({field.Doc})");
            else if (field.Default is not null)
                section.Set(field.Key, field.Default, Locate(node));
        }
        return section;
    }

    private object? Convert(YamlNode node, Field field, string path)
    {
        switch (field.Type)
        {
            case FieldType.Any:
                return node;
            case FieldType.Map:
                return Bind(node, field.Nested!, path);
            case FieldType.MapList:
                if (node is not YamlSequenceNode seq) { Report(node, path, $"expected a list, received {Describe(node)}"); return null; }
                return seq.Children.Select((c, i) => Bind(c, field.Nested!, $"{path}[{i}]")).ToList();
            case FieldType.IntList or FieldType.DoubleList or FieldType.StringList:
                if (node is not YamlSequenceNode list) { Report(node, path, $"expected a list, received {Describe(node)}"); return null; }
                var scalarType = field.Type switch
                {
                    FieldType.IntList => FieldType.Int,
                    FieldType.DoubleList => FieldType.Double,
                    _ => FieldType.String,
                };
                var items = list.Children.Select((c, i) => Scalar(c, scalarType, $"{path}[{i}]", field)).ToList();
                if (items.Any(x => x is null)) return null;
                return field.Type switch
                {
                    FieldType.IntList => items.Cast<long>().ToList(),
                    FieldType.DoubleList => items.Cast<double>().ToList(),
                    _ => (object)items.Cast<string>().ToList(),
                };
            default:
                return Scalar(node, field.Type, path, field);
        }
    }

    private object? Scalar(YamlNode node, FieldType type, string path, Field field)
    {
        if (node is not YamlScalarNode s || s.Value is null)
        {
            Report(node, path, $"expected {TypeName(type)}, received {Describe(node)}");
            return null;
        }
        string text = s.Value;
        switch (type)
        {
            case FieldType.Int:
                // Integers are counts and sizes the kinds hold as int: a value past int's range is reported, not overflowed.
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l) && l is >= int.MinValue and <= int.MaxValue) return l;
                break;
            case FieldType.Double:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d)) return d;
                break;
            case FieldType.Bool:
                if (text is "true" or "false") return text == "true";
                break;
            case FieldType.String:
                if (field.OneOf is { } allowed && !allowed.Contains(text))
                {
                    Report(node, path, $"expected one of {string.Join(", ", allowed)}, received '{text}'{Suggest(text, allowed)}");
                    return null;
                }
                return text;
        }
        Report(node, path, $"expected {TypeName(type)}, received '{text}'");
        return null;
    }

    private static string TypeName(FieldType t) => t switch
    {
        FieldType.Int => "an integer (at most 2147483647)",
        FieldType.Double => "a number",
        FieldType.Bool => "true or false",
        _ => "a string",
    };

    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "nothing",
    };

    /// <summary>" (did you mean 'x'?)" when a known name is within edit distance 2.</summary>
    public static string Suggest(string given, IEnumerable<string> known)
    {
        var best = known.Select(k => (k, d: EditDistance(given, k))).Where(t => t.d <= 2).OrderBy(t => t.d).ThenBy(t => t.k, StringComparer.Ordinal).FirstOrDefault();
        return best.k is null ? "" : $" (did you mean '{best.k}'?)";
    }

    private static int EditDistance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
