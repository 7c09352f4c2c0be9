namespace NnViz.Engine.Nn;

/// <summary>Keras GlobalAveragePooling1D / GlobalMaxPooling1D over time, honouring the mask: padded steps are left out
/// (the mean divides by the number of real steps; a row with none gives zeros).</summary>
public sealed class GlobalPooling1D(string name, int features, bool max) : Layer(name)
{
    private float[]? _y, _dx, _count;
    private int[]? _argmax;
    private Flow _x;

    public bool Max { get; } = max;
    public override int OutputDim => features;
    public override int OutputSteps(int inputSteps) => 1;

    public override Flow Forward(Flow x, Mode mode)
    {
        _x = x;
        int T = x.Steps, F = x.Features;
        var y = Ensure(ref _y, x.Rows * F);
        var count = Ensure(ref _count, x.Rows);
        var arg = Max ? (_argmax is null || _argmax.Length < x.Rows * F ? _argmax = new int[x.Rows * F] : _argmax) : null;
        Array.Clear(y, 0, x.Rows * F);
        for (int r = 0; r < x.Rows; r++)
        {
            int real = 0;
            for (int t = 0; t < T; t++)
            {
                if (x.Mask is not null && x.Mask[r * T + t] == 0) continue;
                int o = (r * T + t) * F;
                for (int j = 0; j < F; j++)
                {
                    float v = x.Data[o + j];
                    if (!Max) y[r * F + j] += v;
                    else if (real == 0 || v > y[r * F + j]) { y[r * F + j] = v; arg![r * F + j] = t; }
                }
                real++;
            }
            count[r] = real;
            if (!Max && real > 0) for (int j = 0; j < F; j++) y[r * F + j] /= real;
            if (Max && real == 0) for (int j = 0; j < F; j++) arg![r * F + j] = -1;
        }
        return new Flow(y, x.Rows, 1, F);
    }

    public override Flow Backward(Flow dy, bool needInputGrad)
    {
        if (!needInputGrad) return default;
        int T = _x.Steps, F = _x.Features;
        var dx = Ensure(ref _dx, _x.Length);
        Array.Clear(dx, 0, _x.Length);
        for (int r = 0; r < _x.Rows; r++)
        {
            if (_count![r] == 0) continue;
            if (Max)
            {
                for (int j = 0; j < F; j++) dx[(r * T + _argmax![r * F + j]) * F + j] = dy.Data[r * F + j];
                continue;
            }
            for (int t = 0; t < T; t++)
            {
                if (_x.Mask is not null && _x.Mask[r * T + t] == 0) continue;
                for (int j = 0; j < F; j++) dx[(r * T + t) * F + j] = dy.Data[r * F + j] / _count[r];
            }
        }
        return _x with { Data = dx };
    }
}

/// <summary>Keras Flatten: rows x T x F to rows x (T·F); a view, no copy. The mask ends here.</summary>
public sealed class Flatten(string name, int steps, int features) : Layer(name)
{
    private Flow _x;
    public override int OutputDim => steps * features;
    public override int OutputSteps(int inputSteps) => 1;
    public override Flow Forward(Flow x, Mode mode) { _x = x; return new Flow(x.Data, x.Rows, 1, x.Steps * x.Features); }
    public override Flow Backward(Flow dy, bool needInputGrad) => _x with { Data = dy.Data };
}
