using NnViz.Engine.Kernels;

namespace NnViz.Engine.Nn;

/// <summary>
/// Keras LSTM: kernel (in x 4u, glorot-uniform), recurrent kernel (u x 4u, orthogonal), bias (4u, zero with the
/// forget-gate slice at 1: Jozefowicz et al. 2015); gate order i, f, g, o. Returns the last state (rows x u) or all
/// states (rows x T x u, zeros at padded steps). The mask passes through with all states, and is dropped with the last.
/// </summary>
public sealed class Lstm : Layer
{
    private float[]? _gates, _c, _tc, _h, _y, _dh, _dx, _uT, _wT, _scratch;
    private Flow _x;
    private TokenGroups? _groups;

    public Lstm(string name, int inputDim, int units, bool returnSequences, Rng rng, bool reverse = false) : base(name)
    {
        if (inputDim <= 0 || units <= 0) throw new ArgumentException($"{name}: LSTM needs positive input and units");
        InputDim = inputDim; Units = units; ReturnSequences = returnSequences; Reverse = reverse;
        Kernel = new Parameter($"{name}/kernel", [inputDim, 4 * units]);
        RecurrentKernel = new Parameter($"{name}/recurrent_kernel", [units, 4 * units]);
        Bias = new Parameter($"{name}/bias", [4 * units]);
        Init.GlorotUniform(Kernel.Value, inputDim, 4 * units, rng.Fork($"init/{name}/kernel"));
        Init.Orthogonal(RecurrentKernel.Value, units, 4 * units, rng.Fork($"init/{name}/recurrent_kernel"));
        Array.Fill(Bias.Value, 1f, units, units);
    }

    public int InputDim { get; }
    public int Units { get; }
    public bool ReturnSequences { get; }
    /// <summary>Processes the sequence from its end (the backward half of Bidirectional); outputs stay in input order.</summary>
    public bool Reverse { get; }
    public Parameter Kernel { get; }
    public Parameter RecurrentKernel { get; }
    public Parameter Bias { get; }
    public override int OutputDim => Units;
    public override int OutputSteps(int inputSteps) => ReturnSequences ? inputSteps : 1;
    public override IReadOnlyList<Parameter> Parameters => [Kernel, RecurrentKernel, Bias];

    /// <summary>The time-major hidden states h_t (T x rows x u) of the last forward: the state after every prefix.</summary>
    internal float[] States => _h!;

    /// <summary>The embedding this layer reads directly (wired by Sequential and GraphModel), or null. Its training batches
    /// come grouped by token (<see cref="TokenGroups"/>): the input weights' gradient is then summed per token, and the
    /// embedding's gradient goes to it one row per token instead of as dx (<see cref="LstmTokens"/>).</summary>
    internal Embedding? TokenSource
    {
        get => _tokenSource;
        set { _tokenSource = value; if (value is not null) value.GroupsWanted = true; }
    }

    private Embedding? _tokenSource;

    /// <summary>False inside a Bidirectional, which adds both directions' token gradients and delivers them itself.</summary>
    internal bool DeliversTokenGradient { get; set; } = true;

    /// <summary>The last Backward's embedding gradient per token (groups x in, <see cref="TokenGroupsUsed"/>), when it
    /// took the token path with an input gradient.</summary>
    internal float[]? TokenGradient { get; private set; }

    /// <summary>The token groups of the last Forward, or null when it did not read token groups.</summary>
    internal TokenGroups? TokenGroupsUsed => _groups;

    public override Flow Forward(Flow x, Mode mode)
    {
        if (x.Features != InputDim) throw new ArgumentException($"{Name}: expected {InputDim} features, got {x.Features}");
        _x = x;
        _groups = _tokenSource?.Groups(x);
        int T = x.Steps, rows = x.Rows, n = T * rows, u = Units;
        // The kernel reads the batch-major input in place (the input flow is not changed before this batch's Backward).
        var shape = new LstmKernel.Shape(T, rows, InputDim, u, Reverse, BatchMajorInput: true);
        Ensure(ref _gates, n * 4 * u); Ensure(ref _c, n * u); Ensure(ref _tc, n * u); Ensure(ref _h, n * u);
        LstmKernel.Forward(shape, x.Data, x.Mask, Kernel.Value, RecurrentKernel.Value, Bias.Value, _gates!, _c!, _tc!, _h!, Compute);
        if (!ReturnSequences)
        {
            var last = Ensure(ref _y, rows * u);
            Array.Copy(_h!, (Reverse ? 0 : T - 1) * rows * u, last, 0, rows * u);
            return new Flow(last, rows, 1, u);
        }
        var y = Ensure(ref _y, n * u);
        LstmLayout.FromTimeMajor(_h!, y, rows, T, u, Compute);
        ZeroPadded(y, x.Mask, rows, T, u);
        return new Flow(y, rows, T, u, x.Mask);
    }

    public override Flow Backward(Flow dy, bool needInputGrad)
    {
        int T = _x.Steps, rows = _x.Rows, n = T * rows, u = Units;
        var dh = Ensure(ref _dh, n * u);
        if (ReturnSequences)
        {
            LstmLayout.ToTimeMajor(dy.Data, dh, rows, T, u, Compute);
            ZeroPaddedTimeMajor(dh, _x.Mask, rows, T, u); // padded outputs are constant zeros
        }
        else
        {
            Array.Clear(dh, 0, n * u);
            Array.Copy(dy.Data, 0, dh, (Reverse ? 0 : T - 1) * rows * u, rows * u);
        }
        var shape = new LstmKernel.Shape(T, rows, InputDim, u, Reverse, BatchMajorInput: true);
        Ensure(ref _uT, 4 * u * u); Ensure(ref _wT, 4 * u * InputDim);
        Ensure(ref _scratch, LstmKernel.ScratchLength(rows, u));
        TokenGradient = null;
        var groups = _groups;
        float[]? dx = needInputGrad && groups is null ? Ensure(ref _dx, n * InputDim) : null;
        // dz overwrites the gates in place (each gate is read before its gradient is written): one buffer less to stream.
        LstmKernel.Backward(shape, _x.Data, _x.Mask, Kernel.Value, RecurrentKernel.Value, _gates!, _c!, _tc!, _h!, dh, _gates!,
            groups is null ? Kernel.Grad : null, RecurrentKernel.Grad, Bias.Grad, dx, _uT!, _wT!, _scratch!, Compute);
        if (groups is null) return dx is null ? default : new Flow(dx, rows, T, InputDim, _x.Mask);
        // Token inputs: dW summed per token, and the embedding's gradient one row per token, delivered to it directly.
        var dTokens = needInputGrad ? Ensure(ref _dx, groups.Count * InputDim) : null; // the per-step dx is not needed
        LstmTokens.InputGradients(groups, _x.Data, InputDim, _gates!, 4 * u, Kernel.Value, Kernel.Grad, dTokens, Compute);
        TokenGradient = dTokens;
        if (dTokens is not null && DeliversTokenGradient) _tokenSource!.AddTokenGradient(groups, dTokens);
        return default;
    }

    private static void ZeroPadded(float[] y, float[]? mask, int rows, int steps, int width)
    {
        if (mask is null) return;
        for (int r = 0; r < rows; r++)
            for (int t = 0; t < steps; t++) if (mask[r * steps + t] == 0) Array.Clear(y, (r * steps + t) * width, width);
    }

    private static void ZeroPaddedTimeMajor(float[] y, float[]? mask, int rows, int steps, int width)
    {
        if (mask is null) return;
        for (int r = 0; r < rows; r++)
            for (int t = 0; t < steps; t++) if (mask[r * steps + t] == 0) Array.Clear(y, (t * rows + r) * width, width);
    }
}
