using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NnViz.Engine.Kernels;

/// <summary>
/// <see cref="VectorMath"/>'s exp, sigmoid and tanh on 16 lanes: per lane exactly the same sequence of exactly rounded
/// IEEE operations (the same constants, FMAs, floor, conversion, shifts, selects), so each value has the bits of the
/// Vector256 path; only the LSTM cell uses it, when AVX-512 is on, to halve the instruction count of its five
/// nonlinearities per unit. Checked against <see cref="VectorMath"/> by LstmFusedCellTests and the digests.
/// </summary>
internal static class VectorMath512
{
    private const float Log2E = 1.44269504088896341f, C1 = 0.693359375f, C2 = -2.12194440e-4f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        x = Vector512.Min(Vector512.Max(x, Vector512.Create(-87.33654f)), Vector512.Create(88.0f));
        var n = Vector512.Floor(Vector512.FusedMultiplyAdd(x, Vector512.Create(Log2E), Vector512.Create(0.5f)));
        var r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-C1), x);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-C2), r);
        var p = Vector512.Create(1.9875691500e-4f);
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.3981999507e-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(8.3334519073e-3f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(4.1665795894e-2f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.6666665459e-1f));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(5.0000001201e-1f));
        var y = Vector512.FusedMultiplyAdd(p, r * r, r) + Vector512<float>.One;
        var scale = (Vector512.ConvertToInt32(n) + Vector512.Create(127)) << 23;
        return y * scale.AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sigmoid(Vector512<float> z) => Vector512<float>.One / (Vector512<float>.One + Exp(-z));

    /// <summary>tanh: the polynomial alone when every lane is below 0.625 (the exp and the division are skipped, the
    /// selected values are the same), otherwise both forms and a per-lane select. An LSTM's cell states and candidate gates
    /// are mostly small: the IMDB-shaped batch 26.5 -> 25.8 ms and the BiLSTM's 17.7 -> 17.2 ms (one thread, best of 35
    /// interleaved batches, AMD EPYC Zen 5).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Tanh(Vector512<float> x)
    {
        if (Vector512.GreaterThanOrEqual(Vector512.Abs(x), Vector512.Create(0.625f)) == Vector512<float>.Zero) return Small(x);
        return TanhBoth(x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Small(Vector512<float> x)
    {
        var z = x * x;
        var p = Vector512.Create(-5.70498872745e-3f);
        p = Vector512.FusedMultiplyAdd(p, z, Vector512.Create(2.06390887954e-2f));
        p = Vector512.FusedMultiplyAdd(p, z, Vector512.Create(-5.37397155531e-2f));
        p = Vector512.FusedMultiplyAdd(p, z, Vector512.Create(1.33314422036e-1f));
        p = Vector512.FusedMultiplyAdd(p, z, Vector512.Create(-3.33332819422e-1f));
        return Vector512.FusedMultiplyAdd(p * z, x, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> TanhBoth(Vector512<float> x)
    {
        var ax = Vector512.Abs(x);
        var big = Vector512<float>.One - Vector512.Create(2f) / (Exp(ax + ax) + Vector512<float>.One);
        big = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<float>.Zero), -big, big);
        var small = Small(x);
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(ax, Vector512.Create(0.625f)), big, small);
    }
}
