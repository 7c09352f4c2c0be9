namespace NnViz.Engine.Nn;

/// <summary>Keras Concatenate along the feature axis of inputs with equal steps (the two-branch title/abstract model).
/// A multi-input layer: used through <see cref="GraphModel"/>. The first input's mask (if any) is kept.</summary>
public sealed class Concatenate(string name, int[] widths) : Layer(name)
{
    private float[]? _y;
    private readonly float[]?[] _dx = new float[widths.Length][];
    private Flow[] _xs = [];

    public override int OutputDim { get; } = widths.Sum();

    public override Flow Forward(Flow x, Mode mode) => Forward([x], mode);
    public override Flow Backward(Flow dy, bool needInputGrad) => BackwardMany(dy)[0];

    public Flow Forward(Flow[] xs, Mode mode)
    {
        if (xs.Length != widths.Length) throw new ArgumentException($"{Name}: expected {widths.Length} inputs, got {xs.Length}");
        _xs = xs;
        int n = xs[0].Rows * xs[0].Steps, w = OutputDim;
        var y = Ensure(ref _y, n * w);
        int offset = 0;
        for (int k = 0; k < xs.Length; k++)
        {
            if (xs[k].Features != widths[k] || xs[k].Steps != xs[0].Steps || xs[k].Rows != xs[0].Rows)
                throw new ArgumentException($"{Name}: input {k} is {xs[k].Rows}x{xs[k].Steps}x{xs[k].Features}, expected steps {xs[0].Steps} and {widths[k]} features");
            for (int i = 0; i < n; i++) Array.Copy(xs[k].Data, i * widths[k], y, i * w + offset, widths[k]);
            offset += widths[k];
        }
        return new Flow(y, xs[0].Rows, xs[0].Steps, w, xs[0].Mask);
    }

    public Flow[] BackwardMany(Flow dy)
    {
        int n = dy.Rows * dy.Steps, w = OutputDim, offset = 0;
        var result = new Flow[widths.Length];
        for (int k = 0; k < widths.Length; k++)
        {
            var dx = Ensure(ref _dx[k], n * widths[k]);
            for (int i = 0; i < n; i++) Array.Copy(dy.Data, i * w + offset, dx, i * widths[k], widths[k]);
            result[k] = _xs[k] with { Data = dx };
            offset += widths[k];
        }
        return result;
    }
}
