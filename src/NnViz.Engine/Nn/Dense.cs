using System.Runtime.CompilerServices;
using NnViz.Engine.Kernels;

namespace NnViz.Engine.Nn;

/// <summary>Keras Dense: y = f(x·W + b), W in x units (glorot-uniform), b zero. Applied to the last axis, so a
/// sequence of Steps x Features maps step by step.</summary>
public sealed class Dense : Layer
{
    private float[]? _y, _dz, _dx, _wT;
    private Flow _x;

    public Dense(string name, int inputDim, int units, Activation activation, Rng rng) : base(name)
    {
        if (inputDim <= 0 || units <= 0) throw new ArgumentException($"{name}: dense needs positive input and units ({inputDim} -> {units})");
        InputDim = inputDim;
        Units = units;
        Activation = activation;
        Kernel = new Parameter($"{name}/kernel", [inputDim, units]);
        Bias = new Parameter($"{name}/bias", [units]);
        Init.GlorotUniform(Kernel.Value, inputDim, units, rng.Fork($"init/{name}/kernel"));
    }

    public int InputDim { get; }
    public int Units { get; }
    public Activation Activation { get; }
    public Parameter Kernel { get; }
    public Parameter Bias { get; }
    public override int OutputDim => Units;
    public override IReadOnlyList<Parameter> Parameters => [Kernel, Bias];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Flow Forward(Flow x, Mode mode)
    {
        if (x.Features != InputDim) throw new ArgumentException($"{Name}: expected {InputDim} features, got {x.Features}");
        _x = x;
        int m = x.Rows * x.Steps;
        var y = Ensure(ref _y, m * Units);
        DenseKernel.Forward<float>(x.Data, Kernel.Value, Bias.Value, y, m, InputDim, Units, Activation, Compute);
        return new Flow(y, x.Rows, x.Steps, Units, x.Mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Flow Backward(Flow dy, bool needInputGrad)
    {
        int m = _x.Rows * _x.Steps;
        var dz = Ensure(ref _dz, m * Units);
        Span<float> dx = Span<float>.Empty;
        if (needInputGrad) dx = Ensure(ref _dx, m * InputDim).AsSpan(0, m * InputDim);
        var wT = Ensure(ref _wT, InputDim * Units);
        DenseKernel.Backward<float>(_x.Data, Kernel.Value, _y, dy.Data, dz, Kernel.Grad, Bias.Grad, dx, wT,
            m, InputDim, Units, Activation, Compute);
        return needInputGrad ? new Flow(_dx!, _x.Rows, _x.Steps, InputDim, _x.Mask) : default;
    }
}
