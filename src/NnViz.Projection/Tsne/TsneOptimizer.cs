namespace NnViz.Projection.Tsne;

/// <summary>
/// Gradient descent with momentum and per-coordinate adaptive gains (Jacobs 1988, as in van der Maaten's bhtsne):
/// a gain grows by 0.2 while the gradient keeps opposing the last update's direction and shrinks by a factor 0.8
/// otherwise, floored at 0.01. Stepping is split from the gradient so that a sequence strategy can add its own
/// terms (a movement penalty) before the update.
/// </summary>
internal sealed class TsneOptimizer
{
    private readonly ITsneGradient _gradient;
    private readonly double[] _update;
    private readonly double[] _gains;
    private readonly int _n, _dim;

    public TsneOptimizer(ITsneGradient gradient, double[] initial, int n, int dim, double learningRate)
    {
        _gradient = gradient;
        Y = (double[])initial.Clone();
        _n = n; _dim = dim;
        _update = new double[Y.Length];
        _gains = new double[Y.Length];
        Array.Fill(_gains, 1.0);
        Gradient = new double[Y.Length];
        LearningRate = learningRate;
    }

    public double[] Y { get; }
    public double[] Gradient { get; }
    public double LearningRate { get; }
    public ITsneGradient Objective => _gradient;

    /// <summary>Fills <see cref="Gradient"/> at the current layout.</summary>
    public void ComputeGradient(double exaggeration) => _gradient.Compute(Y, exaggeration, Gradient);

    /// <summary>Applies one step with the current <see cref="Gradient"/> and re-centres the layout at the origin.</summary>
    public void Step(double momentum)
    {
        for (int i = 0; i < Y.Length; i++)
        {
            double g = Gradient[i];
            _gains[i] = Math.Sign(g) != Math.Sign(_update[i]) ? _gains[i] + 0.2 : _gains[i] * 0.8;
            if (_gains[i] < 0.01) _gains[i] = 0.01;
            _update[i] = momentum * _update[i] - LearningRate * _gains[i] * g;
            Y[i] += _update[i];
        }
        for (int c = 0; c < _dim; c++)
        {
            double mean = 0;
            for (int i = 0; i < _n; i++) mean += Y[i * _dim + c];
            mean /= _n;
            for (int i = 0; i < _n; i++) Y[i * _dim + c] -= mean;
        }
    }
}
