using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NnViz.Engine.Kernels;

/// <summary>Keras activation names.</summary>
public enum Activation { Linear, Tanh, Sigmoid, Relu, Softmax }

/// <summary>Activations applied in place, forward and backward side by side. Backward works from the output y
/// (all five have derivatives expressible in y), so no pre-activation has to be kept.</summary>
public static class Activations
{
    public static Activation Parse(string name) => name.ToLowerInvariant() switch
    {
        "linear" or "none" or "" => Activation.Linear,
        "tanh" => Activation.Tanh,
        "sigmoid" => Activation.Sigmoid,
        "relu" => Activation.Relu,
        "softmax" => Activation.Softmax,
        _ => throw new ArgumentException($"unknown activation '{name}' (expected linear, tanh, sigmoid, relu or softmax)", nameof(name)),
    };

    public static string Name(Activation a) => a.ToString().ToLowerInvariant();

    public static T Sigmoid<T>(T z) where T : IFloatingPointIeee754<T> => T.One / (T.One + T.Exp(-z));

    /// <summary>y = f(z) in place over rows x cols.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<T>(Activation act, Span<T> z, int rows, int cols) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = rows * cols;
        switch (act)
        {
            case Activation.Linear: return;
            case Activation.Tanh when typeof(T) == typeof(float): VectorMath.Tanh(MemoryMarshal.Cast<T, float>(z[..n])); return;
            case Activation.Sigmoid when typeof(T) == typeof(float): VectorMath.Sigmoid(MemoryMarshal.Cast<T, float>(z[..n])); return;
            case Activation.Relu when typeof(T) == typeof(float): VectorMath.Relu(MemoryMarshal.Cast<T, float>(z[..n])); return;
            case Activation.Tanh: for (int i = 0; i < n; i++) z[i] = T.Tanh(z[i]); return;
            case Activation.Sigmoid: for (int i = 0; i < n; i++) z[i] = Sigmoid(z[i]); return;
            case Activation.Relu: for (int i = 0; i < n; i++) z[i] = T.Max(z[i], T.Zero); return;
            case Activation.Softmax: for (int r = 0; r < rows; r++) SoftmaxRow(z.Slice(r * cols, cols)); return;
        }
    }

    /// <summary>dz = dy · f'(z), written from the forward output y; dz may alias dy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward<T>(Activation act, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dz, int rows, int cols) where T : IFloatingPointIeee754<T>
    {
        int n = rows * cols;
        if (typeof(T) == typeof(float) && act != Activation.Softmax)
        {
            ActivationBackward.Float(act, ActivationBackward.AsFloat(y[..n]), ActivationBackward.AsFloat(dy[..n]), ActivationBackward.AsFloat(dz[..n]));
            return;
        }
        switch (act)
        {
            case Activation.Linear: dy[..n].CopyTo(dz); return;
            case Activation.Tanh: for (int i = 0; i < n; i++) dz[i] = dy[i] * (T.One - y[i] * y[i]); return;
            case Activation.Sigmoid: for (int i = 0; i < n; i++) dz[i] = dy[i] * y[i] * (T.One - y[i]); return;
            case Activation.Relu: for (int i = 0; i < n; i++) dz[i] = y[i] > T.Zero ? dy[i] : T.Zero; return;
            case Activation.Softmax:
                // Jacobian-vector product of softmax: dz_j = y_j (dy_j - Σ_k dy_k y_k), the sum in index order.
                for (int r = 0; r < rows; r++)
                {
                    int o = r * cols;
                    T dot = T.Zero;
                    for (int j = 0; j < cols; j++) dot += dy[o + j] * y[o + j];
                    for (int j = 0; j < cols; j++) dz[o + j] = y[o + j] * (dy[o + j] - dot);
                }
                return;
        }
    }

    /// <summary>Softmax of one row in place, shifted by the row maximum for stability.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SoftmaxRow<T>(Span<T> row) where T : IFloatingPointIeee754<T>
    {
        T max = row[0];
        for (int j = 1; j < row.Length; j++) max = T.Max(max, row[j]);
        T sum = T.Zero;
        for (int j = 0; j < row.Length; j++) { row[j] = T.Exp(row[j] - max); sum += row[j]; }
        for (int j = 0; j < row.Length; j++) row[j] /= sum;
    }
}
