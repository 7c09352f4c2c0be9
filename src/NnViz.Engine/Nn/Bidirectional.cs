using System.Runtime.Intrinsics;

namespace NnViz.Engine.Nn;

/// <summary>Keras Bidirectional(LSTM): a forward LSTM and one reading the sequence from its end, merged by concat
/// ([forward, backward] features) or sum. With all states, step t pairs both directions' states at t.</summary>
public sealed class Bidirectional : Layer
{
    private float[]? _y, _dyf, _dyb, _dx;

    public Bidirectional(string name, int inputDim, int units, bool returnSequences, string merge, Rng rng) : base(name)
    {
        if (merge is not ("concat" or "sum")) throw new ArgumentException($"{name}: merge must be concat or sum, got '{merge}'");
        Concat = merge == "concat";
        Forwards = new Lstm($"{name}/forward", inputDim, units, returnSequences, rng);
        Backwards = new Lstm($"{name}/backward", inputDim, units, returnSequences, rng, reverse: true);
    }

    /// <summary>The embedding both directions read directly (wired by Sequential and GraphModel), or null: each direction
    /// then sums its gradients per token, and this layer adds their token gradients and delivers them to the embedding.</summary>
    internal Embedding? TokenSource
    {
        get => Forwards.TokenSource;
        set
        {
            Forwards.TokenSource = value; Backwards.TokenSource = value;
            Forwards.DeliversTokenGradient = Backwards.DeliversTokenGradient = false;
        }
    }

    public Lstm Forwards { get; }
    public Lstm Backwards { get; }
    public bool Concat { get; }
    public override int OutputDim => Concat ? 2 * Forwards.Units : Forwards.Units;
    public override int OutputSteps(int inputSteps) => Forwards.OutputSteps(inputSteps);
    public override IReadOnlyList<Parameter> Parameters => [.. Forwards.Parameters, .. Backwards.Parameters];

    private ComputeOptions _compute = ComputeOptions.SingleThread;

    /// <summary>The layer's threads. The two directions run concurrently (<see cref="Both"/>), so each gets its share of
    /// them; the kernels' results never depend on threads, so neither does this split.</summary>
    internal override ComputeOptions Compute
    {
        get => _compute;
        set
        {
            _compute = value;
            var each = value.MaxThreads <= 1 ? value : value with { MaxThreads = Math.Max(1, value.MaxThreads / 2) };
            Forwards.Compute = each; Backwards.Compute = each;
        }
    }

    public override Flow Forward(Flow x, Mode mode)
    {
        Flow f = default, b = default;
        Both(() => f = Forwards.Forward(x, mode), () => b = Backwards.Forward(x, mode));
        int n = f.Rows * f.Steps, u = Forwards.Units, w = OutputDim;
        var y = Ensure(ref _y, n * w);
        for (int i = 0; i < n; i++)
        {
            if (Concat)
            {
                Array.Copy(f.Data, i * u, y, i * w, u);
                Array.Copy(b.Data, i * u, y, i * w + u, u);
            }
            else for (int j = 0; j < u; j++) y[i * u + j] = f.Data[i * u + j] + b.Data[i * u + j];
        }
        return f with { Data = y, Features = w };
    }

    public override Flow Backward(Flow dy, bool needInputGrad)
    {
        int n = dy.Rows * dy.Steps, u = Forwards.Units, w = OutputDim;
        var df = Ensure(ref _dyf, n * u);
        var db = Ensure(ref _dyb, n * u);
        for (int i = 0; i < n; i++)
        {
            Array.Copy(dy.Data, i * w, df, i * u, u);
            Array.Copy(dy.Data, Concat ? i * w + u : i * w, db, i * u, u);
        }
        Flow dxf = default, dxb = default;
        Both(() => dxf = Forwards.Backward(dy with { Data = df, Features = u }, needInputGrad),
            () => dxb = Backwards.Backward(dy with { Data = db, Features = u }, needInputGrad));
        if (!needInputGrad) return default;
        if (Forwards.TokenGroupsUsed is { } groups)
        {
            // Both directions read the same token groups: their per-token gradients add like the per-step dx would.
            int len = groups.Count * Forwards.InputDim;
            var dTokens = Ensure(ref _dx, len);
            Add(Forwards.TokenGradient.AsSpan(0, len), Backwards.TokenGradient.AsSpan(0, len), dTokens);
            TokenSource!.AddTokenGradient(groups, dTokens);
            return default;
        }
        var dx = Ensure(ref _dx, dxf.Length);
        Add(dxf.Data.AsSpan(0, dxf.Length), dxb.Data.AsSpan(0, dxf.Length), dx);
        return dxf with { Data = dx };
    }

    /// <summary>y = a + b element by element, vectorised (each sum one IEEE addition, so the bits of the scalar loop).</summary>
    private static void Add(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y)
    {
        int i = 0;
        for (; i + 8 <= a.Length; i += 8)
            (Vector256.Create(a.Slice(i, 8)) + Vector256.Create(b.Slice(i, 8))).CopyTo(y.Slice(i, 8));
        for (; i < a.Length; i++) y[i] = a[i] + b[i];
    }

    /// <summary>Runs the two directions, concurrently when more than one thread is allowed. Each direction has its own
    /// weights, buffers and gradients and only reads the shared input, so the bits are those of running them in turn.</summary>
    private void Both(Action forward, Action backward)
    {
        if (Compute.MaxThreads <= 1) { forward(); backward(); return; }
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = 2 }, forward, backward);
    }
}
