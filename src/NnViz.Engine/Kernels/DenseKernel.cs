using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NnViz.Engine.Kernels;

/// <summary>
/// Fused dense layer y = f(x·W + b) over rows (Keras layout: W is in x out, row-major), forward and backward.
/// Generic so gradient checks can run the very same code in double.
/// </summary>
public static class DenseKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> b, Span<T> y,
        int rows, int inDim, int outDim, Activation act, ComputeOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Start every chain from the bias, then accumulate x·W in k order.
        for (int r = 0; r < rows; r++) b[..outDim].CopyTo(y.Slice(r * outDim, outDim));
        Gemm.Multiply(x, inDim, 1, w, outDim, y, outDim, rows, inDim, outDim, accumulate: true, options);
        Activations.Forward(act, y, rows, outDim);
    }

    /// <summary>
    /// Backward from dy (rows x out). dz (scratch, rows x out) receives dy·f'; dW and db are accumulated;
    /// dx (rows x in) is overwritten when not empty, using wT (scratch, out x in) for Wᵀ.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> y, ReadOnlySpan<T> dy,
        Span<T> dz, Span<T> dw, Span<T> db, Span<T> dx, Span<T> wT, int rows, int inDim, int outDim, Activation act,
        ComputeOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Activations.Backward(act, y, dy, dz, rows, outDim);
        // dW += xᵀ·dz: each dW[i,j] is one chain over the rows in order.
        Gemm.Multiply<T>(x, 1, inDim, dz, outDim, dw, outDim, inDim, rows, outDim, accumulate: true, options);
        SumRows<T>(dz, db, rows, outDim);
        if (dx.IsEmpty) return;
        Gemm.Transpose(w, inDim, outDim, wT);
        Gemm.Multiply<T>(dz, outDim, 1, wT, inDim, dx, inDim, rows, outDim, inDim, accumulate: false, options);
    }

    /// <summary>acc[j] += Σ_r m[r, j], rows in order (a fixed-order reduction).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SumRows<T>(ReadOnlySpan<T> m, Span<T> acc, int rows, int cols) where T : IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            SumRowsF32(ActivationBackward.AsFloat(m), ActivationBackward.AsFloat(acc), rows, cols);
            return;
        }
        for (int r = 0; r < rows; r++)
        {
            var row = m.Slice(r * cols, cols);
            for (int j = 0; j < cols; j++) acc[j] += row[j];
        }
    }

    /// <summary>The float SumRows, eight columns at a time held in a register over all rows: each acc[j] still adds the
    /// rows one by one in order (the same additions as the scalar loop, which finishes the last columns).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SumRowsF32(ReadOnlySpan<float> m, Span<float> acc, int rows, int cols)
    {
        ref float pm = ref MemoryMarshal.GetReference(m);
        ref float pa = ref MemoryMarshal.GetReference(acc);
        int j = 0;
        for (; j + 8 <= cols; j += 8)
        {
            var s = Vector256.LoadUnsafe(ref pa, (nuint)j);
            for (int r = 0; r < rows; r++) s += Vector256.LoadUnsafe(ref pm, (nuint)((long)r * cols + j));
            s.StoreUnsafe(ref pa, (nuint)j);
        }
        for (; j < cols; j++)
        {
            float s = acc[j];
            for (int r = 0; r < rows; r++) s += m[r * cols + j];
            acc[j] = s;
        }
    }
}
