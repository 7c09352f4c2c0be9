using NnViz.Lab.Experiments.CurveFit;
using NnViz.Lab.Experiments.DecisionBoundary;
using NnViz.Lab.Experiments.EmbeddingAnimator;
using NnViz.Lab.Experiments.HiddenPlane;
using NnViz.Lab.Experiments.ImageProjections;
using NnViz.Lab.Experiments.ImdbLstm;
using NnViz.Lab.Experiments.NeuronWeights;
using NnViz.Lab.Experiments.Occlusion;

namespace NnViz.Lab.Experiments;

/// <summary>The experiment kinds of NnVizRepro: an explicit list, one line per kind.</summary>
public static class ExperimentKinds
{
    public static KindRegistry Default { get; } = new(
    [
        new CurveFitKind(),
        new HiddenPlaneKind(),
        new DecisionBoundaryKind(),
        new NeuronWeightsKind(),
        new ProjectionsKind(),
        new EmbeddingAnimatorKind(),
        new OcclusionKind(),
        new ImdbLstmKind(),
    ]);

    public static IReadOnlyDictionary<string, IExperimentKind> ByName => Default.ByName;

    public static IReadOnlyList<string> Names => Default.Names;

    /// <summary>The metrics a kind declares (for checking that a claim names a metric the kind can measure).</summary>
    public static IReadOnlyList<MetricInfo> MetricsOf(string kind) => Default.MetricsOf(kind);

    /// <summary>True when the kind declares the metric under this key (<c>name</c>, or <c>name</c> with a member).</summary>
    public static bool Declares(string kind, string metric, string? member) => Default.Declares(kind, metric, member);
}

/// <summary>
/// A set of experiment kinds by name. The loader and the runner take one (default: <see cref="ExperimentKinds.Default"/>),
/// so a test or a tool can run specs of a kind of its own with <see cref="With"/>.
/// </summary>
public sealed class KindRegistry
{
    public KindRegistry(IEnumerable<IExperimentKind> kinds)
    {
        var byName = new Dictionary<string, IExperimentKind>(StringComparer.Ordinal);
        foreach (var k in kinds)
            if (!byName.TryAdd(k.Kind, k)) throw new ArgumentException($"two experiment kinds are called '{k.Kind}'");
        ByName = byName;
        Names = [.. byName.Keys.Order(StringComparer.Ordinal)];
    }

    public IReadOnlyDictionary<string, IExperimentKind> ByName { get; }

    public IReadOnlyList<string> Names { get; }

    /// <summary>These kinds and one more.</summary>
    public KindRegistry With(IExperimentKind kind) => new([.. ByName.Values, kind]);

    public IReadOnlyList<MetricInfo> MetricsOf(string kind) => ByName[kind].Metrics;

    public bool Declares(string kind, string metric, string? member) => ByName[kind].Metrics.Any(m => m.Matches(metric, member));
}
