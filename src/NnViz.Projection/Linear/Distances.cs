using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NnViz.Projection.Linear;

/// <summary>
/// Squared Euclidean distances with a fixed summation order: four 64-bit lanes (Vector256 always has four,
/// with or without AVX-512), combined in a fixed order, then the scalar tail. Same bits on every machine.
/// </summary>
internal static class Distances
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SquaredEuclidean(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int d = a.Length, k = 0;
        double s;
        if (d >= 4)
        {
            var acc = Vector256<double>.Zero;
            ref double ra = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(a);
            ref double rb = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(b);
            for (; k <= d - 4; k += 4)
            {
                var diff = Vector256.LoadUnsafe(ref ra, (nuint)k) - Vector256.LoadUnsafe(ref rb, (nuint)k);
                acc += diff * diff;
            }
            s = (acc.GetElement(0) + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
        }
        else s = 0;
        for (; k < d; k++) { double t = a[k] - b[k]; s += t * t; }
        return s;
    }

    /// <summary>Dot product with the same fixed lane order as <see cref="SquaredEuclidean"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int d = a.Length, k = 0;
        double s;
        if (d >= 4)
        {
            var acc = Vector256<double>.Zero;
            ref double ra = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(a);
            ref double rb = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(b);
            for (; k <= d - 4; k += 4)
                acc += Vector256.LoadUnsafe(ref ra, (nuint)k) * Vector256.LoadUnsafe(ref rb, (nuint)k);
            s = (acc.GetElement(0) + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
        }
        else s = 0;
        for (; k < d; k++) s += a[k] * b[k];
        return s;
    }

    /// <summary>All squared distances from row i to every row of x (n x d) into <paramref name="output"/>.</summary>
    public static void RowToAll(double[] x, int n, int d, int i, Span<double> output)
    {
        var xi = new ReadOnlySpan<double>(x, i * d, d);
        for (int j = 0; j < n; j++) output[j] = SquaredEuclidean(xi, new ReadOnlySpan<double>(x, j * d, d));
    }
}
