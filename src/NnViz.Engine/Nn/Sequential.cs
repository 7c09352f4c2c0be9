using System.Runtime.CompilerServices;
using NnViz.Engine.Kernels;
namespace NnViz.Engine.Nn;

/// <summary>
/// A stack of named layers (Keras Sequential). Parameters are listed explicitly in layer order.
/// Input rows are InputSteps x InputFeatures floats (token ids as floats when the first layer is an embedding).
/// </summary>
public sealed class Sequential : IModel
{
    private const int PredictChunkRows = 1024;
    /// <summary>Rows from which Predict runs narrow dense layers in one pass (<see cref="DenseStack"/>, the same bits): below,
    /// the pass saves less than compiling it costs in a short run (a 400-point curve per epoch).</summary>
    private const int StackMinRows = 1024;
    private readonly Layer[] _layers;
    private readonly Parameter[] _parameters;
    private ComputeOptions _compute = ComputeOptions.SingleThread;
    private readonly int _firstTrainable;

    private Sequential(Layer[] layers, int inputSteps, int inputFeatures)
    {
        _layers = layers;
        InputSteps = inputSteps;
        InputFeatures = inputFeatures;
        var ps = new List<Parameter>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l in layers)
        {
            if (!names.Add(l.Name)) throw new ArgumentException($"duplicate layer name '{l.Name}'");
            ps.AddRange(l.Parameters);
        }
        _parameters = ps.ToArray();
        // Input gradients are needed only down to the first layer with something to train (a frozen embedding needs none).
        _firstTrainable = Array.FindIndex(layers, l => l.Parameters.Any(p => p.Trainable));
        if (_firstTrainable < 0) _firstTrainable = layers.Length;
        // An LSTM right after an embedding takes its training batches grouped by token (TokenInputs).
        for (int i = 1; i < layers.Length; i++) TokenInputs.Wire(layers[i - 1], layers[i]);
    }

    /// <summary>Builds the layers in order, each initialised from rng.Fork("init/{name}/...").
    /// inputDim is the features per row, or the sequence length when the first layer is an embedding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Sequential Build(int inputDim, IReadOnlyList<LayerSpec> layers, Rng rng)
    {
        bool tokens = layers.Count > 0 && layers[0].Kind == "embedding";
        return Build(tokens ? inputDim : 1, tokens ? 1 : inputDim, layers, rng);
    }

    /// <summary>Builds for inputs of steps x features per row (a sequence of vectors when steps > 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Sequential Build(int steps, int features, IReadOnlyList<LayerSpec> layers, Rng rng)
    {
        var built = new Layer[layers.Count];
        int s = steps, f = features;
        for (int i = 0; i < layers.Count; i++)
        {
            built[i] = LayerFactory.Create(layers[i], s, f, rng);
            s = built[i].OutputSteps(s);
            f = built[i].OutputDim;
        }
        return new Sequential(built, steps, features);
    }

    public IReadOnlyList<Layer> Layers => _layers;
    public IReadOnlyList<Parameter> Parameters => _parameters;
    public IReadOnlyList<LayerSpec> Specs => Array.ConvertAll(_layers, l => l.Spec!);
    public int InputSteps { get; }
    public int InputFeatures { get; }
    public int InputWidth => InputSteps * InputFeatures;
    /// <summary>Output floats per row.</summary>
    public int OutputWidth
    {
        get
        {
            int s = InputSteps;
            foreach (var l in _layers) s = l.OutputSteps(s);
            return s * (_layers.Length == 0 ? InputFeatures : _layers[^1].OutputDim);
        }
    }

    /// <summary>Threads the kernels may use; results are bit-identical for any setting.</summary>
    public ComputeOptions Compute
    {
        get => _compute;
        set { _compute = value; foreach (var l in _layers) l.Compute = value; }
    }

    public Layer this[string name] => Array.Find(_layers, l => l.Name == name) ?? throw new KeyNotFoundException($"no layer '{name}'");

    /// <summary>Forward over one batch; the returned flow is owned by the last layer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Flow Forward(Flow x, Mode mode)
    {
        foreach (var l in _layers) x = l.Forward(x, mode);
        return x;
    }

    /// <summary>Backward from d(loss)/d(output) of the last Forward, accumulating parameter gradients.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Backward(Flow dy)
    {
        for (int i = _layers.Length - 1; i >= 0; i--) dy = _layers[i].Backward(dy, needInputGrad: i > _firstTrainable);
    }

    public Flow InputFlow(float[] x, int rows) => new(x, rows, InputSteps, InputFeatures);

    /// <summary>Inference: rows x InputWidth -> rows x OutputWidth, in chunks (row results do not depend on chunking).</summary>
    public float[] Predict(float[] x, int rows) => Predict(x, rows, [], out _);

    /// <summary>Inference that also returns the outputs of the named layers (rows x that layer's width each).
    /// No dropout and no RNG draws: safe to call for probes in the middle of training.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float[] Predict(float[] x, int rows, IReadOnlyCollection<string> capture, out IReadOnlyDictionary<string, float[]> captured)
    {
        var wanted = new HashSet<string>(capture, StringComparer.Ordinal);
        foreach (var name in wanted) _ = this[name];
        var result = new float[rows * OutputWidth];
        var caps = new Dictionary<string, float[]>(StringComparer.Ordinal);
        int w = InputWidth;
        var chunk = new float[Math.Min(rows, PredictChunkRows) * w];
        var runs = rows >= StackMinRows ? DenseRuns(wanted, Math.Min(rows, PredictChunkRows)) : new (int End, DenseStackLayer[] Stack, float[] Buffer)[_layers.Length];
        for (int r0 = 0; r0 < rows; r0 += PredictChunkRows)
        {
            int n = Math.Min(PredictChunkRows, rows - r0);
            Array.Copy(x, (long)r0 * w, chunk, 0, (long)n * w);
            var flow = InputFlow(chunk, n);
            for (int li = 0; li < _layers.Length; li++)
            {
                var l = _layers[li];
                if (runs[li].End > li)
                {
                    // A run of narrow dense layers in one pass: the same bits as layer by layer (DenseStack).
                    var (end, stack, buffer) = runs[li];
                    int m = flow.Rows * flow.Steps;
                    DenseStack.Forward(flow.Data, m, stack, buffer);
                    flow = new Flow(buffer, flow.Rows, flow.Steps, stack[^1].Out, flow.Mask);
                    l = _layers[li = end - 1];
                }
                else flow = l.Forward(flow, Mode.Eval);
                if (wanted.Contains(l.Name))
                {
                    int lw = flow.Width;
                    if (!caps.TryGetValue(l.Name, out var dst)) caps[l.Name] = dst = new float[rows * lw];
                    Array.Copy(flow.Data, 0, dst, (long)r0 * lw, (long)n * lw);
                }
            }
            Array.Copy(flow.Data, 0, result, (long)r0 * flow.Width, (long)n * flow.Width);
        }
        captured = caps;
        return result;
    }

    /// <summary>For each layer index, the run of narrow dense layers Predict evaluates from there in one pass
    /// (<see cref="DenseStack"/>): its end (exclusive; 0 where none starts), its layers and an output buffer for
    /// chunkRows rows. A captured layer ends a run, so its output is still seen.</summary>
    private (int End, DenseStackLayer[] Stack, float[] Buffer)[] DenseRuns(HashSet<string> captured, int chunkRows)
    {
        var runs = new (int, DenseStackLayer[], float[])[_layers.Length];
        int steps = InputSteps;
        for (int i = 0; i < _layers.Length;)
        {
            var stack = new List<DenseStackLayer>();
            int j = i;
            while (j < _layers.Length && _layers[j] is Dense d && DenseStack.Suits(d.InputDim, d.Units, d.Activation))
            {
                stack.Add(new(d.Kernel.Value, d.Bias.Value, d.InputDim, d.Units, d.Activation));
                if (captured.Contains(_layers[j++].Name)) break;
            }
            if (j > i) runs[i] = (j, [.. stack], new float[(long)chunkRows * steps * stack[^1].Out]);
            for (int q = i; q < Math.Max(j, i + 1); q++) steps = _layers[q].OutputSteps(steps);
            i = Math.Max(j, i + 1);
        }
        return runs;
    }
}
