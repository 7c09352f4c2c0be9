using System.Runtime.CompilerServices;
using NnViz.Engine.Nn;

namespace NnViz.Engine.Training;

/// <summary>Mean training loss of an epoch (batch losses weighted by batch size, summed in batch order) and the batch count.</summary>
public sealed record EpochResult(double Loss, int Batches);

/// <summary>Minibatch training. Batch buffers are allocated once per epoch; layers reuse their own, so a step allocates nothing.</summary>
public static class Trainer
{
    /// <summary>One epoch over x (rows x model input width) and y (rows x output width). With a shuffle RNG the
    /// rows are permuted afresh every epoch (Keras shuffle=True); without one they go in order.
    /// afterBatch(b) runs after the optimizer step of batch b (probes may call Predict there).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static EpochResult TrainEpoch(Sequential model, ILoss loss, IOptimizer opt, float[] x, float[] y, int rows,
        int batchSize, Rng? shuffle, Action<int>? afterBatch = null)
        => TrainEpoch((IModel)model, loss, opt, x, y, rows, batchSize, shuffle, afterBatch);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static EpochResult TrainEpoch(IModel model, ILoss loss, IOptimizer opt, float[] x, float[] y, int rows,
        int batchSize, Rng? shuffle, Action<int>? afterBatch = null, TrainOptions? options = null)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize));
        int inW = model.InputWidth, outW = model.OutputWidth;
        if (x.Length < (long)rows * inW || y.Length < (long)rows * outW)
            throw new ArgumentException($"x or y too short for {rows} rows ({inW} inputs, {outW} outputs per row)");
        int[]? order = shuffle?.Permutation(rows);
        int cap = Math.Min(batchSize, rows);
        var bx = new float[cap * inW];
        var by = new float[cap * outW];
        var grad = new float[cap * outW];
        double total = 0;
        int batches = 0;
        for (int start = 0; start < rows; start += batchSize, batches++)
        {
            int n = Math.Min(batchSize, rows - start);
            for (int i = 0; i < n; i++)
            {
                int src = order is null ? start + i : order[start + i];
                Array.Copy(x, (long)src * inW, bx, (long)i * inW, inW);
                Array.Copy(y, (long)src * outW, by, (long)i * outW, outW);
            }
            total += Step(model, loss, opt, bx, by, grad, n, options) * n;
            afterBatch?.Invoke(batches);
        }
        return new EpochResult(total / rows, batches);
    }

    /// <summary>One optimizer step on a batch of n rows; grad is scratch of at least n x output width. Returns the batch loss.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Step(IModel model, ILoss loss, IOptimizer opt, float[] bx, float[] by, float[] grad, int n, TrainOptions? options = null)
    {
        var ps = model.Parameters;
        for (int i = 0; i < ps.Count; i++) ps[i].ZeroGrad();
        var output = model.Forward(model.InputFlow(bx, n), Mode.Train);
        int outW = model.OutputWidth;
        double l = loss.Compute(output.Data.AsSpan(0, n * outW), by.AsSpan(0, n * outW), grad.AsSpan(0, n * outW), n, outW);
        model.Backward(new Flow(grad, n, output.Steps, output.Features, output.Mask));
        if (options?.ClipNorm is double clip) GradientClipping.ClipByGlobalNorm(ps, clip);
        if (options?.ClipValue is double cv) GradientClipping.ClipByValue(ps, cv);
        opt.Step(model.Compute);
        return l;
    }
}

/// <summary>Optional training settings: gradient clipping by global norm and/or by value.</summary>
public sealed record TrainOptions(double? ClipNorm = null, double? ClipValue = null);
