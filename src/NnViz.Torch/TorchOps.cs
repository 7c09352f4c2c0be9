using TorchSharp;
using static TorchSharp.torch;

namespace NnViz.Torch;

/// <summary>
/// Tensor arithmetic whose Scalars stay alive for the whole libtorch call. TorchSharp 0.107's `a + b` is
/// `a.add(b, 1)`: the 1 becomes a temporary Scalar whose raw handle goes to libtorch while nothing references the
/// Scalar any more, so a garbage collection started by another thread during the call can run its finalizer and free
/// it while libtorch reads it (seen once in a fresh-clone CI run: TrainingParityTests failed with "Expected false to be
/// true" from c10::Scalar::toFloat inside add, called from the LSTM's step). The same holds for a double passed where a
/// Scalar is expected (`q + eps`), and for the alpha of 1 that `x.add_(scalar)` passes. Here every Scalar is a static
/// field (never finalized) or held by the caller's `using` until the call returns. Tensors are safe already: training
/// and prediction run inside a DisposeScope, which references them. TorchSharp's own optimizers pass temporary Scalars
/// too, hence <see cref="TorchOptimizer"/> (tools/torch/README.md).
/// </summary>
public static class TorchOps
{
    /// <summary>1, held for good (an int Scalar, as TorchSharp's own `add(target, 1)` passes).</summary>
    public static Scalar One { get; } = 1.ToScalar();

    /// <summary>0, held for good (an int Scalar, as a literal 0 converts).</summary>
    public static Scalar Zero { get; } = 0.ToScalar();

    /// <summary>a + b (TorchSharp's `a + b`: a.add(b, 1)).</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary>1 - a (TorchSharp's `1 - a`: -a + 1).</summary>
    public static Tensor OneMinus(this Tensor a)
    {
        using var negated = a.neg();
        return negated.add(One, One); // add(Scalar) alone would pass a temporary alpha of 1
    }
}
