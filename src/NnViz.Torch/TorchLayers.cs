using NnViz.Engine;
using NnViz.Engine.Kernels;
using NnViz.Engine.Nn;
using TorchSharp;
using static TorchSharp.torch;
using static NnViz.Torch.TorchOps;

namespace NnViz.Torch;

/// <summary>Dense: y = f(x·W + b) on the last axis (W in x units, as the native layer).</summary>
public sealed class TorchDense(Dense native) : TorchLayer(native.Name)
{
    private readonly TwinParameter _w = new(native.Kernel), _b = new(native.Bias);
    public override IReadOnlyList<TwinParameter> Parameters => [_w, _b];

    public override TorchFlow Forward(TorchFlow x, bool train)
    {
        var z = x.Data.matmul(_w.Tensor).Plus(_b.Tensor);
        var y = native.Activation switch
        {
            Activation.Linear => z,
            Activation.Tanh => z.tanh(),
            Activation.Sigmoid => z.sigmoid(),
            Activation.Relu => z.relu(),
            Activation.Softmax => z.softmax(-1),
            _ => throw new NotSupportedException($"{Name}: activation {native.Activation}"),
        };
        return x with { Data = y };
    }
}

/// <summary>Embedding: token ids (floats, one feature per step) to vectors; with MaskZero id 0 is padding and the mask
/// starts here (combined with any incoming mask, as in the native layer). Frozen when the native one is.</summary>
public sealed class TorchEmbedding(Embedding native) : TorchLayer(native.Name)
{
    private readonly TwinParameter _w = new(native.Weights);
    public override IReadOnlyList<TwinParameter> Parameters => [_w];

    public override TorchFlow Forward(TorchFlow x, bool train)
    {
        if (x.Features != 1) throw new ArgumentException($"{Name}: expects token ids (1 feature per step), got {x.Features}");
        var ids = x.Data.squeeze(2).to_type(ScalarType.Int64);
        if (ids.min().item<long>() < 0 || ids.max().item<long>() >= native.VocabSize)
            throw new ArgumentOutOfRangeException(nameof(x), $"{Name}: token id outside [0, {native.VocabSize})");
        var y = _w.Tensor.index_select(0, ids.flatten()).view(x.Rows, x.Steps, native.Dim);
        var mask = x.Mask;
        if (native.MaskZero) mask = mask is null ? ids.ne(Zero) : ids.ne(Zero).logical_and(mask);
        return new TorchFlow(y, mask);
    }
}

/// <summary>Inverted dropout whose keep-masks come from the same named RNG fork as the native layer's, drawn in the
/// same order, so both engines drop the same units step after step.</summary>
public sealed class TorchDropout(Dropout native, Rng buildRng) : TorchLayer(native.Name)
{
    private readonly Rng _rng = buildRng.Fork($"dropout/{native.Name}");

    public override TorchFlow Forward(TorchFlow x, bool train)
    {
        if (!train || native.Rate <= 0) return x;
        int n = (int)x.Data.numel();
        var keep = new float[n];
        float scale = (float)(1 / (1 - native.Rate)), rate = (float)native.Rate;
        for (int i = 0; i < n; i++) keep[i] = _rng.NextFloat() >= rate ? scale : 0f;
        return x with { Data = x.Data * tensor(keep, x.Data.shape) };
    }
}

/// <summary>Global average or max pooling over time, leaving padded steps out (a row with none gives zeros).</summary>
public sealed class TorchPooling(GlobalPooling1D native) : TorchLayer(native.Name)
{
    public override TorchFlow Forward(TorchFlow x, bool train)
    {
        var mask = (x.Mask ?? ones(x.Rows, x.Steps, dtype: ScalarType.Bool)).unsqueeze(2);
        var count = mask.sum(1, type: ScalarType.Float32);             // rows x 1
        var any = count.gt(Zero);
        Tensor y;
        if (native.Max)
        {
            using var lowest = float.NegativeInfinity.ToScalar(); // held until the call returns (TorchOps)
            var filled = x.Data.masked_fill(mask.logical_not(), lowest);
            y = where(any, filled.max(1).values, zeros_like(count));
        }
        else
        {
            using var one = 1f.ToScalar(); // held until the call returns (TorchOps)
            y = where(any, (x.Data * mask).sum(1) / count.clamp_min(one), zeros_like(count));
        }
        return new TorchFlow(y.unsqueeze(1));
    }
}

/// <summary>Flatten: rows x T x F to rows x 1 x (T·F); the mask ends here.</summary>
public sealed class TorchFlatten(Flatten native) : TorchLayer(native.Name)
{
    public override TorchFlow Forward(TorchFlow x, bool train) => new(x.Data.reshape(x.Rows, 1, x.Steps * x.Features));
}

/// <summary>Concatenate along features (inputs with equal steps); the first input's mask is kept.</summary>
public sealed class TorchConcatenate(Concatenate native) : TorchLayer(native.Name)
{
    public TorchFlow Forward(IReadOnlyList<TorchFlow> xs) => new(cat(xs.Select(f => f.Data).ToArray(), 2), xs[0].Mask);
    public override TorchFlow Forward(TorchFlow x, bool train) => Forward([x]);
}
