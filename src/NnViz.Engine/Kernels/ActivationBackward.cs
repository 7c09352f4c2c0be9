using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NnViz.Engine.Kernels;

/// <summary>
/// The float path of <see cref="Activations.Backward{T}"/> for the element-wise activations, eight elements at a time:
/// each element gets the very operations of the scalar definition in the same order (tanh dy·(1 - y·y), sigmoid
/// (dy·y)·(1 - y), no fused multiply-add; ReLU selects dy where y &gt; 0, else +0), so the bits are the scalar loop's.
/// A select replaces the ReLU branch, which a batch of half-dead units mispredicts at every other element.
/// </summary>
internal static class ActivationBackward
{
    /// <summary>A span of T known to be float (typeof(T) == typeof(float)) as a float span, for generic kernels whose T is
    /// not constrained to unmanaged.</summary>
    public static ReadOnlySpan<float> AsFloat<T>(ReadOnlySpan<T> s) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(s)), s.Length);

    public static Span<float> AsFloat<T>(Span<T> s) => MemoryMarshal.CreateSpan(ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(s)), s.Length);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Float(Activation act, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dz)
    {
        if (act == Activation.Linear) { dy.CopyTo(dz); return; }
        ref float py = ref MemoryMarshal.GetReference(y);
        ref float pdy = ref MemoryMarshal.GetReference(dy);
        ref float pdz = ref MemoryMarshal.GetReference(dz);
        int n = dz.Length, i = 0;
        for (; i + 8 <= n; i += 8)
        {
            var yv = Vector256.LoadUnsafe(ref py, (nuint)i);
            var g = Vector256.LoadUnsafe(ref pdy, (nuint)i);
            Op(act, yv, g).StoreUnsafe(ref pdz, (nuint)i);
        }
        for (; i < n; i++) dz[i] = Op(act, Vector256.Create(y[i]), Vector256.Create(dy[i])).GetElement(0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Op(Activation act, Vector256<float> y, Vector256<float> dy) => act switch
    {
        Activation.Tanh => dy * (Vector256<float>.One - y * y),
        Activation.Sigmoid => dy * y * (Vector256<float>.One - y),
        _ => Vector256.ConditionalSelect(Vector256.GreaterThan(y, Vector256<float>.Zero), dy, Vector256<float>.Zero),
    };
}
