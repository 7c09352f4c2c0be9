using NnViz.Engine.Training;

namespace NnViz.Lab.Experiments.Pipeline;

/// <summary>The training engines a spec can choose with <c>training.engine</c> (an explicit list: one line per engine).</summary>
public static class Engines
{
    private static readonly ITrainingEngine[] All = [NativeEngine.Instance];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(e => e.Name)];

    public static ITrainingEngine ByName(string name) =>
        All.FirstOrDefault(e => e.Name == name) ?? throw new ArgumentException($"unknown training engine '{name}' (expected one of {string.Join(", ", Names)})");
}
