namespace NnViz.Lab.Specs;

/// <summary>The shape of a value in a spec.</summary>
public enum FieldType { Int, Double, Bool, String, IntList, DoubleList, StringList, Map, MapList, Any }

/// <summary>
/// One allowed key of a spec section: its type, whether it is required, its default, and a rule on the value
/// (the rule returns null when the value is fine, else the expectation, e.g. "expected 0 &lt; rate &lt; 1").
/// </summary>
public sealed record Field(string Key, FieldType Type, string Doc)
{
    public bool Required { get; init; }
    public object? Default { get; init; }
    public Func<object, string?>? Rule { get; init; }
    /// <summary>For Map and MapList: the schema of the nested section(s).</summary>
    public Schema? Nested { get; init; }
    /// <summary>For String: the only allowed values (listed in the error message).</summary>
    public IReadOnlyList<string>? OneOf { get; init; }
}

/// <summary>The allowed keys of one spec section. Unknown keys are errors (with a "did you mean" hint).</summary>
public sealed class Schema(string name, params Field[] fields)
{
    public string Name { get; } = name;
    public IReadOnlyList<Field> Fields { get; } = fields;

    public Field? Find(string key) => Fields.FirstOrDefault(f => f.Key == key);

    public Schema With(params Field[] more) => new(Name, [.. Fields, .. more]);
}

/// <summary>Reusable value rules with Keras-like wording.</summary>
public static class Rules
{
    public static Func<object, string?> AtLeast(long min) =>
        v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) >= min ? null : $"expected an integer >= {min}";

    public static Func<object, string?> Positive() =>
        v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) > 0 ? null : "expected a number > 0";

    public static Func<object, string?> NonNegative() =>
        v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) >= 0 ? null : "expected a number >= 0";

    public static Func<object, string?> Range(double lo, double hi, bool hiInclusive = false) =>
        v =>
        {
            double d = Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture);
            bool ok = d >= lo && (hiInclusive ? d <= hi : d < hi);
            return ok ? null : $"expected {Fmt(lo)} <= value {(hiInclusive ? "<=" : "<")} {Fmt(hi)}";
        };

    public static Func<object, string?> Interval() =>
        v => v is IReadOnlyList<double> l && l.Count == 2 && l[0] < l[1] ? null : "expected [low, high] with low < high";

    public static Func<object, string?> ListLength(int min, int max = int.MaxValue) =>
        v => v is System.Collections.ICollection c && c.Count >= min && c.Count <= max
            ? null
            : max == int.MaxValue ? $"expected at least {min} item(s)" : $"expected {min}..{max} items";

    private static string Fmt(double d) => d.ToString("G", System.Globalization.CultureInfo.InvariantCulture);
}
