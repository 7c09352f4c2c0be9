using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NnViz.Projection.Linear;

/// <summary>
/// Several dot products sharing one operand, each computed with exactly <see cref="Distances.Dot"/>'s operations in
/// its order (four 64-bit lanes of a·b, combined as (l0 + l1) + (l2 + l3), then the scalar tail), so every result has
/// the bits of the single Dot. Running four chains side by side hides the add latency that bounds a single Dot, and
/// the shared operand is loaded once for all four.
/// </summary>
internal static class DotBlocks
{
    /// <summary>s[j] = Dot(a_j, b) for four rows a0..a3 against one row b (same length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FourRows(ReadOnlySpan<double> a0, ReadOnlySpan<double> a1, ReadOnlySpan<double> a2, ReadOnlySpan<double> a3,
        ReadOnlySpan<double> b, Span<double> s)
    {
        int d = b.Length, k = 0;
        if (Math.Min(Math.Min(a0.Length, a1.Length), Math.Min(a2.Length, a3.Length)) < d) throw new ArgumentException("a row is shorter than b");
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (d >= 4)
        {
            Vector256<double> c0 = default, c1 = default, c2 = default, c3 = default;
            ref double ra0 = ref MemoryMarshal.GetReference(a0), ra1 = ref MemoryMarshal.GetReference(a1);
            ref double ra2 = ref MemoryMarshal.GetReference(a2), ra3 = ref MemoryMarshal.GetReference(a3);
            ref double rb = ref MemoryMarshal.GetReference(b);
            for (; k <= d - 4; k += 4)
            {
                var bv = Vector256.LoadUnsafe(ref rb, (nuint)k);
                c0 += Vector256.LoadUnsafe(ref ra0, (nuint)k) * bv;
                c1 += Vector256.LoadUnsafe(ref ra1, (nuint)k) * bv;
                c2 += Vector256.LoadUnsafe(ref ra2, (nuint)k) * bv;
                c3 += Vector256.LoadUnsafe(ref ra3, (nuint)k) * bv;
            }
            s0 = Lanes(c0); s1 = Lanes(c1); s2 = Lanes(c2); s3 = Lanes(c3);
        }
        for (; k < d; k++) { s0 += a0[k] * b[k]; s1 += a1[k] * b[k]; s2 += a2[k] * b[k]; s3 += a3[k] * b[k]; }
        s[0] = s0; s[1] = s1; s[2] = s2; s[3] = s3;
    }

    /// <summary>s[j] = Dot(a, b_j) for one row a against four rows b0..b3 (the products keep Dot's operand order a·b).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FourAxes(ReadOnlySpan<double> a, ReadOnlySpan<double> b0, ReadOnlySpan<double> b1, ReadOnlySpan<double> b2,
        ReadOnlySpan<double> b3, Span<double> s)
    {
        int d = a.Length, k = 0;
        if (Math.Min(Math.Min(b0.Length, b1.Length), Math.Min(b2.Length, b3.Length)) < d) throw new ArgumentException("a row is shorter than a");
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (d >= 4)
        {
            Vector256<double> c0 = default, c1 = default, c2 = default, c3 = default;
            ref double rb0 = ref MemoryMarshal.GetReference(b0), rb1 = ref MemoryMarshal.GetReference(b1);
            ref double rb2 = ref MemoryMarshal.GetReference(b2), rb3 = ref MemoryMarshal.GetReference(b3);
            ref double ra = ref MemoryMarshal.GetReference(a);
            for (; k <= d - 4; k += 4)
            {
                var av = Vector256.LoadUnsafe(ref ra, (nuint)k);
                c0 += av * Vector256.LoadUnsafe(ref rb0, (nuint)k);
                c1 += av * Vector256.LoadUnsafe(ref rb1, (nuint)k);
                c2 += av * Vector256.LoadUnsafe(ref rb2, (nuint)k);
                c3 += av * Vector256.LoadUnsafe(ref rb3, (nuint)k);
            }
            s0 = Lanes(c0); s1 = Lanes(c1); s2 = Lanes(c2); s3 = Lanes(c3);
        }
        for (; k < d; k++) { s0 += a[k] * b0[k]; s1 += a[k] * b1[k]; s2 += a[k] * b2[k]; s3 += a[k] * b3[k]; }
        s[0] = s0; s[1] = s1; s[2] = s2; s[3] = s3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Lanes(Vector256<double> c) => (c.GetElement(0) + c.GetElement(1)) + (c.GetElement(2) + c.GetElement(3));

    /// <summary>row -= f * q elementwise (a product then a difference, both rounded, as the scalar loop does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SubtractScaled(Span<double> row, double f, ReadOnlySpan<double> q)
    {
        int n = row.Length, i = 0;
        var fv = Vector256.Create(f);
        ref double rrow = ref MemoryMarshal.GetReference(row);
        ref double rq = ref MemoryMarshal.GetReference(q);
        if (q.Length < n) throw new ArgumentException("q is shorter than row");
        for (; i <= n - 4; i += 4) (Vector256.LoadUnsafe(ref rrow, (nuint)i) - fv * Vector256.LoadUnsafe(ref rq, (nuint)i)).StoreUnsafe(ref rrow, (nuint)i);
        for (; i < n; i++) row[i] -= f * q[i];
    }

    /// <summary>row /= divisor elementwise (IEEE division: the same bits vectorised or not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Divide(Span<double> row, double divisor)
    {
        int n = row.Length, i = 0;
        var dv = Vector256.Create(divisor);
        ref double rrow = ref MemoryMarshal.GetReference(row);
        for (; i <= n - 4; i += 4) (Vector256.LoadUnsafe(ref rrow, (nuint)i) / dv).StoreUnsafe(ref rrow, (nuint)i);
        for (; i < n; i++) row[i] /= divisor;
    }

    /// <summary>output = a - b elementwise (IEEE subtraction: the same bits vectorised or not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Difference(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> output)
    {
        int n = a.Length, i = 0;
        if (b.Length < n || output.Length < n) throw new ArgumentException("b or output is shorter than a");
        ref double ra = ref MemoryMarshal.GetReference(a), rb = ref MemoryMarshal.GetReference(b), ro = ref MemoryMarshal.GetReference(output);
        for (; i <= n - 4; i += 4) (Vector256.LoadUnsafe(ref ra, (nuint)i) - Vector256.LoadUnsafe(ref rb, (nuint)i)).StoreUnsafe(ref ro, (nuint)i);
        for (; i < n; i++) output[i] = a[i] - b[i];
    }
}
