using NnViz.Engine.Training;
using NnViz.Lab.Specs;
using NnViz.Torch;

namespace NnViz.Lab.Experiments.Pipeline;

/// <summary>The training engines a spec can choose with <c>training.engine</c> (an explicit list: one line per engine).</summary>
public static class Engines
{
    private static readonly ITrainingEngine[] All =
    [
        NativeEngine.Instance,          // native: NnViz.Engine, the default
        TorchTrainingEngine.Instance,   // torch: libtorch 2.10 through TorchSharp, starting from the native initialiser's values
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(e => e.Name)];

    public static ITrainingEngine ByName(string name) =>
        All.FirstOrDefault(e => e.Name == name) ?? throw new ArgumentException($"unknown training engine '{name}' (expected one of {string.Join(", ", Names)})");

    /// <summary>
    /// For kinds that read NnViz.Engine's own model (model files, GraphModel internals) beyond the training seam: an
    /// engine other than native is an error at <c>training.engine</c>, with the reason.
    /// </summary>
    public static void RequireNative(ExperimentSpec spec, string why, ICollection<SpecError> errors)
    {
        string engine = spec.Training.StringOrNull("engine") ?? "native";
        if (engine != NativeEngine.Instance.Name)
            errors.Add(spec.Training.Error("engine",
                $"kind '{spec.Kind}' trains on the native engine only ({why}); remove training.engine: {engine} (or --engine {engine}) for this spec"));
    }
}
