using NnViz.Engine.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace NnViz.Torch;

/// <summary>
/// The native LSTM step by step in libtorch ops (autograd does the backward): z = x·W + b + h₋₁·U, gate order
/// i, f, g, o, c = f⊙c₋₁ + i⊙g, h = o⊙tanh(c). A padded step (mask false) carries h and c unchanged; with all states
/// the padded outputs are zeros and the mask passes on; the last state (after the final processed step) drops it.
/// Reverse reads t = T-1 .. 0 and keeps outputs in input order (the backward half of Bidirectional).
/// </summary>
public sealed class TorchLstm(Lstm native) : TorchLayer(native.Name)
{
    private readonly TwinParameter _w = new(native.Kernel), _u = new(native.RecurrentKernel), _b = new(native.Bias);
    public override IReadOnlyList<TwinParameter> Parameters => [_w, _u, _b];

    public override TorchFlow Forward(TorchFlow x, bool train)
    {
        long rows = x.Rows, T = x.Steps, u = native.Units;
        var xw = x.Data.matmul(_w.Tensor).Plus(_b.Tensor);                 // rows x T x 4u
        Tensor h = zeros(rows, u), c = zeros(rows, u);
        var states = new Tensor[T];
        for (long step = 0; step < T; step++)
        {
            long t = native.Reverse ? T - 1 - step : step;
            var z = xw.select(1, t);
            if (step > 0) z = z.Plus(h.matmul(_u.Tensor));
            var g4 = z.chunk(4, 1);
            var i = g4[0].sigmoid(); var f = g4[1].sigmoid(); var g = g4[2].tanh(); var o = g4[3].sigmoid();
            var cNew = (f * c).Plus(i * g);
            var hNew = o * cNew.tanh();
            if (x.Mask is null) { c = cNew; h = hNew; }
            else
            {
                var real = x.Mask.select(1, t).unsqueeze(1);
                c = where(real, cNew, c);
                h = where(real, hNew, h);
            }
            states[t] = h;
        }
        if (!native.ReturnSequences) return new TorchFlow(h.unsqueeze(1));
        var y = stack(states, 1);
        if (x.Mask is not null) y = where(x.Mask.unsqueeze(2), y, zeros_like(y));
        return new TorchFlow(y, x.Mask);
    }
}

/// <summary>Bidirectional LSTM: forward and reversed halves merged by concat ([forward, backward]) or sum.</summary>
public sealed class TorchBidirectional(Bidirectional native) : TorchLayer(native.Name)
{
    private readonly TorchLstm _f = new(native.Forwards), _b = new(native.Backwards);
    public override IReadOnlyList<TwinParameter> Parameters => [.. _f.Parameters, .. _b.Parameters];

    public override TorchFlow Forward(TorchFlow x, bool train)
    {
        var f = _f.Forward(x, train);
        var b = _b.Forward(x, train);
        return f with { Data = native.Concat ? cat([f.Data, b.Data], 2) : f.Data.Plus(b.Data) };
    }
}
