using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NnViz.Engine.Kernels;

/// <summary>The vector operations <see cref="DenseStack"/> is written in, once for AVX-512 and once for AVX2, so one
/// kernel body serves both widths (each lane is one row: the width never changes a chain).</summary>
internal unsafe interface ILanes<TV> where TV : struct
{
    static abstract int Count { get; }
    static abstract TV Load(float* p);
    static abstract void Store(TV v, float* p);
    static abstract TV Splat(float v);
    /// <summary>a·b + c with one rounding.</summary>
    static abstract TV Fma(TV a, TV b, TV c);
    /// <summary>max(v, 0), the IEEE maximum of <see cref="VectorMath.Relu"/>.</summary>
    static abstract TV Relu(TV v);
    /// <summary>Whether any of the <see cref="DenseStackTiles.Vectors"/> vectors from p holds a value other than ±0
    /// (NaN and infinities count as values).</summary>
    static abstract bool AnyNonZero(float* p);
}

internal readonly unsafe struct Lanes512 : ILanes<Vector512<float>>
{
    public static int Count => Vector512<float>.Count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Load(float* p) => Vector512.Load(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector512<float> v, float* p) => v.Store(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Splat(float v) => Vector512.Create(v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Fma(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Relu(Vector512<float> v) => Vector512.Max(v, Vector512<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyNonZero(float* p)
    {
        var o = Vector512.Load((uint*)p) | Vector512.Load((uint*)p + 16) | Vector512.Load((uint*)p + 32) | Vector512.Load((uint*)p + 48);
        return Vector512.ShiftLeft(o, 1) != Vector512<uint>.Zero; // the sign bit shifted out: ±0 only
    }
}

internal readonly unsafe struct Lanes256 : ILanes<Vector256<float>>
{
    public static int Count => Vector256<float>.Count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Load(float* p) => Vector256.Load(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector256<float> v, float* p) => v.Store(p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Splat(float v) => Vector256.Create(v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Fma(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Relu(Vector256<float> v) => Vector256.Max(v, Vector256<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyNonZero(float* p)
    {
        var o = Vector256.Load((uint*)p) | Vector256.Load((uint*)p + 8) | Vector256.Load((uint*)p + 16) | Vector256.Load((uint*)p + 24);
        return Vector256.ShiftLeft(o, 1) != Vector256<uint>.Zero;
    }
}
