using TorchSharp;
using static TorchSharp.torch;

namespace NnViz.Torch;

/// <summary>
/// Tensor arithmetic whose Scalars stay alive for the whole libtorch call. TorchSharp 0.107's `a + b` is
/// `a.add(b, 1)`: the 1 becomes a temporary Scalar whose raw handle goes to libtorch while nothing references the
/// Scalar any more, so a garbage collection started by another thread during the call can run its finalizer and free it
/// while libtorch reads it (seen once in a fresh-clone CI run: TrainingParityTests failed with "Expected false to be true" from
/// c10::Scalar::toFloat inside add, called from the LSTM's step). The same holds for a double passed where a Scalar is
/// expected (`q + eps`). Here every Scalar is a static field (never finalized) or held by the caller's `using` until the
/// call returns. Tensors are safe already: training and prediction run inside a DisposeScope, which references them.
/// TorchSharp's own optimizers still pass temporary Scalars internally (tools/torch/README.md).
/// </summary>
public static class TorchOps
{
    private static readonly Scalar One = 1.ToScalar();

    /// <summary>a + b.</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary>1 - a.</summary>
    public static Tensor OneMinus(this Tensor a)
    {
        using var negated = a.neg();
        return negated.add(One);
    }
}
