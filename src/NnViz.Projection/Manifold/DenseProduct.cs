using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NnViz.Projection.Linear;

namespace NnViz.Projection.Manifold;

/// <summary>
/// Rows of W = B V for classical MDS's eigen-solver: each row of B is read once for four vectors at a time, four
/// independent accumulators instead of one dependent chain. Every entry keeps <see cref="Distances.Dot"/>'s arithmetic
/// exactly (a four-lane Vector256 sum of products in order, lanes added as (0 + 1) + (2 + 3), then the scalar tail),
/// so the bits equal those of one Dot per entry on every machine.
/// </summary>
internal static class DenseProduct
{
    /// <summary>w[c * n + i] = B_i . v_c for rows i in [start, end) and every vector c &lt; p.</summary>
    public static void Rows(double[] b, int n, double[] v, double[] w, int p, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            var row = new ReadOnlySpan<double>(b, i * n, n);
            int c = 0;
            for (; c + 4 <= p; c += 4) Four(row, v, n, c, w, i);
            for (; c < p; c++) w[c * n + i] = Distances.Dot(row, new ReadOnlySpan<double>(v, c * n, n));
        }
    }

    private static void Four(ReadOnlySpan<double> row, double[] v, int n, int c, double[] w, int i)
    {
        ref double r = ref MemoryMarshal.GetReference(row);
        ref double v0 = ref v[c * n];
        ref double v1 = ref v[(c + 1) * n];
        ref double v2 = ref v[(c + 2) * n];
        ref double v3 = ref v[(c + 3) * n];
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        if (n >= 4)
        {
            Vector256<double> a0 = Vector256<double>.Zero, a1 = a0, a2 = a0, a3 = a0;
            for (; k <= n - 4; k += 4)
            {
                var x = Vector256.LoadUnsafe(ref r, (nuint)k);
                a0 += x * Vector256.LoadUnsafe(ref v0, (nuint)k);
                a1 += x * Vector256.LoadUnsafe(ref v1, (nuint)k);
                a2 += x * Vector256.LoadUnsafe(ref v2, (nuint)k);
                a3 += x * Vector256.LoadUnsafe(ref v3, (nuint)k);
            }
            s0 = Lanes(a0); s1 = Lanes(a1); s2 = Lanes(a2); s3 = Lanes(a3);
        }
        for (; k < n; k++)
        {
            double x = Unsafe.Add(ref r, k);
            s0 += x * Unsafe.Add(ref v0, k); s1 += x * Unsafe.Add(ref v1, k);
            s2 += x * Unsafe.Add(ref v2, k); s3 += x * Unsafe.Add(ref v3, k);
        }
        w[c * n + i] = s0; w[(c + 1) * n + i] = s1; w[(c + 2) * n + i] = s2; w[(c + 3) * n + i] = s3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Lanes(Vector256<double> a) => (a.GetElement(0) + a.GetElement(1)) + (a.GetElement(2) + a.GetElement(3));
}
