using NnViz.Engine;
using NnViz.Engine.Training;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Experiments.Pipeline;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.EmbeddingAnimator;

/// <summary>
/// One trained member: the recorded representation of every validation text after each epoch (Frames[e] is
/// rows x Dim for epoch e + 1), the losses and the validation accuracy per epoch, the final validation
/// probabilities (rows x labels), and the embedding matrix at the start and end (for word drift).
/// </summary>
public sealed record AnimatorRun(
    string Member, string Layer, int Dim, float[][] Frames, double[] TrainLoss, double[] ValLoss, double[] ValAccuracy,
    int StoppedAfter, float[] FinalProbabilities, float[]? EmbeddingStart, float[]? EmbeddingEnd, int EmbeddingDim);

public static class AnimatorTraining
{
    /// <summary>The layer recorded: record.layer when it names a layer of the member, else the layer before the output.</summary>
    public static string RecordedLayer(ExperimentSpec spec, ModelMember member) =>
        spec.Recording.Layer is { } name && member.Layers.Any(l => l.Name == name) ? name : member.Layers[^2].Name;

    /// <summary>
    /// Trains <paramref name="member"/> for up to spec.Epochs epochs with Keras-style early stopping on the validation
    /// loss (training.early_stopping), recording after each epoch (the animation starts at epoch 1). <paramref name="vectors"/>,
    /// when given, initialises the embedding (frozen when the layer says trainable: false).
    /// </summary>
    public static AnimatorRun Train(ExperimentSpec spec, ModelMember member, TextTask task, float[]? vectors, Rng root, Action<double> progress)
    {
        ITrainableModel model = ModelFactory.Build(spec, member, task.Steps, root, task.Vocabulary.Size);
        var settings = spec.Train;
        if (CheckpointReplay.Paths(spec) is { Count: > 0 } checkpoints) // record.checkpoints: the user's epochs instead of training
        {
            model = CheckpointReplay.Create(model, ModelFactory.Recipe(spec, member, task.Steps, task.Vocabulary.Size), checkpoints);
            settings = settings with { Epochs = checkpoints.Count, EarlyStopping = null };
        }
        string? embedding = member.Layers.FirstOrDefault(l => l.Kind == "embedding")?.Name is { } e ? $"{e}/embeddings" : null;
        var table = embedding is null ? null : model.Parameters().First(p => p.Name == embedding);
        if (table is not null && vectors is not null && vectors.Length == table.Values.Length) model.SetParameter(embedding!, vectors);
        float[]? embStart = embedding is null ? null : model.Parameter(embedding);
        string layer = RecordedLayer(spec, member);
        float[] probs = [];
        Probe[] probes =
        [
            Probe.Array("representation", c => { probs = c.Model.Predict(task.ValX, task.ValRows, [layer], out var cap); return cap[layer]; }),
            Probe.Scalar("val_loss", _ => BinaryLoss(probs, task.ValY)),
            Probe.Scalar("val_accuracy", _ => Accuracy.Binary(probs, task.ValY)),
        ];
        // Early stopping stops training but keeps the recorded epochs (the animation shows what happened).
        var log = EpochRecorder.Run(model, new TrainingSet(task.TrainX, task.TrainY, task.TrainRows), settings, ModelFactory.Shuffle(spec, root, $"shuffle/{member.Name}"),
            probes, progress, new RecorderOptions(ProbeBeforeTraining: false, StopOn: spec.Train.EarlyStopping?.Monitor));
        var frames = log.Array("representation");
        return new AnimatorRun(member.Name, layer, frames[^1].Length / task.ValRows, frames, log.Loss, log.Number("val_loss"), log.Number("val_accuracy"),
            log.Checkpoints, probs, embStart, embedding is null ? null : model.Parameter(embedding), table?.Shape[1] ?? 0);
    }

    /// <summary>Mean binary cross-entropy over all outputs (probabilities clipped to [1e-7, 1 - 1e-7] as Keras does).</summary>
    public static double BinaryLoss(float[] p, float[] y)
    {
        double s = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double q = Math.Clamp(p[i], 1e-7, 1 - 1e-7);
            s -= y[i] * Math.Log(q) + (1 - y[i]) * Math.Log(1 - q);
        }
        return s / p.Length;
    }
}
