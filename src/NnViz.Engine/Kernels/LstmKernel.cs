using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NnViz.Engine.Kernels;

/// <summary>
/// Fused LSTM over a whole sequence, forward and backward (Hochreiter &amp; Schmidhuber 1997, with the forget gate of
/// Gers et al. 2000; Keras gate order i, f, g, o): z = x·W + h₋₁·U + b, c = f⊙c₋₁ + i⊙g, h = o⊙tanh(c).
/// The state buffers are time-major ([t][row][·]) so each step's rows are contiguous; x and dx are time-major too, or
/// batch-major ([row][t][·], the layers' layout) with <see cref="Shape.BatchMajorInput"/>: the float path then reads and
/// writes them in place at a row stride (no layout copies), the other paths go through time-major copies (same bits). Rows (sequences) never interact, so they
/// run in fixed chunks in parallel, each chunk through all steps with no synchronisation between steps (h·U, dz·Uᵀ and
/// dx_t = dz_t·Wᵀ on U, Uᵀ and Wᵀ packed once per sequence; b + x·W once per distinct input row, <see cref="LstmInput"/>);
/// the weight gradients dW, dU and db are one fused pass over dz afterwards (<see cref="LstmGemm.Gradients"/>; an LSTM
/// layer reading an embedding leaves dW and dx out and sums them per token instead, <see cref="LstmTokens"/>).
/// A masked step (mask 0, padding) carries h and c unchanged and receives no gradient: padding changes nothing.
/// reverse processes t = T-1 .. 0 (the backward half of a bidirectional layer).
/// </summary>
public static class LstmKernel
{
    /// <summary>Sequences per chunk, the unit a thread runs through all steps. Rows never interact (each row's gates,
    /// states and gradients are chains of that row alone, and a tile's rows past the valid ones are discarded), so the
    /// chunking changes the speed only, never a bit. One thread takes up to <see cref="MaxChunkRows"/> rows at once, so
    /// each packed micro-panel of U, Uᵀ and Wᵀ serves more rows while it is in L1 (IMDB shape, 64 x 200, in 128, units 64,
    /// one thread, thread CPU, best of 12 interleaved rounds, AMD EPYC Zen 5: forward 9.2-9.5 -> 8.6-8.9 ms, backward
    /// 16.8-17.2 -> 16.0-16.5 ms against 16-row chunks); more threads get one chunk each, at least 16 rows.</summary>
    public static int ChunkRows(int rows, ComputeOptions? options)
    {
        int threads = Math.Max(1, options?.MaxThreads ?? 1);
        int perThread = ((rows + threads - 1) / threads + 7) & ~7;
        return Math.Clamp(perThread, MinChunkRows, MaxChunkRows);
    }

    private const int MinChunkRows = 16, MaxChunkRows = 64;

    public readonly record struct Shape(int Steps, int Rows, int In, int Units, bool Reverse, bool BatchMajorInput = false)
    {
        public int G => 4 * Units;
        public int Step(int s) => Reverse ? Steps - 1 - s : s;
        /// <summary>The row of x (and dx) that holds sequence r at step t.</summary>
        public int XRow(int t, int r) => BatchMajorInput ? r * Steps + t : t * Rows + r;
        /// <summary>Floats between the x rows of consecutive sequences at one step.</summary>
        public int XStride => BatchMajorInput ? Steps * In : In;
    }

    /// <summary>Whether T runs the packed float kernels (which read batch-major x in place).</summary>
    private static bool Packed<T>() => typeof(T) == typeof(float) && LstmGemm.CanRun;

    /// <summary>Forward. xt: T·rows·in (rows·T·in with <see cref="Shape.BatchMajorInput"/>); mask: rows·T (batch-major,
    /// 1 real, 0 padding) or empty. Writes gates (activated i,f,g,o: T·rows·4u), c, tanh(c) and h (T·rows·u).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<T>(Shape s, T[] xt, T[]? mask, T[] w, T[] u, T[] b,
        T[] gates, T[] c, T[] tc, T[] h, ComputeOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (s.BatchMajorInput && !Packed<T>())
        {
            Forward(s with { BatchMajorInput = false }, LstmLayout.TimeMajor(xt, s), mask, w, u, b, gates, c, tc, h, options);
            return;
        }
        int g4 = s.G, n = s.Steps * s.Rows;
        options ??= ComputeOptions.SingleThread;
        float[]? packedW = PackWeights(w, s.In, g4), packedU = PackWeights(u, s.Units, g4);
        LstmInput? input = packedW is null ? null : LstmInput.TryCreate((float[])(object)xt, n, s.In, (float[])(object)b, packedW, g4, options);
        try
        {
            if (packedW is null)
            {
                // Every gate's chain starts from its bias, then x·W for all steps in one product (the chunks add h·U).
                for (int r = 0; r < n; r++) b.AsSpan(0, g4).CopyTo(gates.AsSpan(r * g4, g4));
                Gemm.Multiply<T>(xt, s.In, 1, w, g4, gates, g4, n, s.In, g4, accumulate: true, options);
            }
            int cr = ChunkRows(s.Rows, options), chunks = (s.Rows + cr - 1) / cr;
            options.For(chunks, (long)n * (s.In + s.Units) * g4,
                ch => ForwardRows(s, ch * cr, Math.Min(s.Rows, (ch + 1) * cr), mask, xt, b, packedW, input, u, packedU, gates, c, tc, h));
        }
        finally
        {
            input?.Dispose();
            if (packedW is not null) ArrayPool<float>.Shared.Return(packedW);
            if (packedU is not null) ArrayPool<float>.Shared.Return(packedU);
        }
    }

    /// <summary>A weight matrix (k x n) packed once per sequence for the per-step products (float on AVX2 only;
    /// null otherwise: the steps then use <see cref="Gemm.Multiply{T}"/>, same bits). Returned to the shared pool by the caller.</summary>
    private static float[]? PackWeights<T>(T[] m, int k, int n) where T : unmanaged
    {
        if (typeof(T) != typeof(float) || !LstmGemm.CanRun) return null;
        var packed = ArrayPool<float>.Shared.Rent(LstmGemm.PackedLength(k, n));
        LstmGemm.Pack(Cast(m.AsSpan(0, k * n)), n, k, n, packed);
        return packed;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardRows<T>(Shape s, int r0, int r1, T[]? mask, T[] xt, T[] b, float[]? packedW, LstmInput? input, T[] u,
        float[]? packedU, T[] gates, T[] c, T[] tc, T[] h) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int units = s.Units, g4 = s.G, rc = r1 - r0;
        // Float with whole 16-unit blocks on AVX-512: the cell runs a whole chunk's rows per call (the same blocks per row).
        bool wholeRows = typeof(T) == typeof(float) && LstmCell.WholeBlocks(units);
        Span<bool> reals = wholeRows ? stackalloc bool[rc] : default;
        for (int step = 0; step < s.Steps; step++)
        {
            int t = s.Step(step), tp = s.Step(step - 1);
            int zo = (t * s.Rows + r0) * g4, so = (t * s.Rows + r0) * units, po = (tp * s.Rows + r0) * units;
            if (input is not null)
                for (int r = 0; r < rc; r++) input.Products(s.XRow(t, r0 + r)).CopyTo(Cast(gates.AsSpan(zo + r * g4, g4)));
            else if (packedW is not null)
            {
                // The chunk's gates at this step: bias, then x_t·W, then h₋₁·U below: each chain in the order of the unfused path.
                for (int r = 0; r < rc; r++) b.AsSpan(0, g4).CopyTo(gates.AsSpan(zo + r * g4, g4));
                LstmGemm.MultiplyPacked(Cast(xt.AsSpan(s.XRow(t, r0) * s.In, (rc - 1) * s.XStride + s.In)), s.XStride, 1, packedW,
                    Cast(gates.AsSpan(zo, rc * g4)), g4, rc, s.In, g4, accumulate: true);
            }
            if (step > 0 && packedU is not null)
                LstmGemm.MultiplyPacked(Cast(h.AsSpan(po, rc * units)), units, 1, packedU, Cast(gates.AsSpan(zo, rc * g4)), g4, rc, units, g4, accumulate: true);
            else if (step > 0) Gemm.Multiply<T>(h.AsSpan(po), units, 1, u, g4, gates.AsSpan(zo), g4, rc, units, g4, accumulate: true);
            if (wholeRows)
            {
                for (int r = 0; r < rc; r++) reals[r] = mask is null || mask[(r0 + r) * s.Steps + t] != T.Zero;
                LstmCell.ForwardRows(Cast(gates.AsSpan(zo, rc * g4)), step > 0 ? Cast(c.AsSpan(po, rc * units)) : [],
                    step > 0 ? Cast(h.AsSpan(po, rc * units)) : [], Cast(c.AsSpan(so, rc * units)), Cast(tc.AsSpan(so, rc * units)),
                    Cast(h.AsSpan(so, rc * units)), reals, units, first: step == 0);
                continue;
            }
            for (int r = 0; r < rc; r++)
            {
                bool real = mask is null || mask[(r0 + r) * s.Steps + t] != T.Zero;
                int k0 = so + r * units, p0 = po + r * units;
                if (typeof(T) == typeof(float))
                    LstmCell.ForwardF32(Cast(gates.AsSpan(zo + r * g4, g4)), step > 0 ? Cast(c.AsSpan(p0, units)) : [],
                        step > 0 ? Cast(h.AsSpan(p0, units)) : [], Cast(c.AsSpan(k0, units)), Cast(tc.AsSpan(k0, units)),
                        Cast(h.AsSpan(k0, units)), real);
                else CellForward(gates.AsSpan(zo + r * g4, g4), c, tc, h, k0, step > 0 ? p0 : -1, units, real);
            }
        }
    }

    /// <summary>The cell for one row in the composed form (double gradient checks): activations, then c, tanh(c), h.</summary>
    private static void CellForward<T>(Span<T> z, T[] c, T[] tc, T[] h, int k0, int p0, int units, bool real)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Activate(z[..(2 * units)], sigmoid: true);
        Activate(z.Slice(2 * units, units), sigmoid: false);
        Activate(z.Slice(3 * units, units), sigmoid: true);
        for (int j = 0; j < units; j++)
        {
            T cPrev = p0 >= 0 ? c[p0 + j] : T.Zero;
            c[k0 + j] = real ? z[units + j] * cPrev + z[j] * z[2 * units + j] : cPrev;
        }
        c.AsSpan(k0, units).CopyTo(tc.AsSpan(k0, units));
        Activate(tc.AsSpan(k0, units), sigmoid: false);
        for (int j = 0; j < units; j++)
            h[k0 + j] = real ? z[3 * units + j] * tc[k0 + j] : p0 >= 0 ? h[p0 + j] : T.Zero;
    }

    /// <summary>Sigmoid or tanh in place: the deterministic vector path for float, the plain formula otherwise (double checks).</summary>
    private static void Activate<T>(Span<T> v, bool sigmoid) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            var f = System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(v);
            if (sigmoid) VectorMath.Sigmoid(f); else VectorMath.Tanh(f);
            return;
        }
        for (int i = 0; i < v.Length; i++) v[i] = sigmoid ? Activations.Sigmoid(v[i]) : T.Tanh(v[i]);
    }

    /// <summary>Backward through time. dh: T·rows·u gradients of the loss w.r.t. every h_t (consumed: overwritten).
    /// Writes dZ (T·rows·4u; it may be the gates array itself, which is then overwritten); accumulates dW (when not null:
    /// a caller that sums it per token passes null, <see cref="LstmTokens"/>), dU, db; writes dxt (T·rows·in, or
    /// batch-major like xt) when not null.
    /// Scratch: uT (4u·u), wT (4u·in), scratch (<see cref="ScratchLength"/>).</summary>
    public static int ScratchLength(int rows, int units) => rows * 2 * units;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward<T>(Shape s, T[] xt, T[]? mask, T[] w, T[] u, T[] gates, T[] c, T[] tc, T[] h,
        T[] dh, T[] dz, T[]? dw, T[] du, T[] db, T[]? dxt, T[] uT, T[] wT, T[] scratch, ComputeOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (s.BatchMajorInput && !Packed<T>())
        {
            var dxTime = dxt is null ? null : new T[dxt.Length];
            Backward(s with { BatchMajorInput = false }, LstmLayout.TimeMajor(xt, s), mask, w, u, gates, c, tc, h, dh, dz, dw, du, db,
                dxTime, uT, wT, scratch, options);
            if (dxt is not null) LstmLayout.FromTimeMajor(dxTime!, dxt, s.Rows, s.Steps, s.In);
            return;
        }
        int units = s.Units, g4 = s.G, n = s.Steps * s.Rows;
        Gemm.Transpose<T>(u, units, g4, uT);
        int cr = ChunkRows(s.Rows, options), chunks = (s.Rows + cr - 1) / cr;
        if (dxt is not null) Gemm.Transpose<T>(w, s.In, g4, wT);
        float[]? packed = PackWeights(uT, g4, units), packedWT = dxt is null ? null : PackWeights(wT, g4, s.In);
        try
        {
            // Each chunk's dx_t = dz_t·Wᵀ right after its dz_t (on Wᵀ packed once), while dz_t is in cache.
            (options ?? ComputeOptions.SingleThread).For(chunks, (long)n * (units + (dxt is null ? 0 : s.In)) * g4,
                ch => BackwardRows(s, ch * cr, Math.Min(s.Rows, (ch + 1) * cr), mask, uT, packed, packedWT, dxt, gates, c, tc,
                    dh, dz, scratch.AsSpan(ch * cr * 2 * units, Math.Min(s.Rows - ch * cr, cr) * 2 * units)));
        }
        finally
        {
            if (packed is not null) ArrayPool<float>.Shared.Return(packed);
            if (packedWT is not null) ArrayPool<float>.Shared.Return(packedWT);
        }
        WeightGradients(s, xt, h, dz, dw, du, db, options);
        if (dxt is not null && packedWT is null) Gemm.Multiply<T>(dz, g4, 1, wT, s.In, dxt, s.In, n, g4, s.In, accumulate: false, options);
    }

    /// <summary>dW (unless null), dU and db: one chain per element over all (t, row) in time-major order (for float one fused
    /// pass over dz).</summary>
    private static void WeightGradients<T>(Shape s, T[] xt, T[] h, T[] dz, T[]? dw, T[] du, T[] db, ComputeOptions? options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int units = s.Units, g4 = s.G, n = s.Steps * s.Rows;
        if (typeof(T) == typeof(float) && LstmGemm.CanRun)
        {
            LstmGemm.Gradients((float[])(object)xt, s.In, (float[])(object)h, units, s.Rows, s.Reverse, (float[])(object)dz, g4, n,
                (float[]?)(object?)dw, (float[])(object)du, (float[])(object)db, options, s.BatchMajorInput ? s.Steps : 0);
            return;
        }
        if (dw is not null) Gemm.Multiply<T>(xt, 1, s.In, dz, g4, dw, g4, s.In, n, g4, accumulate: true, options);
        if (s.Steps > 1)
        {
            // dU = Σ_t h_prev(t)ᵀ·dz_t: for the forward direction h_0..h_{T-2} pair with dz_1..dz_{T-1}; reversed, h_1.. with dz_0..
            int m = (s.Steps - 1) * s.Rows;
            var hPrev = s.Reverse ? h.AsSpan(s.Rows * units) : h.AsSpan();
            var dzNext = s.Reverse ? dz.AsSpan() : dz.AsSpan(s.Rows * g4);
            Gemm.Multiply<T>(hPrev, 1, units, dzNext, g4, du, g4, units, m, g4, accumulate: true, options);
        }
        DenseKernel.SumRows<T>(dz, db, n, g4);
    }

    private static Span<float> Cast<T>(Span<T> v) where T : unmanaged => System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(v);

    /// <summary>The cell's backward for one row, 8 units at a time; the same operations in the same order as the scalar
    /// loop that finishes the row, so the bits do not depend on the split. Returns the first unit left to the scalar loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CellBackwardF32(Span<float> z, Span<float> d, Span<float> dh, Span<float> tc, Span<float> cPrevRow, Span<float> dc, int units)
    {
        var one = Vector256<float>.One;
        int j = LstmCell.Backward16(z, d, dh, tc, cPrevRow, dc, units);
        for (; j + 8 <= units; j += 8)
        {
            var i = Vector256.Create<float>(z.Slice(j, 8)); var f = Vector256.Create<float>(z.Slice(units + j, 8));
            var gg = Vector256.Create<float>(z.Slice(2 * units + j, 8)); var o = Vector256.Create<float>(z.Slice(3 * units + j, 8));
            var dhk = Vector256.Create<float>(dh.Slice(j, 8)); var tck = Vector256.Create<float>(tc.Slice(j, 8));
            var dck = Vector256.Create<float>(dc.Slice(j, 8)) + dhk * o * (one - tck * tck);
            var cPrev = cPrevRow.IsEmpty ? Vector256<float>.Zero : Vector256.Create<float>(cPrevRow.Slice(j, 8));
            (dck * gg * i * (one - i)).CopyTo(d.Slice(j, 8));
            (dck * cPrev * f * (one - f)).CopyTo(d.Slice(units + j, 8));
            (dck * i * (one - gg * gg)).CopyTo(d.Slice(2 * units + j, 8));
            (dhk * tck * o * (one - o)).CopyTo(d.Slice(3 * units + j, 8));
            (dck * f).CopyTo(dc.Slice(j, 8));
        }
        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BackwardRows<T>(Shape s, int r0, int r1, T[]? mask, T[] uT, float[]? packedUT, float[]? packedWT, T[]? dxt,
        T[] gates, T[] c, T[] tc, T[] dh, T[] dz, Span<T> scratch) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int units = s.Units, g4 = s.G, rc = r1 - r0;
        var dc = scratch[..(rc * units)];
        var back = scratch.Slice(rc * units, rc * units);
        dc.Clear();
        bool wholeRows = typeof(T) == typeof(float) && LstmCell.WholeBlocks(units);
        Span<bool> reals = wholeRows ? stackalloc bool[rc] : default;
        for (int step = s.Steps - 1; step >= 0; step--)
        {
            int t = s.Step(step), tp = s.Step(step - 1);
            int zo = (t * s.Rows + r0) * g4, so = (t * s.Rows + r0) * units, po = (tp * s.Rows + r0) * units;
            if (wholeRows)
            {
                for (int r = 0; r < rc; r++) reals[r] = mask is null || mask[(r0 + r) * s.Steps + t] != T.Zero;
                LstmCell.BackwardRows(Cast(gates.AsSpan(zo, rc * g4)), Cast(dz.AsSpan(zo, rc * g4)), Cast(dh.AsSpan(so, rc * units)),
                    Cast(tc.AsSpan(so, rc * units)), step > 0 ? Cast(c.AsSpan(po, rc * units)) : Span<float>.Empty, Cast(dc), reals, units,
                    first: step == 0);
            }
            else
            for (int r = 0; r < rc; r++)
            {
                bool real = mask is null || mask[(r0 + r) * s.Steps + t] != T.Zero;
                var z = gates.AsSpan(zo + r * g4, g4);
                var d = dz.AsSpan(zo + r * g4, g4);
                if (!real) { d.Clear(); continue; }
                int j0 = 0;
                if (typeof(T) == typeof(float))
                    j0 = CellBackwardF32(Cast(z), Cast(d), Cast(dh.AsSpan(so + r * units, units)), Cast(tc.AsSpan(so + r * units, units)),
                        step > 0 ? Cast(c.AsSpan(po + r * units, units)) : Span<float>.Empty, Cast(dc.Slice(r * units, units)), units);
                for (int j = j0; j < units; j++)
                {
                    int k = so + r * units + j;
                    T i = z[j], f = z[units + j], gg = z[2 * units + j], o = z[3 * units + j];
                    T dhk = dh[k], tck = tc[k];
                    T dck = dc[r * units + j] + dhk * o * (T.One - tck * tck);
                    T cPrev = step > 0 ? c[po + r * units + j] : T.Zero;
                    d[j] = dck * gg * i * (T.One - i);
                    d[units + j] = dck * cPrev * f * (T.One - f);
                    d[2 * units + j] = dck * i * (T.One - gg * gg);
                    d[3 * units + j] = dhk * tck * o * (T.One - o);
                    dc[r * units + j] = dck * f;
                }
            }
            if (packedWT is not null)
                LstmGemm.MultiplyPacked(Cast(dz.AsSpan(zo, rc * g4)), g4, 1, packedWT,
                    Cast(dxt.AsSpan(s.XRow(t, r0) * s.In, (rc - 1) * s.XStride + s.In)), s.XStride, rc, g4, s.In, accumulate: false);
            if (step == 0) break;
            // dh_prev = dz_t·Uᵀ for real rows; a padded row passes its dh through unchanged.
            if (packedUT is not null)
                LstmGemm.MultiplyPacked(Cast(dz.AsSpan(zo, rc * g4)), g4, 1, packedUT, Cast(back), units, rc, g4, units, accumulate: false);
            else Gemm.Multiply<T>(dz.AsSpan(zo), g4, 1, uT, units, back, units, rc, g4, units, accumulate: false);
            if (wholeRows)
            {
                LstmCell.AddBackRows(Cast(dh.AsSpan(po, rc * units)), Cast(back), Cast(dh.AsSpan(so, rc * units)), reals, units);
                continue;
            }
            for (int r = 0; r < rc; r++)
            {
                bool real = mask is null || mask[(r0 + r) * s.Steps + t] != T.Zero;
                int k = po + r * units, kt = so + r * units;
                if (typeof(T) == typeof(float))
                {
                    LstmCell.AddBack(Cast(dh.AsSpan(k, units)), Cast(back.Slice(r * units, units)), Cast(dh.AsSpan(kt, units)), real);
                    continue;
                }
                for (int j = 0; j < units; j++) dh[k + j] += real ? back[r * units + j] : dh[kt + j];
            }
        }
    }
}
