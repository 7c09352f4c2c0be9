using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NnViz.Engine.Kernels;

/// <summary>
/// The LSTM's two GEMM shapes that the general <see cref="Gemm.Multiply{T}"/> serves poorly, on the packed micro-kernels
/// (<see cref="PackedMicro"/>, an MR x NR tile of C in registers):
/// <list type="bullet">
/// <item>the weight gradients dW = Σ_t x_tᵀ·dz_t and dU = Σ_t h_{t-1}ᵀ·dz_t: C (+)= Aᵀ·B with k = steps x rows (12,800 in
/// the IMDB shape) and C small. C is cut into fixed column blocks (a function of n only); each block walks k in panels of
/// KC, packing only that panel of B, so A's panel, B's packed panel and C stay in L2 instead of B being re-read from
/// memory for every row block; on AVX-512 on <see cref="PanelGemm"/>'s packed 12/8-row panels and 12x32 tiles, the next
/// panel's rows prefetched by the micro-kernel (<see cref="TallGradientJob"/>);</item>
/// <item>the recurrent products h_{t-1}·U and dz_t·Uᵀ on a 16-row chunk, with U (or Uᵀ) packed once per sequence.</item>
/// </list>
/// Every C[i,j] is one FMA chain over k in increasing order, started from C[i,j] or zero, the running sum waiting in C as
/// a float between k-panels: the bits equal <see cref="Gemm.MultiplyTiled"/> whatever the vector width, blocking or threads.
/// </summary>
public static unsafe class LstmGemm
{
    private const int KC = 256, GradientKC = 128, ColumnBlock = 128;
    /// <summary>The gradient pass on AVX-512: 1 (the default) <see cref="TallGradientJob"/>, 0 the 8x32 pass it replaced
    /// (still the AVX2 pass): a static toggle for the in-process A/B benchmark (bench/engine gemm-ab) and the tests; both
    /// give the same bits.</summary>
    public static int GradientVariant = 1;
    private static bool Wide => Vector512.IsHardwareAccelerated;
    private static int MR => Wide ? 8 : 4;
    private static int NR => Wide ? 32 : 16;

    /// <summary>Whether the packed kernels can run (AVX2 or better); otherwise callers use <see cref="Gemm.Multiply{T}"/>.</summary>
    public static bool CanRun => Vector256.IsHardwareAccelerated;

    /// <summary>Floats a packed copy of a k x n matrix takes (<see cref="Pack"/>).</summary>
    public static int PackedLength(int k, int n) => k * ((n + NR - 1) / NR * NR);

    /// <summary>The weight gradients of one LSTM direction in one pass over dz (n = steps x rows rows of g4):
    /// dW (in x g4) += Σ_p xt[p]ᵀ·dz[p] over all rows p; dU (units x g4) += Σ h[p∓rows]ᵀ·dz[p] over the rows p whose step
    /// has a previous state (p >= rows forward, p &lt; n - rows reversed); db += Σ_p dz[p]. Each element is one chain over p
    /// in increasing order, as <see cref="Gemm.Multiply{T}"/> (dW, dU) and <see cref="DenseKernel.SumRows{T}"/> (db)
    /// compute it; each k-panel of dz is packed once and feeds all three while it is in cache. With batchMajorSteps > 0,
    /// xt is batch-major (row p = t·rows + r of the time-major order at (r·batchMajorSteps + t)·inDim). With dw null, dW is
    /// left out (x is not read): dU and db only.</summary>
    public static void Gradients(float[] xt, int inDim, float[] h, int units, int rows, bool reverse, float[] dz, int g4, int n,
        float[]? dw, float[] du, float[] db, ComputeOptions? options = null, int batchMajorSteps = 0)
    {
        if (!CanRun) throw new InvalidOperationException("LstmGemm needs AVX2 (LstmGemm.CanRun)");
        if (n == 0 || g4 == 0) return;
        if (dw is null) { xt = []; dw = []; inDim = 0; }
        if (xt.Length < n * inDim || h.Length < n * units || dz.Length < n * g4 || dw.Length < inDim * g4 || du.Length < units * g4 || db.Length < g4)
            throw new ArgumentException($"LstmGemm.Gradients: buffers too short for {n} rows, in {inDim}, units {units}, {g4} gates");
        options ??= ComputeOptions.SingleThread;
        fixed (float* px = xt) fixed (float* ph = h) fixed (float* pz = dz) fixed (float* pw = dw) fixed (float* pu = du) fixed (float* pb = db)
        {
            // One thread takes all columns in one block (A's panels packed once, not once per block); the blocks never
            // change a chain, so the bits do not depend on this.
            int columns = options.MaxThreads <= 1 ? g4 : ColumnBlock;
            if (GradientVariant != 0 && Wide)
            {
                var tall = new TallGradientJob(px, inDim, ph, units, rows, reverse, pz, g4, n, pw, pu, pb, batchMajorSteps, columns);
                options.For((g4 + columns - 1) / columns, (long)(inDim + units) * n * g4, tall.Block);
                return;
            }
            var job = new GradientJob(px, inDim, ph, units, rows, reverse, pz, g4, n, pw, pu, pb, batchMajorSteps, columns);
            options.For((g4 + columns - 1) / columns, (long)(inDim + units) * n * g4, job.Block);
        }
    }

    /// <summary>One k-panel of a gradient pass: pack dz's panel (columns j0..j0+nb) into bPanel, add it to db's running sums
    /// in bias, and multiply x's and h's panels (packed into aPanel) against it.</summary>
    private interface IGradientPanels
    {
        void Panel(int k0, int kc, int j0, int nb, float* bPanel, float* aPanel, float* bias);
    }

    /// <summary>One column block of a gradient pass over all n rows of dz, k-panel by k-panel, with its own packing buffers
    /// (64-byte aligned; B's panel padded to nPad columns, A's to aPad rows) and db's running sums kept beside B's panel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunColumnBlock<TJob>(TJob job, int n, int j0, int nb, int nPad, int aPad, float* db) where TJob : struct, IGradientPanels
    {
        var bBuffer = ArrayPool<float>.Shared.Rent(GradientKC * nPad + nPad + PackedMicro.AlignFloats);
        var aBuffer = ArrayPool<float>.Shared.Rent(GradientKC * aPad + PackedMicro.AlignFloats);
        try
        {
            fixed (float* bPin = bBuffer) fixed (float* aPin = aBuffer)
            {
                float* bPanel = PackedMicro.Aligned(bPin), aPanel = PackedMicro.Aligned(aPin);
                float* bias = bPanel + GradientKC * nPad; // db's running sums, padded to whole micro-panels
                new Span<float>(bias, nPad).Clear();
                new ReadOnlySpan<float>(db + j0, nb).CopyTo(new Span<float>(bias, nb));
                for (int k0 = 0; k0 < n; k0 += GradientKC)
                    job.Panel(k0, Math.Min(GradientKC, n - k0), j0, nb, bPanel, aPanel, bias);
                new ReadOnlySpan<float>(bias, nb).CopyTo(new Span<float>(db + j0, nb));
            }
        }
        finally { ArrayPool<float>.Shared.Return(bBuffer); ArrayPool<float>.Shared.Return(aBuffer); }
    }

    /// <summary>AVX-512: the pass on <see cref="PanelGemm"/>'s packed 12/8-row A micro-panels (x's and h's panels) and 12x32
    /// tiles, while each panel computes the next panel's rows of x, h and dz are prefetched one cache line per step of the
    /// micro-kernel (packing a panel otherwise waits on memory). Measured in one process, interleaved (bench/engine gemm-ab
    /// "lstm", best of 16, a loaded machine): 1.26-1.43x the 8x32 pass on one thread (~60 % -> 73-78 % of peak), 1.27-1.33x
    /// per CPU-second on two.</summary>
    private readonly struct TallGradientJob(float* xt, int inDim, float* h, int units, int rows, bool reverse, float* dz, int g4, int n,
        float* dw, float* du, float* db, int batchMajorSteps, int columns) : IGradientPanels
    {
        public void Block(int block)
        {
            int j0 = block * columns, nb = Math.Min(columns, g4 - j0);
            RunColumnBlock(this, n, j0, nb, (nb + 31) / 32 * 32, (Math.Max(inDim, units) + 11) / 12 * 12 + 8, db);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Panel(int k0, int kc, int j0, int nb, float* bPanel, float* aPanel, float* bias)
        {
            PanelGemm.PackRowsB(dz + (long)k0 * g4 + j0, g4, 0, kc, kc, nb, bPanel);
            SumPanel(bPanel, kc, nb, bias);
            // inDim 0: dU and db only (LstmTokens sums dW per token).
            if (inDim > 0 && batchMajorSteps > 0) PackBatchMajorRows(xt, inDim, rows, batchMajorSteps, k0, kc, aPanel);
            else if (inDim > 0) PanelGemm.PackRowsA(xt + (long)k0 * inDim, inDim, 0, kc, kc, inDim, aPanel);
            // dU's rows p in [lo, hi) of dz pair with h[p - shift]; within this panel, q0..q1.
            int lo = reverse ? 0 : rows, hi = reverse ? n - rows : n, shift = reverse ? -rows : rows;
            int q0 = Math.Max(k0, lo), q1 = Math.Min(k0 + kc, hi);
            // The next panel's rows: dz (its columns of this block; whole rows when the block spans them), x (time-major),
            // h (the rows its dU pairs with).
            var next = new PanelGemm.PrefetchStream();
            int nk0 = k0 + kc, nk1 = Math.Min(n, nk0 + GradientKC);
            if (nk1 > nk0)
            {
                if (4L * g4 <= 5L * nb) next.Add(dz + (long)nk0 * g4 + j0, (long)(nk1 - nk0 - 1) * g4 + nb);
                if (batchMajorSteps == 0 && inDim > 0) next.Add(xt + (long)nk0 * inDim, (long)(nk1 - nk0) * inDim);
                int nq0 = Math.Max(nk0, lo), nq1 = Math.Min(nk1, hi);
                if (nq1 > nq0) next.Add(h + (long)(nq0 - shift) * units, (long)(nq1 - nq0) * units);
            }
            int microPanels = (nb + 31) / 32;
            next.Spread(microPanels * (Tiles(inDim) + (q1 > q0 ? Tiles(units) : 0)));
            if (inDim > 0) Product(aPanel, inDim, bPanel, kc, kc, dw + j0, nb, ref next);
            if (q1 <= q0) return;
            PanelGemm.PackRowsA(h + (long)(q0 - shift) * units, units, 0, q1 - q0, q1 - q0, units, aPanel);
            Product(aPanel, units, bPanel + (long)(q0 - k0) * 32, kc, q1 - q0, du + j0, nb, ref next);
        }

        private static int Tiles(int m)
        {
            int t = 0;
            for (int ir = 0; ir < m; ir += PanelGemm.Height(m - ir)) t++;
            return t;
        }

        /// <summary>C (m x nb at row stride g4) += the packed A panel (depth kc) times the packed B micro-panels (bStride apart).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Product(float* aPanel, int m, float* bPanel, int bStride, int kc, float* c, int nb, ref PanelGemm.PrefetchStream next)
        {
            for (int jr = 0; jr < nb; jr += 32)
                for (int ir = 0, hgt; ir < m; ir += hgt)
                {
                    hgt = PanelGemm.Height(m - ir);
                    next.Take(out float* pf, out int count);
                    PanelGemm.TileP(aPanel + (long)ir * kc, hgt, Math.Min(hgt, m - ir), Math.Min(32, nb - jr), bPanel + (long)jr * bStride, kc,
                        c + (long)ir * g4 + jr, g4, true, pf, count);
                }
        }
    }

    /// <summary><see cref="PanelGemm.PackRowsA"/> for rows p0..p0+kc of the time-major order read from a batch-major x
    /// (row p = t·rows + r at (r·steps + t)·width).
    /// Consecutive rows lie a whole sequence apart (steps·width floats, a page or more), which the hardware prefetchers do
    /// not follow, so each row's source is fetched <see cref="RowsAhead"/> rows ahead (a hint only).</summary>
    private static void PackBatchMajorRows(float* x, int width, int rows, int steps, int p0, int kc, float* dst)
    {
        for (int p = 0; p < kc; p++)
        {
            if (Sse.IsSupported)
            {
                int q = p0 + p + RowsAhead, tq = q / rows;
                if (tq < steps)
                {
                    float* ahead = x + ((long)(q - tq * rows) * steps + tq) * width;
                    for (int f = 0; f < width; f += 16) Sse.Prefetch0(ahead + f);
                }
            }
            int t = (p0 + p) / rows, r = (p0 + p) - t * rows;
            PanelGemm.PackRowsA(x + ((long)r * steps + t) * width - (long)p * width, width, p, p + 1, kc, width, dst);
        }
    }

    /// <summary>Rows ahead whose source <see cref="PackBatchMajorRows"/> fetches. Measured (IMDB-shaped batch, one thread,
    /// interleaved in one process, AMD EPYC Zen 5): 23.7 -> 23.0 ms best and 24.7 -> 24.0 ms mean per batch with 8 rows
    /// ahead; 16 measured the same within the noise.</summary>
    private const int RowsAhead = 8;

    private readonly struct GradientJob(float* xt, int inDim, float* h, int units, int rows, bool reverse, float* dz, int g4, int n,
        float* dw, float* du, float* db, int batchMajorSteps, int columns) : IGradientPanels
    {
        public void Block(int block)
        {
            int j0 = block * columns, nb = Math.Min(columns, g4 - j0);
            RunColumnBlock(this, n, j0, nb, (nb + NR - 1) / NR * NR, (Math.Max(inDim, units) + MR - 1) / MR * MR, db);
        }

        public void Panel(int k0, int kc, int j0, int nb, float* bPanel, float* aPanel, float* bias)
        {
            PackPanel(dz + (long)k0 * g4 + j0, g4, kc, nb, bPanel);
            SumPanel(bPanel, kc, nb, bias);
            if (inDim > 0)
            {
                if (batchMajorSteps > 0) PackTransposedRows(xt, inDim, rows, batchMajorSteps, k0, kc, aPanel);
                else PackTransposedA(xt + (long)k0 * inDim, inDim, kc, inDim, aPanel);
                Product(aPanel, kc, 1, MR, bPanel, kc, kc, dw + j0, g4, inDim, nb, init: true);
            }
            // dU's rows p in [lo, hi) of dz pair with h[p - shift]; within this panel, q0..q1.
            int lo = reverse ? 0 : rows, hi = reverse ? n - rows : n, shift = reverse ? -rows : rows;
            int q0 = Math.Max(k0, lo), q1 = Math.Min(k0 + kc, hi);
            if (q1 <= q0) return;
            PackTransposedA(h + (long)(q0 - shift) * units, units, q1 - q0, units, aPanel);
            Product(aPanel, q1 - q0, 1, MR, bPanel + (long)(q0 - k0) * NR, kc, q1 - q0, du + j0, g4, units, nb, init: true);
        }
    }

    /// <summary>acc[j] += the packed panel's rows in order, for every column (padding columns add zeros to padding).</summary>
    private static void SumPanel(float* panel, int kc, int n, float* acc)
    {
        int nr = NR;
        for (int jr = 0; jr < n; jr += nr)
        {
            float* micro = panel + (long)jr * kc;
            for (int q = 0; q < nr; q += 8)
            {
                var s = Vector256.Load(acc + jr + q);
                for (int p = 0; p < kc; p++) s += Vector256.Load(micro + (long)p * nr + q);
                s.Store(acc + jr + q);
            }
        }
    }

    /// <summary><see cref="PackTransposedA"/> for rows p0..p0+kc of the time-major order read from a batch-major x
    /// (row p = t·rows + r at (r·steps + t)·width).</summary>
    private static void PackTransposedRows(float* x, int width, int rows, int steps, int p0, int kc, float* dst)
    {
        int mr = MR;
        for (int p = 0; p < kc; p++)
        {
            int t = (p0 + p) / rows, r = (p0 + p) - t * rows;
            float* src = x + ((long)r * steps + t) * width;
            for (int ir = 0; ir < width; ir += mr)
            {
                float* row = dst + (long)ir * kc + (long)p * mr;
                int w = Math.Min(mr, width - ir);
                if (w == 8) Vector256.Store(Vector256.Load(src + ir), row);
                else for (int q = 0; q < mr; q++) row[q] = q < w ? src[ir + q] : 0f;
            }
        }
    }

    /// <summary>Aᵀ's panel (A stored kc x m, row stride lda) as row micro-panels: rows ir..ir+MR start at ir·kc and hold
    /// column p at p·MR, zero-padded past m, so the micro-kernel reads A contiguously.</summary>
    private static void PackTransposedA(float* a, int lda, int kc, int m, float* dst)
    {
        int mr = MR;
        for (int ir = 0; ir < m; ir += mr)
        {
            int h = Math.Min(mr, m - ir);
            float* micro = dst + (long)ir * kc;
            for (int p = 0; p < kc; p++)
            {
                float* src = a + (long)p * lda + ir, row = micro + (long)p * mr;
                if (h == 8) Vector256.Store(Vector256.Load(src), row);
                else for (int q = 0; q < mr; q++) row[q] = q < h ? src[q] : 0f;
            }
        }
    }

    /// <summary>Packs B (k x n, row stride ldb) into panels of KC rows: panel k0 starts at k0·nPad and holds the
    /// micro-panel of columns jr..jr+NR at jr·kc, row p at p·NR, zero-padded past n.</summary>
    public static void Pack(ReadOnlySpan<float> b, int ldb, int k, int n, Span<float> packed)
    {
        if (packed.Length < PackedLength(k, n)) throw new ArgumentException($"packed needs {PackedLength(k, n)} floats, got {packed.Length}");
        if (k > 0 && n > 0 && b.Length < (long)(k - 1) * ldb + n) throw new ArgumentException($"b needs {(long)(k - 1) * ldb + n} floats for {k} x {n}, got {b.Length}");
        int nPad = (n + NR - 1) / NR * NR;
        fixed (float* pb = b) fixed (float* pp = packed)
            for (int k0 = 0; k0 < k; k0 += KC) PackPanel(pb + (long)k0 * ldb, ldb, Math.Min(KC, k - k0), n, pp + (long)k0 * nPad);
    }

    private static void PackPanel(float* b, int ldb, int kc, int n, float* dst)
    {
        int nr = NR;
        for (int jr = 0; jr < n; jr += nr)
        {
            int w = Math.Min(nr, n - jr);
            float* micro = dst + (long)jr * kc;
            for (int p = 0; p < kc; p++)
            {
                float* src = b + (long)p * ldb + jr, row = micro + (long)p * nr;
                if (w == nr)
                    for (int q = 0; q < nr; q += 8) Vector256.Store(Vector256.Load(src + q), row + q);
                else
                    for (int q = 0; q < nr; q++) row[q] = q < w ? src[q] : 0f;
            }
        }
    }

    /// <summary>C (m x n, row stride ldc) (+)= A·B with A read in place (a(i,p) = a[i·aRow + p·aCol]) and B packed by
    /// <see cref="Pack"/> (k x n). For the recurrent step on one chunk: m is small, B stays in L1/L2 across steps.</summary>
    public static void MultiplyPacked(ReadOnlySpan<float> a, int aRow, int aCol, ReadOnlySpan<float> packed, Span<float> c, int ldc,
        int m, int k, int n, bool accumulate)
    {
        if (m == 0 || n == 0) return;
        if (!CanRun) throw new InvalidOperationException("LstmGemm needs AVX2 (LstmGemm.CanRun)");
        if ((k > 0 && a.Length < (long)(m - 1) * aRow + (long)(k - 1) * aCol + 1) || packed.Length < PackedLength(k, n) || c.Length < (long)(m - 1) * ldc + n)
            throw new ArgumentException($"LstmGemm.MultiplyPacked: buffers too short for {m}x{k}x{n} (a {a.Length}, packed {packed.Length}, c {c.Length})");
        int nPad = (n + NR - 1) / NR * NR;
        fixed (float* pa = a) fixed (float* pp = packed) fixed (float* pc = c)
        {
            if (k == 0) { if (!accumulate) for (int i = 0; i < m; i++) new Span<float>(pc + (long)i * ldc, n).Clear(); return; }
            for (int k0 = 0; k0 < k; k0 += KC)
            {
                int kc = Math.Min(KC, k - k0);
                Product(pa + (long)k0 * aCol, aRow, aRow, aCol, pp + (long)k0 * nPad, kc, kc, pc, ldc, m, n, accumulate || k0 > 0);
            }
        }
    }

    /// <summary>C (+)= A·B over one k-panel of depth kc: micro-panel by micro-panel of B (micro-panel jr at panel + jr·bStride,
    /// kept in L1), every row tile against it. Row tile ir's A starts at a + ir·tileRow (aRow in place; kc for a packed A
    /// whose rows are 1 apart and columns MR).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Product(float* a, long tileRow, long aRow, long aCol, float* panel, int bStride, int kc, float* c, int ldc,
        int m, int n, bool init)
    {
        int mr = MR, nr = NR;
        for (int jr = 0; jr < n; jr += nr)
            for (int ir = 0; ir < m; ir += mr)
                Tile(a + ir * tileRow, aRow, aCol, panel + (long)jr * bStride, kc, c + (long)ir * ldc + jr, ldc,
                    Math.Min(mr, m - ir), Math.Min(nr, n - jr), init);
    }

    /// <summary>One MR x NR tile; a partial tile runs in a local buffer whose extra rows and columns are discarded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile(float* ap, long aRow, long aCol, float* bp, int kc, float* ct, int ldc, int rows, int cols, bool init)
    {
        if (rows == MR && cols == NR) { Micro(ap, aRow, aCol, rows, bp, kc, ct, ldc, init); return; }
        float* t = stackalloc float[8 * 32];
        int nr = NR;
        if (init)
            for (int r = 0; r < rows; r++)
                new ReadOnlySpan<float>(ct + (long)r * ldc, cols).CopyTo(new Span<float>(t + r * nr, cols));
        Micro(ap, aRow, aCol, rows, bp, kc, t, nr, init);
        for (int r = 0; r < rows; r++)
            new ReadOnlySpan<float>(t + r * nr, cols).CopyTo(new Span<float>(ct + (long)r * ldc, cols));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Micro(float* ap, long aRow, long aCol, int rows, float* bp, int kc, float* ct, int ldt, bool init)
    {
        if (Wide) PackedMicro.Tile8x32(ap, aRow, aCol, rows, bp, kc, ct, ldt, init);
        else PackedMicro.Tile4x16(ap, aRow, aCol, rows, bp, kc, ct, ldt, init);
    }
}
