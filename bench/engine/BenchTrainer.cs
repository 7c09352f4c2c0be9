using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Engine.Training;
using NnViz.Torch;
using OptimizerSettings = NnViz.Torch.OptimizerSettings;

namespace NnViz.Bench.Engine;

/// <summary>The training engine a workload runs on: the native engine, or the torch engine (src/NnViz.Torch: a libtorch
/// twin of the same native model, the same initial values, trained by torch.optim; probes predict on the twin).</summary>
public interface IBenchTrainer
{
    EpochResult TrainEpoch(float[] x, float[] y, int rows, int batchSize, Rng? shuffle);
    float[] Predict(float[] x, int rows, IReadOnlyCollection<string>? capture = null);
}

public static partial class Workloads
{
    /// <summary>native or torch (bench/engine --engine).</summary>
    public static string Engine { get; set; } = "native";

    /// <summary>Binds a built model to its loss and optimizer on <see cref="Engine"/>; buildRng is the stream the model was
    /// built with (the torch twin forks its dropout masks from it, as the native layers do).</summary>
    private static IBenchTrainer Train(Sequential model, Rng buildRng, ILoss loss, OptimizerSettings optimizer, int threads) =>
        Engine switch
        {
            "native" => new NativeTrainer(model, loss, optimizer.Native(model.Parameters)),
            "torch" => TorchTrainer(model, buildRng, loss, optimizer, threads),
            _ => throw new ArgumentException($"unknown engine '{Engine}' (native or torch)"),
        };

    private static IBenchTrainer TorchTrainer(Sequential model, Rng buildRng, ILoss loss, OptimizerSettings optimizer, int threads)
    {
        TorchRuntime.Ensure(threads);
        TorchRuntime.SetFlushDenormal(true); // as PyTorch is run (compare.sh): no denormal slow path on either side
        return new TorchBench(new TorchEngine(model, buildRng, loss, optimizer, threads: threads));
    }

    private sealed class NativeTrainer(Sequential model, ILoss loss, IOptimizer optimizer) : IBenchTrainer
    {
        public EpochResult TrainEpoch(float[] x, float[] y, int rows, int batchSize, Rng? shuffle) =>
            Trainer.TrainEpoch(model, loss, optimizer, x, y, rows, batchSize, shuffle);
        public float[] Predict(float[] x, int rows, IReadOnlyCollection<string>? capture = null) =>
            capture is null ? model.Predict(x, rows) : model.Predict(x, rows, capture, out _);
    }

    private sealed class TorchBench(TorchEngine engine) : IBenchTrainer
    {
        public EpochResult TrainEpoch(float[] x, float[] y, int rows, int batchSize, Rng? shuffle) =>
            engine.TrainEpoch(x, y, rows, batchSize, shuffle);
        public float[] Predict(float[] x, int rows, IReadOnlyCollection<string>? capture = null) =>
            engine.Predict(x, rows, capture ?? [], out _);
    }
}
