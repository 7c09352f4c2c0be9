using NnViz.Engine;
using NnViz.Engine.Kernels;
using NnViz.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NnViz.Torch;

/// <summary>The native losses as libtorch expressions with the same reductions (Keras's), differentiated by autograd.</summary>
public static class TorchLosses
{
    public static Tensor Compute(ILoss loss, Tensor output, Tensor target)
    {
        // Every Scalar is held until the expression is built (TorchOps: a temporary one can be finalized mid-call).
        using var rows = ((double)output.shape[0]).ToScalar();
        using var eps = LossKernels.Epsilon.ToScalar();
        using var high = (1 - LossKernels.Epsilon).ToScalar();
        switch (loss)
        {
            case Mse:
                return (output - target).square().mean();
            case BinaryCrossEntropy { FromLogits: true }:
                return nn.functional.binary_cross_entropy_with_logits(output, target);
            case BinaryCrossEntropy:
                var q = output.clamp(eps, high);
                return -(target * q.add(eps, TorchOps.One).log()).Plus(target.OneMinus() * q.OneMinus().add(eps, TorchOps.One).log()).mean();
            case SoftmaxCrossEntropy { FromLogits: true }:
                return -(target * output.log_softmax(1)).sum().div(rows);
            case SoftmaxCrossEntropy:
                return -(target * output.clamp(eps, high).log()).sum().div(rows);
            default:
                throw new NotSupportedException($"the torch engine has no loss {loss.Name} ({loss.GetType().Name})");
        }
    }
}

/// <summary>An optimizer's settings, engine-neutral (Keras defaults): kind sgd, adam or rmsprop.</summary>
public sealed record OptimizerSettings(string Kind, double LearningRate, double Momentum = 0, bool Nesterov = false,
    double Beta1 = 0.9, double Beta2 = 0.999, double Rho = 0.9, double Epsilon = 1e-7)
{
    /// <summary>The native optimizer over the native parameters.</summary>
    public IOptimizer Native(IReadOnlyList<NnViz.Engine.Nn.Parameter> ps) => Kind switch
    {
        "sgd" => new Sgd(ps, LearningRate, Momentum, Nesterov),
        "adam" => new Adam(ps, LearningRate, Beta1, Beta2, Epsilon),
        "rmsprop" => new RmsProp(ps, LearningRate, Rho, Epsilon),
        _ => throw new ArgumentException($"unknown optimizer '{Kind}' (expected sgd, adam or rmsprop)"),
    };

    /// <summary>torch.optim's update (SGD, Adam or RMSprop, as TorchSharp 0.107 runs it: <see cref="TorchOptimizer"/>) over
    /// the trainable torch parameters; the same update formulas as ours.</summary>
    public TorchOptimizer Torch(TorchModel model) => new(model.Parameters.Where(p => p.Trainable).Select(p => p.Tensor), this);
}

/// <summary>Minibatch training on the torch engine, batch for batch as <see cref="Trainer"/> does on ours (same shuffle
/// permutation, same batches, same clipping). Each step runs in its own dispose scope: libtorch memory is invisible to
/// the .NET GC, so every temporary is freed when the step ends.</summary>
public static class TorchTrainer
{
    public static EpochResult TrainEpoch(TorchModel model, ILoss loss, TorchOptimizer opt, float[] x, float[] y, int rows,
        int batchSize, Rng? shuffle, Action<int>? afterBatch = null, TrainOptions? options = null)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize));
        int inW = model.InputWidth, outW = model.OutputWidth;
        if (x.Length < (long)rows * inW || y.Length < (long)rows * outW)
            throw new ArgumentException($"x or y too short for {rows} rows ({inW} inputs, {outW} outputs per row)");
        int[]? order = shuffle?.Permutation(rows);
        double total = 0;
        int batches = 0;
        for (int start = 0; start < rows; start += batchSize, batches++)
        {
            int n = Math.Min(batchSize, rows - start);
            var bx = new float[n * inW];
            var by = new float[n * outW];
            for (int i = 0; i < n; i++)
            {
                int src = order is null ? start + i : order[start + i];
                Array.Copy(x, (long)src * inW, bx, (long)i * inW, inW);
                Array.Copy(y, (long)src * outW, by, (long)i * outW, outW);
            }
            total += Step(model, loss, opt, bx, by, n, options) * n;
            afterBatch?.Invoke(batches);
        }
        return new EpochResult(total / rows, batches);
    }

    /// <summary>One optimizer step on n rows; returns the batch loss.</summary>
    public static double Step(TorchModel model, ILoss loss, TorchOptimizer opt, float[] bx, float[] by, int n, TrainOptions? options = null)
    {
        using var scope = NewDisposeScope();
        opt.ZeroGrad();
        var output = model.Forward(tensor(bx, [n, model.InputWidth]), train: true);
        var l = TorchLosses.Compute(loss, output, tensor(by, [n, model.OutputWidth]));
        l.backward();
        var trainable = model.Parameters.Where(p => p.Trainable).Select(p => p.Tensor).ToArray();
        if (options?.ClipNorm is double clip) nn.utils.clip_grad_norm_(trainable, clip);
        if (options?.ClipValue is double cv) nn.utils.clip_grad_value_(trainable, cv);
        opt.Step();
        return l.item<float>();
    }
}
