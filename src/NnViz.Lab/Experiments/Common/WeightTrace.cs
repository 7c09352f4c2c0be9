using NnViz.Engine.Nn;
using NnViz.Lab.Runs;

namespace NnViz.Lab.Experiments.Common;

/// <summary>
/// The "weights" probe: every parameter of a model, flattened in parameter order, once per checkpoint.
/// Written as data/weights_&lt;member&gt;.npy (checkpoints x parameters) with an index of names and shapes.
/// </summary>
public sealed class WeightTrace
{
    public List<float[]> Checkpoints { get; init; } = [];
    public List<string> Names { get; init; } = [];
    public List<int[]> Shapes { get; init; } = [];

    public static WeightTrace For(IReadOnlyList<Parameter> parameters) => new()
    {
        Names = [.. parameters.Select(p => p.Name)],
        Shapes = [.. parameters.Select(p => p.Shape)],
    };

    public void Record(IReadOnlyList<Parameter> parameters) =>
        Checkpoints.Add([.. parameters.SelectMany(p => p.Value)]);

    public void Write(ArtifactSink sink, string member)
    {
        if (Checkpoints.Count == 0) return;
        int width = Checkpoints[0].Length;
        sink.Npy($"data/weights_{member}.npy", [.. Checkpoints.SelectMany(c => c)], Checkpoints.Count, width);
        sink.Json($"data/weights_{member}.json", Names.Select((n, i) => new { name = n, shape = Shapes[i] }).ToList());
    }
}
