using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Engine.Training;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.Animator;

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
    /// <summary>The layer recorded: record.layer when given, else the layer before the output.</summary>
    public static string RecordedLayer(ExperimentSpec spec, Sequential model) =>
        spec.Record.StringOrNull("layer") is { } name && model.Layers.Any(l => l.Name == name) ? name : model.Layers[^2].Name;

    /// <summary>
    /// Trains <paramref name="member"/> for up to spec.Epochs epochs with Keras-style early stopping on the validation
    /// loss (training.early_stopping), recording after each epoch. <paramref name="vectors"/>, when given, initialises the
    /// embedding (frozen when the layer says trainable: false).
    /// </summary>
    public static AnimatorRun Train(ExperimentSpec spec, ModelMember member, TextTask task, float[]? vectors, Rng root, Action<double> progress)
    {
        var model = ModelFactory.Build(member, task.Steps, root, task.Vocabulary.Size);
        var embedding = model.Layers.OfType<Embedding>().FirstOrDefault();
        if (embedding is not null && vectors is not null && vectors.Length == embedding.Weights.Length) embedding.SetVectors(vectors);
        float[]? embStart = (float[]?)embedding?.Weights.Value.Clone();
        var loss = ModelFactory.Loss(spec);
        var opt = ModelFactory.Optimizer(spec, model.Parameters);
        var shuffle = spec.Training.Bool("shuffle") ? root.Fork($"shuffle/{member.Name}") : null;
        string layer = RecordedLayer(spec, model);
        var stopping = spec.Training.Map("early_stopping");
        bool byAccuracy = stopping?.String("monitor") == "val_accuracy";
        var es = stopping is null ? null : new EarlyStopping(stopping.Int("patience"), higherIsBetter: byAccuracy);
        var frames = new List<float[]>();
        var trainLoss = new List<double>();
        var valLoss = new List<double>();
        var valAcc = new List<double>();
        float[] probs = [];
        int dim = 0;
        for (int epoch = 1; epoch <= spec.Epochs; epoch++)
        {
            trainLoss.Add(Trainer.TrainEpoch(model, loss, opt, task.TrainX, task.TrainY, task.TrainRows, spec.BatchSize, shuffle, null, ModelFactory.TrainOptions(spec)).Loss);
            probs = model.Predict(task.ValX, task.ValRows, [layer], out var captured);
            frames.Add(captured[layer]);
            dim = captured[layer].Length / task.ValRows;
            valLoss.Add(BinaryLoss(probs, task.ValY));
            valAcc.Add(Accuracy(probs, task.ValY));
            progress((double)epoch / spec.Epochs);
            // Early stopping stops training but keeps the recorded epochs (the animation shows what happened).
            if (es is not null && es.Update(byAccuracy ? valAcc[^1] : valLoss[^1], model.Parameters)) break;
        }
        return new AnimatorRun(member.Name, layer, dim, [.. frames], [.. trainLoss], [.. valLoss], [.. valAcc], frames.Count, probs,
            embStart, (float[]?)embedding?.Weights.Value.Clone(), embedding?.Dim ?? 0);
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

    /// <summary>Fraction of outputs on the right side of 0.5 (Keras' binary accuracy, averaged over labels).</summary>
    public static double Accuracy(float[] p, float[] y)
    {
        int right = 0;
        for (int i = 0; i < p.Length; i++) right += (p[i] >= 0.5f) == (y[i] >= 0.5f) ? 1 : 0;
        return (double)right / p.Length;
    }
}
