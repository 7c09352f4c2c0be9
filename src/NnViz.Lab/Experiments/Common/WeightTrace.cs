using NnViz.Engine.Training;
using NnViz.Lab.Experiments.Pipeline;
using NnViz.Lab.Runs;

namespace NnViz.Lab.Experiments.Common;

/// <summary>
/// The "weights" probe: every parameter of a model, flattened in parameter order, once per checkpoint.
/// Written as data/weights_&lt;member&gt;.npy (checkpoints x parameters) with an index of names and shapes.
/// </summary>
public sealed class WeightTrace
{
    public const string ProbeName = "weights";

    public List<float[]> Checkpoints { get; init; } = [];
    public List<string> Names { get; init; } = [];
    public List<int[]> Shapes { get; init; } = [];

    /// <summary>The probe recording all parameters at every checkpoint.</summary>
    public static Probe Probe() => Pipeline.Probe.Array(ProbeName, c => [.. c.Model.Parameters().SelectMany(p => p.Values)]);

    /// <summary>The trace of a recorded run (null when the probe did not run).</summary>
    public static WeightTrace? From(TrainingLog log, ITrainableModel model)
    {
        if (!log.Arrays.TryGetValue(ProbeName, out var checkpoints)) return null;
        var ps = model.Parameters();
        return new WeightTrace { Checkpoints = [.. checkpoints], Names = [.. ps.Select(p => p.Name)], Shapes = [.. ps.Select(p => p.Shape)] };
    }

    public void Write(ArtifactSink sink, string member)
    {
        if (Checkpoints.Count == 0) return;
        int width = Checkpoints[0].Length;
        sink.Npy($"data/weights_{member}.npy", [.. Checkpoints.SelectMany(c => c)], Checkpoints.Count, width);
        sink.Json($"data/weights_{member}.json", Names.Select((n, i) => new { name = n, shape = Shapes[i] }).ToList());
    }
}
