using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments;

/// <summary>
/// One kind of experiment (curve fitting, hidden plane, decision boundary, ...): what its spec may say beyond the
/// common sections, how to check it, and how to run it. Kinds are found by reflection, so a new kind is one new
/// file; a new experiment of an existing kind is one new YAML file.
/// </summary>
public interface IExperimentKind
{
    /// <summary>The value of <c>kind:</c> in a spec.</summary>
    string Kind { get; }

    /// <summary>One line for <c>nnviz list</c>.</summary>
    string Summary { get; }

    /// <summary>The data kinds this experiment accepts and their parameter schemas.</summary>
    IReadOnlyDictionary<string, Schema> DataSchemas { get; }

    /// <summary>Schema of the kind-specific <c>options:</c> section.</summary>
    Schema OptionsSchema { get; }

    /// <summary>Figure ids a spec may list under <c>figures:</c> (all by default).</summary>
    IReadOnlyList<string> FigureIds { get; }

    /// <summary>Probe ids a spec may list under <c>record.probes:</c>.</summary>
    IReadOnlyList<string> ProbeIds { get; }

    /// <summary>Checks that need the whole spec (shape mismatches, loss vs output activation); adds errors.</summary>
    void Validate(ExperimentSpec spec, ICollection<SpecError> errors);

    /// <summary>Trains, records, projects and renders; writes artifacts through the context; returns page blocks and metrics.</summary>
    ExperimentOutput Run(ExperimentSpec spec, RunContext context);
}

/// <summary>The registry of experiment kinds in this assembly.</summary>
public static class ExperimentKinds
{
    private static readonly Lazy<IReadOnlyDictionary<string, IExperimentKind>> All = new(() =>
        typeof(IExperimentKind).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IExperimentKind).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IExperimentKind)Activator.CreateInstance(t)!)
            .ToDictionary(k => k.Kind, StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, IExperimentKind> ByName => All.Value;

    public static IReadOnlyList<string> Names => [.. All.Value.Keys.Order(StringComparer.Ordinal)];
}
