using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NnViz.Engine.Kernels;

/// <summary>
/// The LSTM cell's element-wise work for one row, fused into one pass over 8 units at a time: the four gate
/// nonlinearities, c = f⊙c₋₁ + i⊙g, tanh(c) and h = o⊙tanh(c) (forward), and dh₋₁ += dz·Uᵀ with padding passed through
/// (backward). Each element runs exactly the operations of the composed form (VectorMath's Vector256 sigmoid/tanh,
/// then separately rounded products and sums), and a partial block goes through the same code zero-padded, so the bits
/// equal the unfused loops whatever the unit count, vector width or thread count.
/// </summary>
internal static class LstmCell
{
    /// <summary>z: the row's 4u pre-activations (overwritten by the activated gates i, f, g, o); cPrev/hPrev empty at the
    /// first step; writes c, tc = tanh(c) and h. A padded step (real false) carries c and h over unchanged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ForwardF32(Span<float> z, ReadOnlySpan<float> cPrev, ReadOnlySpan<float> hPrev,
        Span<float> c, Span<float> tc, Span<float> h, bool real)
    {
        int u = c.Length, j = 0;
        bool first = cPrev.IsEmpty;
        ref float zr = ref MemoryMarshal.GetReference(z);
        ref float cp = ref MemoryMarshal.GetReference(cPrev), hp = ref MemoryMarshal.GetReference(hPrev);
        ref float cr = ref MemoryMarshal.GetReference(c), tr = ref MemoryMarshal.GetReference(tc), hr = ref MemoryMarshal.GetReference(h);
        if (Vector512.IsHardwareAccelerated)
            for (; j + 16 <= u; j += 16)
                Block16(ref Unsafe.Add(ref zr, j), u, ref Unsafe.Add(ref cp, j), ref Unsafe.Add(ref hp, j),
                    ref Unsafe.Add(ref cr, j), ref Unsafe.Add(ref tr, j), ref Unsafe.Add(ref hr, j), first, real);
        for (; j + 8 <= u; j += 8)
            Block(ref Unsafe.Add(ref zr, j), u, ref Unsafe.Add(ref cp, j), ref Unsafe.Add(ref hp, j),
                ref Unsafe.Add(ref cr, j), ref Unsafe.Add(ref tr, j), ref Unsafe.Add(ref hr, j), first, real);
        if (j < u) Tail(z, cPrev, hPrev, c, tc, h, j, first, real);
    }

    /// <summary>The last partial block through the same code, zero-padded to 8 units in a local copy.</summary>
    private static void Tail(Span<float> z, ReadOnlySpan<float> cPrev, ReadOnlySpan<float> hPrev,
        Span<float> c, Span<float> tc, Span<float> h, int j, bool first, bool real)
    {
        int u = c.Length, w = u - j;
        Span<float> buf = stackalloc float[8 * 9];
        buf.Clear();
        for (int q = 0; q < 4; q++) z.Slice(q * u + j, w).CopyTo(buf.Slice(q * 8, w));
        if (!first) { cPrev.Slice(j, w).CopyTo(buf.Slice(32, w)); hPrev.Slice(j, w).CopyTo(buf.Slice(40, w)); }
        ref float br = ref MemoryMarshal.GetReference(buf);
        Block(ref br, 8, ref Unsafe.Add(ref br, 32), ref Unsafe.Add(ref br, 40), ref Unsafe.Add(ref br, 48),
            ref Unsafe.Add(ref br, 56), ref Unsafe.Add(ref br, 64), first, real);
        for (int q = 0; q < 4; q++) buf.Slice(q * 8, w).CopyTo(z.Slice(q * u + j, w));
        buf.Slice(48, w).CopyTo(c[j..]); buf.Slice(56, w).CopyTo(tc[j..]); buf.Slice(64, w).CopyTo(h[j..]);
    }

    /// <summary>8 units: gates i, f, g, o at z, z+u, z+2u, z+3u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block(ref float z, int u, ref float cPrev, ref float hPrev, ref float c, ref float tc, ref float h,
        bool first, bool real)
    {
        var i = VectorMath.Sigmoid(Vector256.LoadUnsafe(ref z));
        var f = VectorMath.Sigmoid(Vector256.LoadUnsafe(ref z, (nuint)u));
        var g = VectorMath.Tanh(Vector256.LoadUnsafe(ref z, (nuint)(2 * u)));
        var o = VectorMath.Sigmoid(Vector256.LoadUnsafe(ref z, (nuint)(3 * u)));
        i.StoreUnsafe(ref z); f.StoreUnsafe(ref z, (nuint)u); g.StoreUnsafe(ref z, (nuint)(2 * u)); o.StoreUnsafe(ref z, (nuint)(3 * u));
        var cp = first ? Vector256<float>.Zero : Vector256.LoadUnsafe(ref cPrev);
        var cn = real ? f * cp + i * g : cp;
        var t = VectorMath.Tanh(cn);
        var hn = real ? o * t : first ? Vector256<float>.Zero : Vector256.LoadUnsafe(ref hPrev);
        cn.StoreUnsafe(ref c); t.StoreUnsafe(ref tc); hn.StoreUnsafe(ref h);
    }

    /// <summary><see cref="Block"/> on 16 units (AVX-512): per lane the same operations, so the same bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block16(ref float z, int u, ref float cPrev, ref float hPrev, ref float c, ref float tc, ref float h,
        bool first, bool real)
    {
        var i = VectorMath512.Sigmoid(Vector512.LoadUnsafe(ref z));
        var f = VectorMath512.Sigmoid(Vector512.LoadUnsafe(ref z, (nuint)u));
        var g = VectorMath512.Tanh(Vector512.LoadUnsafe(ref z, (nuint)(2 * u)));
        var o = VectorMath512.Sigmoid(Vector512.LoadUnsafe(ref z, (nuint)(3 * u)));
        i.StoreUnsafe(ref z); f.StoreUnsafe(ref z, (nuint)u); g.StoreUnsafe(ref z, (nuint)(2 * u)); o.StoreUnsafe(ref z, (nuint)(3 * u));
        var cp = first ? Vector512<float>.Zero : Vector512.LoadUnsafe(ref cPrev);
        var cn = real ? f * cp + i * g : cp;
        var t = VectorMath512.Tanh(cn);
        var hn = real ? o * t : first ? Vector512<float>.Zero : Vector512.LoadUnsafe(ref hPrev);
        cn.StoreUnsafe(ref c); t.StoreUnsafe(ref tc); hn.StoreUnsafe(ref h);
    }

    /// <summary>The cell's backward for one row on 16 units at a time (AVX-512; none otherwise): per lane the operations of
    /// the 8-unit loop and the scalar loop that finish the row, so the same bits. Returns the first unit left to them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Backward16(Span<float> z, Span<float> d, ReadOnlySpan<float> dh, ReadOnlySpan<float> tc, ReadOnlySpan<float> cPrevRow,
        Span<float> dc, int units)
    {
        if (!Vector512.IsHardwareAccelerated || z.Length < 4 * units || d.Length < 4 * units || dh.Length < units || tc.Length < units
            || dc.Length < units || (!cPrevRow.IsEmpty && cPrevRow.Length < units)) return 0;
        ref float zr = ref MemoryMarshal.GetReference(z), dr = ref MemoryMarshal.GetReference(d), hr = ref MemoryMarshal.GetReference(dh);
        ref float tr = ref MemoryMarshal.GetReference(tc), cr = ref MemoryMarshal.GetReference(cPrevRow), sr = ref MemoryMarshal.GetReference(dc);
        nuint u = (nuint)units;
        int j = 0;
        bool first = cPrevRow.IsEmpty;
        for (; j + 16 <= units; j += 16) BackBlock16(ref zr, ref dr, ref hr, ref tr, ref cr, ref sr, (nuint)j, u, first);
        return j;
    }

    /// <summary>The backward of 16 units at offset o0 of one row (gates at z, z+u, z+2u, z+3u; dz likewise at d).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BackBlock16(ref float zr, ref float dr, ref float hr, ref float tr, ref float cr, ref float sr, nuint o0, nuint u, bool first)
    {
        var one = Vector512<float>.One;
        var i = Vector512.LoadUnsafe(ref zr, o0); var f = Vector512.LoadUnsafe(ref zr, o0 + u);
        var gg = Vector512.LoadUnsafe(ref zr, o0 + 2 * u); var o = Vector512.LoadUnsafe(ref zr, o0 + 3 * u);
        var dhk = Vector512.LoadUnsafe(ref hr, o0); var tck = Vector512.LoadUnsafe(ref tr, o0);
        var dck = Vector512.LoadUnsafe(ref sr, o0) + dhk * o * (one - tck * tck);
        var cPrev = first ? Vector512<float>.Zero : Vector512.LoadUnsafe(ref cr, o0);
        (dck * gg * i * (one - i)).StoreUnsafe(ref dr, o0);
        (dck * cPrev * f * (one - f)).StoreUnsafe(ref dr, o0 + u);
        (dck * i * (one - gg * gg)).StoreUnsafe(ref dr, o0 + 2 * u);
        (dhk * tck * o * (one - o)).StoreUnsafe(ref dr, o0 + 3 * u);
        (dck * f).StoreUnsafe(ref sr, o0);
    }

    /// <summary>Whether <see cref="ForwardRows"/>, <see cref="BackwardRows"/> and <see cref="AddBackRows"/> serve this unit
    /// count: AVX-512 and whole 16-unit blocks (otherwise the per-row paths, with their 8-unit and scalar tails).</summary>
    public static bool WholeBlocks(int units) => Vector512.IsHardwareAccelerated && units % 16 == 0;

    /// <summary><see cref="ForwardF32"/> for every row of a chunk at one step in one call (rows contiguous: z at r·4u,
    /// the states at r·u): the same blocks per row, without a call and six span checks per row (~25 ns each, measured:
    /// the per-row calls took 2.6x the time of the same work in wide rows). <paramref name="first"/>: no previous state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ForwardRows(Span<float> z, ReadOnlySpan<float> cPrev, ReadOnlySpan<float> hPrev, Span<float> c, Span<float> tc,
        Span<float> h, ReadOnlySpan<bool> real, int units, bool first)
    {
        int rows = real.Length, g4 = 4 * units;
        if (!WholeBlocks(units) || z.Length < rows * g4 || c.Length < rows * units || tc.Length < rows * units || h.Length < rows * units
            || (!first && (cPrev.Length < rows * units || hPrev.Length < rows * units)))
            throw new ArgumentException("LstmCell.ForwardRows: needs AVX-512, whole 16-unit blocks and rows x (4u, u) buffers");
        ref float zr = ref MemoryMarshal.GetReference(z);
        ref float cp = ref MemoryMarshal.GetReference(cPrev), hp = ref MemoryMarshal.GetReference(hPrev);
        ref float cr = ref MemoryMarshal.GetReference(c), tr = ref MemoryMarshal.GetReference(tc), hr = ref MemoryMarshal.GetReference(h);
        for (int r = 0; r < rows; r++)
        {
            int zo = r * g4, so = r * units;
            for (int j = 0; j < units; j += 16)
                Block16(ref Unsafe.Add(ref zr, zo + j), units, ref Unsafe.Add(ref cp, so + j), ref Unsafe.Add(ref hp, so + j),
                    ref Unsafe.Add(ref cr, so + j), ref Unsafe.Add(ref tr, so + j), ref Unsafe.Add(ref hr, so + j), first, real[r]);
        }
    }

    /// <summary>The backward of every row of a chunk at one step in one call (rows contiguous as in <see cref="ForwardRows"/>;
    /// d may be z itself): a padded row's dz is zero, a real row runs <see cref="Backward16"/>'s blocks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void BackwardRows(Span<float> z, Span<float> d, ReadOnlySpan<float> dh, ReadOnlySpan<float> tc, ReadOnlySpan<float> cPrev,
        Span<float> dc, ReadOnlySpan<bool> real, int units, bool first)
    {
        int rows = real.Length, g4 = 4 * units;
        if (!WholeBlocks(units) || z.Length < rows * g4 || d.Length < rows * g4 || dh.Length < rows * units || tc.Length < rows * units
            || dc.Length < rows * units || (!first && cPrev.Length < rows * units))
            throw new ArgumentException("LstmCell.BackwardRows: needs AVX-512, whole 16-unit blocks and rows x (4u, u) buffers");
        ref float zr = ref MemoryMarshal.GetReference(z), dr = ref MemoryMarshal.GetReference(d), hr = ref MemoryMarshal.GetReference(dh);
        ref float tr = ref MemoryMarshal.GetReference(tc), cr = ref MemoryMarshal.GetReference(cPrev), sr = ref MemoryMarshal.GetReference(dc);
        nuint u = (nuint)units;
        for (int r = 0; r < rows; r++)
        {
            int zo = r * g4, so = r * units;
            if (!real[r]) { d.Slice(zo, g4).Clear(); continue; }
            for (int j = 0; j < units; j += 16)
                BackBlock16(ref Unsafe.Add(ref zr, zo), ref Unsafe.Add(ref dr, zo), ref Unsafe.Add(ref hr, so), ref Unsafe.Add(ref tr, so),
                    ref Unsafe.Add(ref cr, so), ref Unsafe.Add(ref sr, so), (nuint)j, u, first);
        }
    }

    /// <summary><see cref="AddBack"/> for every row of a chunk (dhPrev, back and dh rows of u, contiguous).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddBackRows(Span<float> dhPrev, ReadOnlySpan<float> back, ReadOnlySpan<float> dh, ReadOnlySpan<bool> real, int units)
    {
        int rows = real.Length, n = rows * units;
        if (!WholeBlocks(units) || dhPrev.Length < n || back.Length < n || dh.Length < n)
            throw new ArgumentException("LstmCell.AddBackRows: needs AVX-512, whole 16-unit blocks and rows x u buffers");
        ref float pr = ref MemoryMarshal.GetReference(dhPrev);
        ref float br = ref MemoryMarshal.GetReference(back), hr = ref MemoryMarshal.GetReference(dh);
        for (int r = 0; r < rows; r++)
        {
            ref float src = ref real[r] ? ref br : ref hr;
            for (int j = r * units, end = j + units; j < end; j += 16)
                (Vector512.LoadUnsafe(ref pr, (nuint)j) + Vector512.LoadUnsafe(ref src, (nuint)j)).StoreUnsafe(ref pr, (nuint)j);
        }
    }

    /// <summary>dhPrev += back for a real step; a padded step passes its own dh through: dhPrev += dh.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddBack(Span<float> dhPrev, ReadOnlySpan<float> back, ReadOnlySpan<float> dh, bool real)
    {
        var src = real ? back : dh;
        int j = 0;
        for (; j + 8 <= dhPrev.Length; j += 8)
            (Vector256.Create<float>(dhPrev.Slice(j, 8)) + Vector256.Create<float>(src.Slice(j, 8))).CopyTo(dhPrev.Slice(j, 8));
        for (; j < dhPrev.Length; j++) dhPrev[j] += src[j];
    }
}
