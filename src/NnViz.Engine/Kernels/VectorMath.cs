using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NnViz.Engine.Kernels;

/// <summary>
/// exp, sigmoid and tanh for float spans, vectorised and deterministic: every element (tails included, through a padded
/// block) runs the same Vector256 instruction sequence of exactly rounded IEEE operations, so a value's bits depend
/// neither on the span length, nor its position, nor AVX-512 being on or off (unlike a libm call or a lane-split sum).
/// Polynomials from Cephes (Moshier 1992: expf, tanhf), about 1-2 ulp.
/// </summary>
public static class VectorMath
{
    private const float Log2E = 1.44269504088896341f, C1 = 0.693359375f, C2 = -2.12194440e-4f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        // exp(x) = 2^n · exp(r), n = round(x·log2 e), r = x - n·ln 2 in two parts (Cody-Waite).
        x = Vector256.Min(Vector256.Max(x, Vector256.Create(-87.33654f)), Vector256.Create(88.0f));
        var n = Vector256.Floor(Vector256.FusedMultiplyAdd(x, Vector256.Create(Log2E), Vector256.Create(0.5f)));
        var r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-C1), x);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-C2), r);
        var p = Vector256.Create(1.9875691500e-4f);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.3981999507e-3f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(8.3334519073e-3f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(4.1665795894e-2f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.6666665459e-1f));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(5.0000001201e-1f));
        var y = Vector256.FusedMultiplyAdd(p, r * r, r) + Vector256<float>.One;
        var scale = (Vector256.ConvertToInt32(n) + Vector256.Create(127)) << 23;
        return y * scale.AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sigmoid(Vector256<float> z) => Vector256<float>.One / (Vector256<float>.One + Exp(-z));

    /// <summary>tanh: the polynomial alone when every lane is below 0.625 (the exp and the division skipped; the selected
    /// values are the same), otherwise both forms and a per-lane select.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Tanh(Vector256<float> x)
    {
        if (Vector256.GreaterThanOrEqual(Vector256.Abs(x), Vector256.Create(0.625f)) == Vector256<float>.Zero) return TanhSmall(x);
        return TanhBoth(x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> TanhSmall(Vector256<float> x)
    {
        var z = x * x;
        var p = Vector256.Create(-5.70498872745e-3f);
        p = Vector256.FusedMultiplyAdd(p, z, Vector256.Create(2.06390887954e-2f));
        p = Vector256.FusedMultiplyAdd(p, z, Vector256.Create(-5.37397155531e-2f));
        p = Vector256.FusedMultiplyAdd(p, z, Vector256.Create(1.33314422036e-1f));
        p = Vector256.FusedMultiplyAdd(p, z, Vector256.Create(-3.33332819422e-1f));
        return Vector256.FusedMultiplyAdd(p * z, x, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> TanhBoth(Vector256<float> x)
    {
        var ax = Vector256.Abs(x);
        // |x| >= 0.625: 1 - 2/(e^{2|x|} + 1) with the sign of x; below, x + x³·P(x²) (Cephes tanhf).
        var big = Vector256<float>.One - Vector256.Create(2f) / (Exp(ax + ax) + Vector256<float>.One);
        big = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<float>.Zero), -big, big);
        var small = TanhSmall(x);
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(ax, Vector256.Create(0.625f)), big, small);
    }

    public static void Exp(Span<float> v) => Apply(v, 0);
    public static void Sigmoid(Span<float> v) => Apply(v, 1);
    public static void Tanh(Span<float> v) => Apply(v, 2);
    public static void Relu(Span<float> v) => Apply(v, 3);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Apply(Span<float> v, int fn)
    {
        ref float start = ref MemoryMarshal.GetReference(v);
        int i = 0;
        for (; i + 8 <= v.Length; i += 8)
        {
            var x = Vector256.LoadUnsafe(ref start, (nuint)i);
            Op(x, fn).StoreUnsafe(ref start, (nuint)i);
        }
        if (i == v.Length) return;
        // The tail goes through the same vector code via a padded block: its bits equal those of a full block.
        Span<float> pad = stackalloc float[8];
        pad.Clear();
        v[i..].CopyTo(pad);
        var y = Op(Vector256.Create<float>(pad), fn);
        y.CopyTo(pad);
        pad[..(v.Length - i)].CopyTo(v[i..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Op(Vector256<float> x, int fn) => fn switch { 0 => Exp(x), 1 => Sigmoid(x), 2 => Tanh(x), _ => Vector256.Max(x, Vector256<float>.Zero) };

    /// <summary>Scalar versions through the vector path (one lane used), for code that needs a single value.</summary>
    public static float Tanh(float x) => Tanh(Vector256.Create(x)).GetElement(0);
    public static float Sigmoid(float x) => Sigmoid(Vector256.Create(x)).GetElement(0);
}
