using NnViz.Engine.Training;

namespace NnViz.Lab.Specs;

/// <summary>The typed <c>training:</c> section: epochs, minibatch size, shuffling, the seed of every stream, the engine.</summary>
public sealed record TrainingSettings(int Epochs, int BatchSize, bool Shuffle, ulong Seed, string Engine, EarlyStoppingSettings? EarlyStopping)
{
    public static TrainingSettings Bind(Section t) => new(
        t.Int("epochs"), t.Int("batch_size"), t.Bool("shuffle"), (ulong)t.Int("seed"), t.String("engine"),
        t.Map("early_stopping") is { } es ? new EarlyStoppingSettings(es.String("monitor"), es.Int("patience")) : null);
}

/// <summary>Keras EarlyStopping on a validation metric (val_loss or val_accuracy) with a patience in epochs.</summary>
public sealed record EarlyStoppingSettings(string Monitor, int Patience)
{
    public bool HigherIsBetter => Monitor == "val_accuracy";
}

/// <summary>The typed <c>record:</c> section: the probes asked for (empty = the kind's defaults) and the recorded layer.</summary>
/// <param name="Checkpoints">record.checkpoints as written (see <c>Pipeline.CheckpointReplay</c>); empty: the kind trains.</param>
public sealed record RecordSettings(IReadOnlyList<string> Probes, string? Layer, IReadOnlyList<string> Checkpoints)
{
    public static RecordSettings Bind(Section r) => new(r.Strings("probes"), r.StringOrNull("layer"), r.Strings("checkpoints"));

    /// <summary>A probe that runs unless the spec lists others (an empty list means every default probe).</summary>
    public bool WantsOrDefault(string probe) => Probes.Count == 0 || Probes.Contains(probe);
}

/// <summary>Binding of the <c>optimizer:</c> section to the engine's settings.</summary>
public static class OptimizerBinding
{
    public static OptimizerSettings Bind(Section o) => new(o.String("kind"), o.Double("learning_rate"), o.Double("momentum"), o.Bool("nesterov"),
        o.Has("clip_norm") ? o.Double("clip_norm") : null);
}
