using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NnViz.Engine.Nn;

namespace NnViz.Engine.Training;

/// <summary>Updates the trainable parameters from their gradients; Step counts from 1.</summary>
public interface IOptimizer
{
    IReadOnlyList<Parameter> Parameters { get; }
    double LearningRate { get; set; }
    long Iterations { get; }
    void Step();
    /// <summary>One step, element blocks of large parameters spread over compute's threads (the same bits).</summary>
    void Step(ComputeOptions compute) => Step();
}

/// <summary>Shared bookkeeping: only trainable parameters, one state array per parameter.</summary>
public abstract class Optimizer : IOptimizer
{
    protected Optimizer(IReadOnlyList<Parameter> parameters, double lr)
    {
        var list = new List<Parameter>();
        foreach (var p in parameters) if (p.Trainable) list.Add(p);
        Trainable = list.ToArray();
        Parameters = parameters;
        LearningRate = lr;
    }

    public IReadOnlyList<Parameter> Parameters { get; }
    protected Parameter[] Trainable { get; }
    public double LearningRate { get; set; }
    public long Iterations { get; private set; }

    /// <summary>Elements per parallel block of a large parameter's update: fixed and a multiple of 8, so every element
    /// runs the same operations whatever the threads (the updates are element-wise: the split never changes a bit).</summary>
    private const int BlockElements = 1 << 15;

    public void Step() => Step(ComputeOptions.SingleThread);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Step(ComputeOptions compute)
    {
        Iterations++;
        Prepare();
        for (int i = 0; i < Trainable.Length; i++)
        {
            int index = i, length = Trainable[i].Value.Length;
            float[] w = Trainable[i].Value, g = Trainable[i].Grad;
            if (length < 2 * BlockElements || compute.MaxThreads <= 1) { Update(index, w, g, 0, length); continue; }
            compute.For((length + BlockElements - 1) / BlockElements, 4L * length,
                block => Update(index, w, g, block * BlockElements, Math.Min(length, (block + 1) * BlockElements)));
        }
    }

    /// <summary>Allocates the optimizer's state before the first update (never inside the parallel blocks).</summary>
    protected virtual void Prepare() { }

    /// <summary>Updates elements [lo, hi) of parameter index (lo a multiple of 8).</summary>
    protected abstract void Update(int index, float[] w, float[] g, int lo, int hi);

    protected float[][] Slots() => Array.ConvertAll(Trainable, p => new float[p.Length]);
}

/// <summary>SGD with optional momentum (PyTorch form: v = μv + g; w -= lr·v) and Nesterov (w -= lr·(g + μv)),
/// equal to Keras's form for a constant learning rate.</summary>
public sealed class Sgd : Optimizer
{
    private readonly float[][]? _velocity;

    public Sgd(IReadOnlyList<Parameter> parameters, double lr, double momentum = 0, bool nesterov = false) : base(parameters, lr)
    {
        Momentum = momentum;
        Nesterov = nesterov;
        if (momentum != 0) _velocity = Slots();
    }

    public double Momentum { get; }
    public bool Nesterov { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void Update(int index, float[] w, float[] g, int lo, int hi)
    {
        float lr = (float)LearningRate;
        if (_velocity is null)
        {
            for (int i = lo; i < hi; i++) w[i] -= lr * g[i];
            return;
        }
        float mu = (float)Momentum;
        var v = _velocity[index];
        for (int i = lo; i < hi; i++)
        {
            v[i] = mu * v[i] + g[i];
            w[i] -= lr * (Nesterov ? g[i] + mu * v[i] : v[i]);
        }
    }
}

/// <summary>Adam (Kingma &amp; Ba 2015, Algorithm 1) with PyTorch's placement of ε:
/// w -= lr/(1-β1ᵗ) · m / (sqrt(v/(1-β2ᵗ)) + ε). Defaults are Keras's (lr 0.001, ε 1e-7).</summary>
public sealed class Adam(IReadOnlyList<Parameter> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7)
    : Optimizer(parameters, lr)
{
    private float[][]? _m, _v;

    protected override void Prepare() { _m ??= Slots(); _v ??= Slots(); }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void Update(int index, float[] w, float[] g, int lo, int hi)
    {
        var m = _m![index]; var v = _v![index];
        float b1 = (float)beta1, b2 = (float)beta2, eps = (float)epsilon;
        float stepSize = (float)(LearningRate / (1 - Math.Pow(beta1, Iterations)));
        float c2 = (float)Math.Sqrt(1 - Math.Pow(beta2, Iterations));
        // Vector body and scalar tail use the same operations in the same order (no contraction to FMA): same bits.
        var vb1 = Vector256.Create(b1); var vb2 = Vector256.Create(b2); var va = Vector256.Create(1 - b1); var vc = Vector256.Create(1 - b2);
        var vs = Vector256.Create(stepSize); var vc2 = Vector256.Create(c2); var veps = Vector256.Create(eps);
        int i = lo;
        for (; i + 8 <= hi; i += 8)
        {
            var gi = Vector256.Create<float>(g.AsSpan(i, 8));
            var mi = vb1 * Vector256.Create<float>(m.AsSpan(i, 8)) + va * gi;
            var vi = vb2 * Vector256.Create<float>(v.AsSpan(i, 8)) + vc * gi * gi;
            var wi = Vector256.Create<float>(w.AsSpan(i, 8)) - vs * mi / (Vector256.Sqrt(vi) / vc2 + veps);
            mi.CopyTo(m.AsSpan(i, 8)); vi.CopyTo(v.AsSpan(i, 8)); wi.CopyTo(w.AsSpan(i, 8));
        }
        for (; i < hi; i++)
        {
            m[i] = b1 * m[i] + (1 - b1) * g[i];
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
            w[i] -= stepSize * m[i] / (MathF.Sqrt(v[i]) / c2 + eps);
        }
    }
}

/// <summary>RMSprop (Hinton, lecture 6e): v = ρv + (1-ρ)g²; w -= lr·g / (sqrt(v) + ε). Keras defaults
/// (lr 0.001, ρ 0.9, ε 1e-7); PyTorch calls ρ "alpha".</summary>
public sealed class RmsProp(IReadOnlyList<Parameter> parameters, double lr = 0.001, double rho = 0.9, double epsilon = 1e-7)
    : Optimizer(parameters, lr)
{
    private float[][]? _v;

    protected override void Prepare() => _v ??= Slots();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void Update(int index, float[] w, float[] g, int lo, int hi)
    {
        var v = _v![index];
        float r = (float)rho, eps = (float)epsilon, lr = (float)LearningRate;
        var vr = Vector256.Create(r); var vq = Vector256.Create(1 - r); var vlr = Vector256.Create(lr); var veps = Vector256.Create(eps);
        int i = lo;
        for (; i + 8 <= hi; i += 8)
        {
            var gi = Vector256.Create<float>(g.AsSpan(i, 8));
            var vi = vr * Vector256.Create<float>(v.AsSpan(i, 8)) + vq * gi * gi;
            var wi = Vector256.Create<float>(w.AsSpan(i, 8)) - vlr * gi / (Vector256.Sqrt(vi) + veps);
            vi.CopyTo(v.AsSpan(i, 8)); wi.CopyTo(w.AsSpan(i, 8));
        }
        for (; i < hi; i++)
        {
            v[i] = r * v[i] + (1 - r) * g[i] * g[i];
            w[i] -= lr * g[i] / (MathF.Sqrt(v[i]) + eps);
        }
    }
}
