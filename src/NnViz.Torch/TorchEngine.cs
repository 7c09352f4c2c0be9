using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Engine.Training;
using static TorchSharp.torch;

namespace NnViz.Torch;

/// <summary>
/// The torch engine behind one training run, shaped for the pipeline's engine seam: a native model (built from the
/// spec's layers, initialised by the native initialiser) gets a libtorch twin that trains; after every epoch, and
/// before every afterBatch callback, the twin's values are copied back into the native model, so probes, recorders
/// and serialisers that read the native model see the torch-trained weights.
/// </summary>
public sealed class TorchEngine : IDisposable
{
    private readonly TorchOptimizer _optimizer;
    private readonly ILoss _loss;
    private readonly TrainOptions? _options;

    /// <param name="native">The model as the native engine built it (values are copied from it once).</param>
    /// <param name="buildRng">The RNG the native model was built with (dropout masks fork from it, as in the native layers).</param>
    /// <param name="threads">libtorch intra-op threads (process-wide; results are the same bytes for any count).</param>
    public TorchEngine(IModel native, Rng buildRng, ILoss loss, OptimizerSettings optimizer, TrainOptions? options = null, int threads = 1)
    {
        TorchRuntime.Ensure(threads);
        Native = native;
        Model = TorchModel.FromNative(native, buildRng);
        _loss = loss;
        _options = options;
        _optimizer = optimizer.Torch(Model);
    }

    public IModel Native { get; }
    public TorchModel Model { get; }

    /// <summary>One epoch, batch for batch as the native <see cref="Trainer.TrainEpoch(IModel, ILoss, IOptimizer, float[], float[], int, int, Rng?, Action{int}?, TrainOptions?)"/>.</summary>
    public EpochResult TrainEpoch(float[] x, float[] y, int rows, int batchSize, Rng? shuffle, Action<int>? afterBatch = null)
    {
        Action<int>? after = afterBatch is null ? null : b => { Model.CopyTo(Native); afterBatch(b); };
        var result = TorchTrainer.TrainEpoch(Model, _loss, _optimizer, x, y, rows, batchSize, shuffle, after, _options);
        Model.CopyTo(Native);
        return result;
    }

    /// <summary>Inference on the torch twin (rows x input width -> rows x output width), with named layers' outputs.</summary>
    public float[] Predict(float[] x, int rows, IReadOnlyCollection<string> capture, out IReadOnlyDictionary<string, float[]> captured)
        => Model.Predict(x, rows, capture, out captured);

    /// <summary>Parameter values by native name (Keras layout).</summary>
    public IReadOnlyDictionary<string, float[]> Parameters() => Model.Parameters.ToDictionary(p => p.Name, p => p.Values(), StringComparer.Ordinal);

    public void Dispose()
    {
        _optimizer.Dispose();
        Model.Dispose();
    }
}
