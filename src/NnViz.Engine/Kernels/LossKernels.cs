using System.Runtime.CompilerServices;
using System.Numerics;

namespace NnViz.Engine.Kernels;

/// <summary>
/// Loss values and their gradients with respect to the model output, side by side. Each returns the mean loss
/// with Keras's reduction (per-sample mean over outputs, or sum over classes for cross-entropy, then the mean over
/// the batch), summed in double in index order, and writes d(mean loss)/d(output) into grad.
/// </summary>
public static class LossKernels
{
    /// <summary>Keras's epsilon for clipping probabilities.</summary>
    public const double Epsilon = 1e-7;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Mse<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> y, Span<T> grad, int rows, int cols) where T : IFloatingPointIeee754<T>
    {
        int n = rows * cols;
        T scale = T.CreateChecked(2.0 / n);
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            T d = p[i] - y[i];
            sum += double.CreateChecked(d * d);
            grad[i] = scale * d;
        }
        return sum / n;
    }

    /// <summary>Binary cross-entropy on probabilities, clipped to [ε, 1-ε] as Keras does (gradient 0 where clipped).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double BinaryCrossEntropy<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> y, Span<T> grad, int rows, int cols) where T : IFloatingPointIeee754<T>
    {
        int n = rows * cols;
        T eps = T.CreateChecked(Epsilon), hi = T.One - eps, inv = T.One / T.CreateChecked(n);
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            T q = T.Clamp(p[i], eps, hi);
            sum -= double.CreateChecked(y[i] * T.Log(q + eps) + (T.One - y[i]) * T.Log(T.One - q + eps));
            bool clipped = p[i] < eps || p[i] > hi;
            grad[i] = clipped ? T.Zero : -(y[i] / (q + eps) - (T.One - y[i]) / (T.One - q + eps)) * inv;
        }
        return sum / n;
    }

    /// <summary>Binary cross-entropy on logits z (single- or multi-label): max(z,0) - z·y + log(1 + e^-|z|).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double BinaryCrossEntropyWithLogits<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> y, Span<T> grad, int rows, int cols) where T : IFloatingPointIeee754<T>
    {
        int n = rows * cols;
        T inv = T.One / T.CreateChecked(n);
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            T zi = z[i];
            sum += double.CreateChecked(T.Max(zi, T.Zero) - zi * y[i] + T.Log(T.One + T.Exp(-T.Abs(zi))));
            grad[i] = (Activations.Sigmoid(zi) - y[i]) * inv;
        }
        return sum / n;
    }

    /// <summary>Fused softmax + categorical cross-entropy on logits z with one-hot (or soft) targets y.
    /// Gradient: (softmax(z) - y) / rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SoftmaxCrossEntropy<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> y, Span<T> grad, int rows, int cols) where T : IFloatingPointIeee754<T>
    {
        T inv = T.One / T.CreateChecked(rows);
        double sum = 0;
        for (int r = 0; r < rows; r++)
        {
            var zr = z.Slice(r * cols, cols); var yr = y.Slice(r * cols, cols); var gr = grad.Slice(r * cols, cols);
            T max = zr[0];
            for (int j = 1; j < cols; j++) max = T.Max(max, zr[j]);
            T s = T.Zero;
            for (int j = 0; j < cols; j++) { gr[j] = T.Exp(zr[j] - max); s += gr[j]; }
            T logS = T.Log(s);
            for (int j = 0; j < cols; j++)
            {
                sum -= double.CreateChecked(yr[j] * (zr[j] - max - logS));
                gr[j] = (gr[j] / s - yr[j]) * inv;
            }
        }
        return sum / rows;
    }

    /// <summary>Categorical cross-entropy on probabilities (a softmax output layer), clipped as Keras does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double CategoricalCrossEntropy<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> y, Span<T> grad, int rows, int cols) where T : IFloatingPointIeee754<T>
    {
        T eps = T.CreateChecked(Epsilon), hi = T.One - eps, inv = T.One / T.CreateChecked(rows);
        double sum = 0;
        for (int i = 0; i < rows * cols; i++)
        {
            T q = T.Clamp(p[i], eps, hi);
            sum -= double.CreateChecked(y[i] * T.Log(q));
            grad[i] = p[i] < eps || p[i] > hi ? T.Zero : -y[i] / q * inv;
        }
        return sum / rows;
    }
}
