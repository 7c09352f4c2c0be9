using NnViz.Engine;
using NnViz.Engine.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace NnViz.Torch;

/// <summary>
/// A model of the torch engine, mirroring a native <see cref="Sequential"/> or <see cref="GraphModel"/> layer by layer:
/// same layer specs, same parameter names and Keras layouts, parameter values copied from the native initialiser,
/// dropout masks from the same RNG forks. Inputs are rows of floats exactly as the native model takes them.
/// </summary>
public sealed class TorchModel : IDisposable
{
    private readonly TorchLayer[] _layers;
    private readonly int[][] _sources;               // >= 0: earlier node; < 0: graph input ~index
    private readonly (long Steps, long Features)[] _inputs;

    private TorchModel(TorchLayer[] layers, int[][] sources, (long, long)[] inputs, int inputWidth, int outputWidth)
    {
        TorchRuntime.Ensure();
        _layers = layers; _sources = sources; _inputs = inputs;
        InputWidth = inputWidth; OutputWidth = outputWidth;
        Parameters = layers.SelectMany(l => l.Parameters).ToArray();
    }

    /// <summary>Builds the native model from the specs with rng, then its torch twin; both start from the same values.</summary>
    public static (Sequential Native, TorchModel Torch) Build(int inputDim, IReadOnlyList<LayerSpec> layers, Rng rng)
    {
        var native = Sequential.Build(inputDim, layers, rng);
        return (native, FromNative(native, rng));
    }

    /// <summary>The torch twin of a native model; rng must be the one the native model was built with (dropout forks).</summary>
    public static TorchModel FromNative(IModel native, Rng buildRng)
    {
        TorchRuntime.Ensure();
        switch (native)
        {
            case Sequential s:
                var layers = s.Layers.Select(l => Mirror(l, buildRng)).ToArray();
                var chain = Enumerable.Range(0, layers.Length).Select(i => new[] { i - 1 }).ToArray();
                return new TorchModel(layers, chain, [(s.InputSteps, s.InputFeatures)], s.InputWidth, s.OutputWidth);
            case GraphModel g:
                var names = g.Inputs.Select(i => i.Name).Concat(g.Layers.Select(l => l.Name)).ToList();
                int k = g.Inputs.Count;
                var sources = Enumerable.Range(0, g.Layers.Count)
                    .Select(n => Array.ConvertAll(g.NodeInputs(n), name => names.IndexOf(name) is var at && at < k ? ~at : at - k)).ToArray();
                return new TorchModel(g.Layers.Select(l => Mirror(l, buildRng)).ToArray(), sources,
                    g.Inputs.Select(i => ((long)i.Steps, (long)i.Features)).ToArray(), g.InputWidth, g.OutputWidth);
            default:
                throw new NotSupportedException($"the torch engine mirrors Sequential and GraphModel, not {native.GetType().Name}");
        }
    }

    /// <summary>The torch twin of one native layer (rng: the one the layer was built with, for dropout).</summary>
    public static TorchLayer Mirror(Layer layer, Rng rng) => layer switch
    {
        Dense d => new TorchDense(d),
        Embedding e => new TorchEmbedding(e),
        Lstm l => new TorchLstm(l),
        Bidirectional b => new TorchBidirectional(b),
        Dropout d => new TorchDropout(d, rng),
        GlobalPooling1D p => new TorchPooling(p),
        Flatten f => new TorchFlatten(f),
        Concatenate c => new TorchConcatenate(c),
        _ => throw new NotSupportedException($"{layer.Name}: the torch engine has no {layer.GetType().Name} layer"),
    };

    public IReadOnlyList<TorchLayer> Layers => _layers;
    /// <summary>All parameters in native order (layer by layer), frozen ones included.</summary>
    public IReadOnlyList<TwinParameter> Parameters { get; }
    public int InputWidth { get; }
    public int OutputWidth { get; }

    public TwinParameter this[string name] => Parameters.FirstOrDefault(p => p.Name == name)
        ?? throw new KeyNotFoundException($"no parameter '{name}' (known: {string.Join(", ", Parameters.Select(p => p.Name))})");

    /// <summary>Forward over rows x InputWidth floats; returns rows x OutputWidth (and the named layers' outputs, rows x width).</summary>
    public Tensor Forward(Tensor x, bool train, IReadOnlyCollection<string>? capture = null, IDictionary<string, Tensor>? captured = null)
    {
        long rows = x.shape[0], offset = 0;
        var ins = new TorchFlow[_inputs.Length];
        for (int k = 0; k < ins.Length; k++)
        {
            long w = _inputs[k].Steps * _inputs[k].Features;
            ins[k] = new TorchFlow(x.narrow(1, offset, w).reshape(rows, _inputs[k].Steps, _inputs[k].Features));
            offset += w;
        }
        var outs = new TorchFlow[_layers.Length];
        for (int n = 0; n < _layers.Length; n++)
        {
            TorchFlow Get(int s) => s >= 0 ? outs[s] : ins[~s];
            outs[n] = _layers[n] is TorchConcatenate c
                ? c.Forward(Array.ConvertAll(_sources[n], Get))
                : _layers[n].Forward(Get(_sources[n][0]), train);
            if (capture?.Contains(_layers[n].Name) == true) captured![_layers[n].Name] = outs[n].Data.reshape(rows, -1);
        }
        return outs[^1].Data.reshape(rows, -1);
    }

    /// <summary>Inference in chunks of 1024 rows (no dropout, no RNG draws), with the named layers' outputs.</summary>
    public float[] Predict(float[] x, int rows, IReadOnlyCollection<string> capture, out IReadOnlyDictionary<string, float[]> captured)
    {
        const int chunk = 1024;
        var result = new float[(long)rows * OutputWidth];
        var caps = new Dictionary<string, float[]>(StringComparer.Ordinal);
        using var _ = no_grad();
        for (int r0 = 0; r0 < rows; r0 += chunk)
        {
            using var scope = NewDisposeScope();
            int n = Math.Min(chunk, rows - r0);
            var part = tensor(x.AsSpan(r0 * InputWidth, n * InputWidth).ToArray(), [n, InputWidth]);
            var got = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            var y = Forward(part, train: false, capture, got);
            TwinParameter.Read(y).CopyTo(result, (long)r0 * OutputWidth);
            foreach (var (name, t) in got)
            {
                var v = TwinParameter.Read(t);
                if (!caps.TryGetValue(name, out var dst)) caps[name] = dst = new float[(long)rows * (v.Length / n)];
                v.CopyTo(dst, (long)r0 * (v.Length / n));
            }
        }
        captured = caps;
        return result;
    }

    public float[] Predict(float[] x, int rows) => Predict(x, rows, [], out _);

    /// <summary>Frees the libtorch parameter tensors (native memory the GC does not see).</summary>
    public void Dispose()
    {
        foreach (var p in Parameters) p.Tensor.Dispose();
    }

    /// <summary>Copies the torch values into the native parameters (e.g. to record or project a torch-trained model).</summary>
    public void CopyTo(IModel native)
    {
        var byName = native.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var p in Parameters) p.Values().CopyTo(byName[p.Name].Value, 0);
    }
}
