using NnViz.Engine.Training;

namespace NnViz.Lab.Experiments.Pipeline;

/// <summary>What a probe sees at one checkpoint: the epoch (0 = before training), the model, and the earlier probes' values.</summary>
public sealed class Checkpoint(int epoch, ITrainableModel model)
{
    internal Dictionary<string, float[]> Arrays { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, double> Numbers { get; } = new(StringComparer.Ordinal);

    public int Epoch { get; } = epoch;
    public ITrainableModel Model { get; } = model;

    /// <summary>The array an earlier probe recorded at this checkpoint (probes run in the order given).</summary>
    public float[] Array(string probe) => Arrays[probe];
}

/// <summary>
/// A named measurement taken at every checkpoint: an array (the model's curve on a grid, a layer's activations), a
/// number (accuracy), or a side effect for what is neither (a model file kept by the kind). Probes only read the
/// model (<see cref="ITrainableModel.Predict"/> draws nothing random), so they never change how training goes.
/// An array probe with <see cref="Keep"/> false is seen by the later probes of its checkpoint but not kept in the log.
/// </summary>
public sealed record Probe(string Name, Func<Checkpoint, float[]>? Values = null, Func<Checkpoint, double>? Number = null, Action<Checkpoint>? Effect = null,
    bool Keep = true)
{
    public static Probe Array(string name, Func<Checkpoint, float[]> values, bool keep = true) => new(name, Values: values, Keep: keep);
    public static Probe Scalar(string name, Func<Checkpoint, double> number) => new(name, Number: number);
    public static Probe Each(string name, Action<Checkpoint> effect) => new(name, Effect: effect);
}

/// <summary>
/// Everything recorded while training one model: the training loss per epoch and each probe's values per checkpoint.
/// With a probe before training, index e is epoch e (index 0 = the untrained model, its loss NaN: no epoch ran);
/// without, index e is epoch e + 1. <see cref="Checkpoints"/> is the number recorded (early stopping may end sooner).
/// </summary>
public sealed record TrainingLog(double[] Loss, Dictionary<string, double[]> Numbers, Dictionary<string, float[][]> Arrays, int Checkpoints)
{
    public double[] Number(string probe) => Numbers[probe];
    public float[][] Array(string probe) => Arrays[probe];
}

/// <summary>Training rows: x (rows x input width) and y (rows x output width).</summary>
public sealed record TrainingSet(float[] X, float[] Y, int Rows);
