namespace NnViz.Lab.Specs;

/// <summary>Where a value came from: the spec file, or a profile file that overrode it.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>
/// A validated spec section: typed values by key, each with the location it was read from, so later
/// checks (shape mismatches, kind-specific rules) can still point at file:line:column.
/// </summary>
public sealed class Section
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceLocation> _where = new(StringComparer.Ordinal);

    public Section(string path, SourceLocation location)
    {
        Path = path;
        Location = location;
    }

    /// <summary>The dotted path of this section in the spec (e.g. <c>model.family[2]</c>).</summary>
    public string Path { get; }
    public SourceLocation Location { get; }
    public IEnumerable<string> Keys => _values.Keys;

    internal void Set(string key, object? value, SourceLocation where)
    {
        _values[key] = value;
        _where[key] = where;
    }

    public bool Has(string key) => _values.TryGetValue(key, out var v) && v is not null;
    public SourceLocation Where(string key) => _where.TryGetValue(key, out var w) ? w : Location;
    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";
    public object? Raw(string key) => _values.GetValueOrDefault(key);

    public int Int(string key) => Convert.ToInt32(_values[key], System.Globalization.CultureInfo.InvariantCulture);
    public double Double(string key) => Convert.ToDouble(_values[key], System.Globalization.CultureInfo.InvariantCulture);
    public bool Bool(string key) => (bool)_values[key]!;
    public string String(string key) => (string)_values[key]!;
    public string? StringOrNull(string key) => _values.GetValueOrDefault(key) as string;
    public IReadOnlyList<double> Doubles(string key) => (IReadOnlyList<double>)_values[key]!;
    public IReadOnlyList<long> Ints(string key) => (IReadOnlyList<long>)_values[key]!;
    public IReadOnlyList<string> Strings(string key) => (IReadOnlyList<string>?)_values.GetValueOrDefault(key) ?? [];
    public Section? Map(string key) => _values.GetValueOrDefault(key) as Section;
    public IReadOnlyList<Section> Maps(string key) => (IReadOnlyList<Section>?)_values.GetValueOrDefault(key) ?? [];

    public SpecError Error(string key, string message) =>
        new(Where(key).File, Where(key).Line, Where(key).Column, PathOf(key), message);

    /// <summary>The section's values as plain data (for hashing and for echoing the effective spec).</summary>
    public SortedDictionary<string, object?> ToPlain()
    {
        var d = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in _values)
            d[k] = v switch
            {
                Section s => s.ToPlain(),
                IReadOnlyList<Section> l => l.Select(s => (object?)s.ToPlain()).ToList(),
                _ => v,
            };
        return d;
    }
}
