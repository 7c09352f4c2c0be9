namespace NnViz.Engine.Nn;

/// <summary>Inverted dropout (Srivastava et al. 2014): in training each value is kept with probability 1 - rate and
/// scaled by 1/(1 - rate); at evaluation it is the identity and draws nothing from its RNG (its own named fork).</summary>
public sealed class Dropout : Layer
{
    private readonly Rng _rng;
    private float[]? _keep, _y, _dx;
    private bool _trained;
    private int _dim;

    public Dropout(string name, int dim, double rate, Rng rng) : base(name)
    {
        if (rate < 0 || rate >= 1) throw new ArgumentOutOfRangeException(nameof(rate), rate, $"{name}: expected 0 <= rate < 1");
        Rate = rate; _dim = dim;
        _rng = rng.Fork($"dropout/{name}");
    }

    public double Rate { get; }
    public override int OutputDim => _dim;

    public override Flow Forward(Flow x, Mode mode)
    {
        _trained = mode == Mode.Train && Rate > 0;
        if (!_trained) return x;
        int n = x.Length;
        var keep = Ensure(ref _keep, n);
        var y = Ensure(ref _y, n);
        float scale = (float)(1 / (1 - Rate)), rate = (float)Rate;
        for (int i = 0; i < n; i++)
        {
            keep[i] = _rng.NextFloat() >= rate ? scale : 0f;
            y[i] = x.Data[i] * keep[i];
        }
        return x with { Data = y };
    }

    public override Flow Backward(Flow dy, bool needInputGrad)
    {
        if (!_trained || !needInputGrad) return dy;
        int n = dy.Length;
        var dx = Ensure(ref _dx, n);
        for (int i = 0; i < n; i++) dx[i] = dy.Data[i] * _keep![i];
        return dy with { Data = dx };
    }
}
