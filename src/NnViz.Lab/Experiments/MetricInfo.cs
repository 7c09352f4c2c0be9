namespace NnViz.Lab.Experiments;

/// <summary>Whether a metric is measured once per experiment or once per family member (keyed <c>name[member]</c>).</summary>
public enum MetricScope
{
    /// <summary>One value per experiment: <c>name</c>.</summary>
    Experiment,

    /// <summary>One value per family member: <c>name[member]</c>.</summary>
    PerMember,

    /// <summary><c>name</c> for a single model, <c>name[member]</c> for each member of a family.</summary>
    PerMemberOfFamily,
}

/// <summary>A metric a kind can emit: its name, what it means in one line, and how it is keyed.</summary>
public sealed record MetricInfo(string Name, string Meaning, MetricScope Scope = MetricScope.Experiment)
{
    /// <summary>True when a metric key (<c>name</c> or <c>name[member]</c>) is this metric's.</summary>
    public bool Matches(string metric, string? member) => metric == Name && Scope switch
    {
        MetricScope.Experiment => member is null,
        MetricScope.PerMember => member is not null,
        _ => true,
    };

    /// <summary>Splits a metrics.json key into name and member.</summary>
    public static (string Name, string? Member) Parse(string key) =>
        key.EndsWith(']') && key.IndexOf('[') is > 0 and var i ? (key[..i], key[(i + 1)..^1]) : (key, null);
}
