using NnViz.Engine.Kernels;

namespace NnViz.Engine.Training;

/// <summary>A loss on the model output: returns the mean loss and writes d(loss)/d(output) into grad.</summary>
public interface ILoss
{
    string Name { get; }
    double Compute(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> grad, int rows, int cols);
}

/// <summary>Mean squared error (Keras "mse").</summary>
public sealed class Mse : ILoss
{
    public string Name => "mse";
    public double Compute(ReadOnlySpan<float> o, ReadOnlySpan<float> t, Span<float> g, int rows, int cols) => LossKernels.Mse(o, t, g, rows, cols);
}

/// <summary>Binary cross-entropy, on probabilities (a sigmoid output layer, Keras's default) or on logits
/// (a linear output layer; numerically stable, fused). Multi-label targets: one column per label.</summary>
public sealed class BinaryCrossEntropy(bool fromLogits = false) : ILoss
{
    public bool FromLogits { get; } = fromLogits;
    public string Name => "binary_crossentropy";
    public double Compute(ReadOnlySpan<float> o, ReadOnlySpan<float> t, Span<float> g, int rows, int cols) => FromLogits
        ? LossKernels.BinaryCrossEntropyWithLogits(o, t, g, rows, cols)
        : LossKernels.BinaryCrossEntropy(o, t, g, rows, cols);
}

/// <summary>Categorical cross-entropy with one-hot targets: fused softmax + cross-entropy on logits (default), or on
/// the probabilities of a softmax output layer.</summary>
public sealed class SoftmaxCrossEntropy(bool fromLogits = true) : ILoss
{
    public bool FromLogits { get; } = fromLogits;
    public string Name => "categorical_crossentropy";
    public double Compute(ReadOnlySpan<float> o, ReadOnlySpan<float> t, Span<float> g, int rows, int cols) => FromLogits
        ? LossKernels.SoftmaxCrossEntropy(o, t, g, rows, cols)
        : LossKernels.CategoricalCrossEntropy(o, t, g, rows, cols);
}
