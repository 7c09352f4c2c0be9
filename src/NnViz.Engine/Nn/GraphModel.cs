namespace NnViz.Engine.Nn;

/// <summary>A named model input: steps x features per row (token ids: features 1).</summary>
public sealed record GraphInput(string Name, int Steps, int Features);

/// <summary>A layer applied to named inputs (graph inputs or earlier nodes); kind "concatenate" takes two or more.</summary>
public sealed record GraphNode(LayerSpec Layer, IReadOnlyList<string> Inputs);

/// <summary>
/// A small functional model (Keras functional API): several inputs, layers in topological order, the last node is the
/// output. A row of x is the inputs' rows side by side, in input order. Gradients reaching a node from several
/// consumers are summed in reverse node order.
/// </summary>
public sealed class GraphModel : IModel
{
    private readonly GraphInput[] _inputs;
    private readonly Layer[] _layers;
    private readonly int[][] _sources; // >= 0: node index; < 0: graph input ~index
    private readonly bool[] _needInputGrad;
    private readonly Parameter[] _parameters;
    private readonly float[]?[] _inputBuffers;
    private readonly float[]?[] _gradBuffers;
    private readonly Flow[] _outputs;
    private readonly bool[] _hasGrad;
    private readonly bool[] _tokenWired; // node reads an embedding's token groups and delivers its gradient per token
    private ComputeOptions _compute = ComputeOptions.SingleThread;

    private GraphModel(GraphInput[] inputs, Layer[] layers, int[][] sources)
    {
        _inputs = inputs; _layers = layers; _sources = sources;
        _outputs = new Flow[layers.Length];
        _hasGrad = new bool[layers.Length];
        _gradBuffers = new float[]?[layers.Length];
        _inputBuffers = new float[]?[inputs.Length];
        var ps = new List<Parameter>();
        foreach (var l in layers) ps.AddRange(l.Parameters);
        _parameters = ps.ToArray();
        // A node needs its input gradient when some node feeding it (transitively) has something to train.
        var trains = new bool[layers.Length];
        _needInputGrad = new bool[layers.Length];
        for (int i = 0; i < layers.Length; i++)
        {
            foreach (int s in sources[i]) if (s >= 0 && trains[s]) _needInputGrad[i] = true;
            trains[i] = _needInputGrad[i] || layers[i].Parameters.Any(p => p.Trainable);
        }
        // An LSTM reading an embedding that feeds nothing else takes its training batches grouped by token (TokenInputs).
        _tokenWired = new bool[layers.Length];
        var consumers = new int[layers.Length];
        foreach (var src in sources) foreach (int s in src) if (s >= 0) consumers[s]++;
        for (int i = 0; i < layers.Length; i++)
            if (sources[i].Length == 1 && sources[i][0] >= 0 && consumers[sources[i][0]] == 1)
                _tokenWired[i] = TokenInputs.Wire(layers[sources[i][0]], layers[i]);
    }

    public static GraphModel Build(IReadOnlyList<GraphInput> inputs, IReadOnlyList<GraphNode> nodes, Rng rng)
    {
        var shapes = new Dictionary<string, (int steps, int features, int index)>(StringComparer.Ordinal);
        for (int i = 0; i < inputs.Count; i++)
            if (!shapes.TryAdd(inputs[i].Name, (inputs[i].Steps, inputs[i].Features, ~i))) throw new ArgumentException($"duplicate name '{inputs[i].Name}'");
        var layers = new Layer[nodes.Count];
        var sources = new int[nodes.Count][];
        for (int n = 0; n < nodes.Count; n++)
        {
            var spec = nodes[n].Layer;
            var ins = new (int steps, int features, int index)[nodes[n].Inputs.Count];
            for (int k = 0; k < ins.Length; k++)
                if (!shapes.TryGetValue(nodes[n].Inputs[k], out ins[k])) throw new ArgumentException($"{spec.Name}: unknown input '{nodes[n].Inputs[k]}' (inputs must come earlier)");
            if (spec.Kind == "concatenate")
            {
                if (ins.Length < 2) throw new ArgumentException($"{spec.Name}: concatenate needs two or more inputs");
                layers[n] = new Concatenate(spec.Name, Array.ConvertAll(ins, s => s.features)) { Spec = spec };
            }
            else
            {
                if (ins.Length != 1) throw new ArgumentException($"{spec.Name}: {spec.Kind} takes one input, got {ins.Length}");
                layers[n] = LayerFactory.Create(spec, ins[0].steps, ins[0].features, rng);
            }
            sources[n] = Array.ConvertAll(ins, s => s.index);
            if (!shapes.TryAdd(spec.Name, (layers[n].OutputSteps(ins[0].steps), layers[n].OutputDim, n))) throw new ArgumentException($"duplicate name '{spec.Name}'");
        }
        return new GraphModel(inputs.ToArray(), layers, sources);
    }

    public IReadOnlyList<GraphInput> Inputs => _inputs;
    /// <summary>The names feeding node i.</summary>
    public string[] NodeInputs(int i) => Array.ConvertAll(_sources[i], s => s >= 0 ? _layers[s].Name : _inputs[~s].Name);
    public IReadOnlyList<Layer> Layers => _layers;
    public IReadOnlyList<Parameter> Parameters => _parameters;
    public int InputWidth => _inputs.Sum(i => i.Steps * i.Features);
    public int OutputWidth => _layers[^1].OutputDim * OutputSteps(_layers.Length - 1);

    public ComputeOptions Compute
    {
        get => _compute;
        set { _compute = value; foreach (var l in _layers) l.Compute = value; }
    }

    private int OutputSteps(int node)
    {
        int s = _sources[node][0];
        int inSteps = s >= 0 ? OutputSteps(s) : _inputs[~s].Steps;
        return _layers[node].OutputSteps(inSteps);
    }

    public Flow InputFlow(float[] x, int rows) => new(x, rows, 1, InputWidth);

    public Flow Forward(Flow x, Mode mode)
    {
        var ins = SplitInputs(x);
        for (int n = 0; n < _layers.Length; n++)
        {
            var src = _sources[n];
            Flow Get(int s) => s >= 0 ? _outputs[s] : ins[~s];
            _outputs[n] = _layers[n] is Concatenate cat ? cat.Forward(Array.ConvertAll(src, Get), mode) : _layers[n].Forward(Get(src[0]), mode);
        }
        return _outputs[^1];
    }

    public void Backward(Flow dy)
    {
        Array.Clear(_hasGrad);
        Accumulate(_layers.Length - 1, dy);
        for (int n = _layers.Length - 1; n >= 0; n--)
        {
            if (!_hasGrad[n]) continue;
            var g = _outputs[n] with { Data = _gradBuffers[n]! };
            var src = _sources[n];
            if (_layers[n] is Concatenate cat)
            {
                var parts = cat.BackwardMany(g);
                for (int k = 0; k < src.Length; k++) if (src[k] >= 0) Accumulate(src[k], parts[k]);
                continue;
            }
            var dx = _layers[n].Backward(g, _needInputGrad[n]);
            if (!_needInputGrad[n] || src[0] < 0) continue;
            if (_tokenWired[n] && dx.Data is null) _hasGrad[src[0]] = true; // delivered to the embedding, one row per token
            else Accumulate(src[0], dx);
        }
    }

    private void Accumulate(int node, Flow g)
    {
        int len = _outputs[node].Length;
        if (_gradBuffers[node] is null || _gradBuffers[node]!.Length < len) _gradBuffers[node] = new float[len];
        var buf = _gradBuffers[node]!;
        if (!_hasGrad[node]) Array.Copy(g.Data, buf, len);
        else for (int i = 0; i < len; i++) buf[i] += g.Data[i];
        _hasGrad[node] = true;
    }

    private Flow[] SplitInputs(Flow x)
    {
        var flows = new Flow[_inputs.Length];
        int w = InputWidth, offset = 0;
        for (int k = 0; k < _inputs.Length; k++)
        {
            int iw = _inputs[k].Steps * _inputs[k].Features;
            if (_inputBuffers[k] is null || _inputBuffers[k]!.Length < x.Rows * iw) _inputBuffers[k] = new float[x.Rows * iw];
            var buf = _inputBuffers[k]!;
            for (int r = 0; r < x.Rows; r++) Array.Copy(x.Data, r * w + offset, buf, r * iw, iw);
            flows[k] = new Flow(buf, x.Rows, _inputs[k].Steps, _inputs[k].Features);
            offset += iw;
        }
        return flows;
    }

    /// <summary>Inference (rows x InputWidth -> rows x OutputWidth), also returning the named nodes' outputs.</summary>
    public float[] Predict(float[] x, int rows, IReadOnlyCollection<string> capture, out IReadOnlyDictionary<string, float[]> captured)
    {
        var caps = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var wanted = new HashSet<string>(capture, StringComparer.Ordinal);
        var result = new float[rows * OutputWidth];
        const int chunkRows = 1024;
        int w = InputWidth;
        var chunk = new float[Math.Min(rows, chunkRows) * w];
        for (int r0 = 0; r0 < rows; r0 += chunkRows)
        {
            int n = Math.Min(chunkRows, rows - r0);
            Array.Copy(x, (long)r0 * w, chunk, 0, (long)n * w);
            var y = Forward(InputFlow(chunk, n), Mode.Eval);
            for (int k = 0; k < _layers.Length; k++)
            {
                if (!wanted.Contains(_layers[k].Name)) continue;
                int lw = _outputs[k].Width;
                if (!caps.TryGetValue(_layers[k].Name, out var dst)) caps[_layers[k].Name] = dst = new float[rows * lw];
                Array.Copy(_outputs[k].Data, 0, dst, (long)r0 * lw, (long)n * lw);
            }
            Array.Copy(y.Data, 0, result, (long)r0 * y.Width, (long)n * y.Width);
        }
        captured = caps;
        return result;
    }

    public float[] Predict(float[] x, int rows) => Predict(x, rows, [], out _);
}
