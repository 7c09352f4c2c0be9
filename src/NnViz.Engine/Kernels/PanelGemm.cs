using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NnViz.Engine.Kernels;

/// <summary>
/// The packed GEMM for products whose B is too large to pack once and share: deep weight gradients such as
/// dW = xᵀ·dz (128 x 12800 x 256, B is 13 MB), which <see cref="PackedGemm"/> would pack whole and re-read from memory
/// for every row block. Here C is cut into fixed blocks (at most <see cref="MaxMC"/> x <see cref="NC"/>, sizes from the
/// shape alone); each block walks k in panels of KC and packs only its own KC x NC slice of B, into a buffer of its own,
/// just before using it, so the slice (128 KB) and the block of C stay in L2. The tiles are <see cref="PackedMicro"/>'s:
/// every C[i,j] is one FMA chain over k in increasing order started from C[i,j] or zero, the same bits as
/// <see cref="Gemm.MultiplyTiled"/> and <see cref="PackedGemm"/>.
/// </summary>
public static unsafe class PanelGemm
{
    private const int KC = 128, NC = 128, MaxMC = 128;
    /// <summary>The packed-A path for Aᵀ (1, the default) or the in-place 8x32 blocks it replaced (0): a static toggle for
    /// the in-process A/B benchmark (bench/engine gemm-ab) and the tests; both give the same bits.</summary>
    public static int Variant = 1;

    /// <summary>The packed-A path's k-panel depth and column block widths: one thread takes 256 columns at once (one
    /// packing of A per k-panel serves them all), a split product 128-column blocks so that two threads each take one
    /// (the blocks never change a chain). Measured (bench/engine gemm-ab, 128x12800x256 Aᵀ, one thread, best of 16):
    /// KC 128 85 % of peak, 64 83 %, 96 81 %, 160 83 %, 192 82 %, 256 75 %; 128-column blocks on one thread 81 %; two threads
    /// per CPU-second: 128-column blocks 76 %, 64 58 %, 32 49 %.</summary>
    private const int TallKC = 128, TallNC = 256, TallSplitNC = 128;

    /// <summary>B beyond 2^18 floats (1 MB, half of L2) and C at least one tile wide and a few tiles tall.</summary>
    public static bool Suits(int m, int k, int n) => PackedGemm.CanRun(m, k, n) && n >= 32 && m >= 32 && (long)k * n > 1 << 18;

    /// <summary>Rows per block: the rows split evenly into ceil(m / 128) blocks, rounded up to whole 8-row tiles.</summary>
    public static int RowsPerBlock(int m)
    {
        int blocks = (m + MaxMC - 1) / MaxMC;
        return ((m + blocks - 1) / blocks + 7) & ~7;
    }

    /// <summary>C (+)= A·B with A addressed as a(i,p) = a[i*aRow + p*aCol]; requires <see cref="PackedGemm.CanRun"/>.
    /// Aᵀ with n a multiple of 32 or above 128 takes the packed-A path on AVX-512 (<see cref="TallJob"/>); the rest (A
    /// row-major, narrow ragged n such as 784x10000x60, where the packed-A path measured 0.8x, and AVX2) the in-place blocks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(ReadOnlySpan<float> a, int aRow, int aCol, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, int m, int k, int n, bool accumulate, ComputeOptions? options = null)
    {
        if (!PackedGemm.CanRun(m, k, n)) throw new ArgumentException($"PanelGemm needs m, k, n >= 1 and AVX2; got {m}x{k}x{n}");
        options ??= ComputeOptions.SingleThread;
        fixed (float* pa = a) fixed (float* pb = b) fixed (float* pc = c)
        {
            bool split = GemmSplit.Worth(options, (long)m * k * n);
            // Split over threads, the packed-A path only when C is one row block (its tasks are column blocks): with several
            // row blocks each task streams all of B on its own and it measured 0.8-0.9x the in-place blocks (784x10000x64,
            // 256x12800x256 Aᵀ, two threads).
            if (Variant != 0 && PackedMicro.TallMR > 0 && aRow == 1 && (n % 32 == 0 || n > 128) && (!split || m <= MaxMC))
            {
                int ncw = split ? TallSplitNC : TallNC;
                var tall = new TallJob(pa, aCol, pb, ldb, pc, ldc, m, k, n, accumulate, RowsPerBlock(m), ncw);
                int rb = (m + tall.MC - 1) / tall.MC, cb = (n + ncw - 1) / ncw;
                if (rb * cb > 1 && split)
                {
                    GemmTasks.Run(options, 0, null, rb * cb, t => tall.Run(t / cb, t / cb + 1, t % cb, t % cb + 1));
                }
                else tall.Run(0, rb, 0, cb);
                return;
            }
            var job = new Job(pa, aRow, aCol, pb, ldb, pc, ldc, m, k, n, accumulate, RowsPerBlock(m));
            int rowBlocks = (m + job.MC - 1) / job.MC, colBlocks = (n + NC - 1) / NC, blocks = rowBlocks * colBlocks;
            if (blocks > 1 && GemmSplit.Worth(options, (long)m * k * n))
                job.RunParallel(options, colBlocks, blocks);
            else
                // One thread: every block advances one k-panel at a time, so the panel of A read for the first block
                // is still in L2 for the others (each C element still meets the k-panels in order).
                for (int k0 = 0; k0 < k; k0 += KC)
                    for (int t = 0; t < blocks; t++) job.Block(t / colBlocks * job.MC, t % colBlocks * NC, k0, Math.Min(k, k0 + KC));
        }
    }

    /// <summary>rows x width floats at start, start + stride, ...: fetched towards L2 in equal parts, part t of parts.</summary>
    private readonly struct Region(float* start, int rows, long stride, int width)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Prefetch(int part, int parts)
        {
            if (!Sse.IsSupported || rows <= 0) return;
            int per = (rows + parts - 1) / parts, r1 = Math.Min(rows, (part + 1) * per);
            for (int r = part * per; r < r1; r++)
                for (int q = 0; q < width; q += 16) Sse.Prefetch1(start + r * stride + q);
        }
    }

    private readonly struct Job(float* a, int aRow, int aCol, float* b, int ldb, float* c, int ldc, int m, int k, int n,
        bool accumulate, int mc)
    {
        public readonly int MC = mc;

        /// <summary>Every block over all of k, blocks shared out by <see cref="GemmTasks"/>.</summary>
        public void RunParallel(ComputeOptions options, int colBlocks, int blocks)
        {
            var job = this;
            int depth = k;
            GemmTasks.Run(options, 0, null, blocks, t => job.Block(t / colBlocks * job.MC, t % colBlocks * NC, 0, depth));
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        /// <summary>The block at (i0, j0) over k-panels [k0, k1) (k0 a multiple of KC).</summary>
        public void Block(int i0, int j0, int kFrom, int kTo)
        {
            int mb = Math.Min(MC, m - i0), nb = Math.Min(NC, n - j0), nr = PackedMicro.NR, mr = PackedMicro.MR;
            var buffer = ArrayPool<float>.Shared.Rent(KC * NC + PackedMicro.AlignFloats);
            try
            {
                fixed (float* pinned = buffer)
                {
                    float* packed = PackedMicro.Aligned(pinned);
                    for (int k0 = kFrom; k0 < kTo; k0 += KC)
                    {
                        int kc = Math.Min(KC, k - k0);
                        PackedMicro.PackPanel(b + (long)k0 * ldb + j0, ldb, kc, nb, nr, packed);
                        bool init = accumulate || k0 > 0;
                        int kn = Math.Min(KC, k - k0 - kc), tiles = (mb + mr - 1) / mr * ((nb + nr - 1) / nr), tile = 0;
                        // The next k-panel's slices of B and A are fetched towards L2 a few lines per tile, so that
                        // streaming them from memory overlaps this panel's arithmetic instead of stalling the packing.
                        var nextB = new Region(b + (long)(k0 + kc) * ldb + j0, kn, ldb, nb);
                        var nextA = aCol > aRow ? new Region(a + (long)(k0 + kc) * aCol + (long)i0 * aRow, kn, aCol, mb)
                            : new Region(a + (long)i0 * aRow + (long)(k0 + kc) * aCol, mb, aRow, kn);
                        for (int ir = 0; ir < mb; ir += mr)
                            for (int jr = 0; jr < nb; jr += nr, tile++)
                            {
                                nextB.Prefetch(tile, tiles); nextA.Prefetch(tile, tiles);
                                PackedMicro.Tile(a + (long)(i0 + ir) * aRow + (long)k0 * aCol, aRow, aCol, Math.Min(mr, mb - ir),
                                    Math.Min(nr, nb - jr), packed + (long)jr * kc, kc, c + (long)(i0 + ir) * ldc + j0 + jr, ldc, init);
                            }
                    }
                }
            }
            finally { ArrayPool<float>.Shared.Return(buffer); }
        }
    }

    /// <summary>Aᵀ on AVX-512 (a(i,p) = a[i + p*aCol]): each k-panel packs every row block's A (mb x kc) as row micro-panels
    /// of 12 or 8 rows (<see cref="PackRowsA"/>) and B's column blocks (<see cref="PackRowsB"/>), and walks B's micro-panels
    /// (kc x 32, 16 KB, kept in L1) outermost with every row tile against each (<see cref="PackedMicro.Tile12x32Packed"/>).
    /// On Zen 5 the arithmetic alone runs at ~89 % of peak, but packing a panel whose rows come from memory took a quarter
    /// of the time (measured by skipping it); so while a panel computes, the next panel's rows of A and B are prefetched one
    /// cache line per step of the micro-kernel, which brought 128x12800x256 from 69-71 % to 84-86 % (one thread, in-process,
    /// best of 16; a burst of prefetches before each tile, as the in-place path does, gave 2-3 points).</summary>
    private readonly struct TallJob(float* a, int aCol, float* b, int ldb, float* c, int ldc, int m, int k, int n,
        bool accumulate, int mc, int nc)
    {
        public readonly int MC = mc;

        /// <summary>Row blocks [rb0, rb1) x column blocks [cb0, cb1) over all of k: k-panels outermost, so that one panel
        /// of B serves every row block while it is in cache (each C element still meets the k-panels in order).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run(int rb0, int rb1, int cb0, int cb1)
        {
            int kcMax = TallKC, mPad = (MC + 11) / 12 * 12 + 8, ncMax = Math.Min(nc, (n + 31) & ~31);
            var aBuffer = ArrayPool<float>.Shared.Rent(kcMax * mPad + PackedMicro.AlignFloats);
            var bBuffer = ArrayPool<float>.Shared.Rent(kcMax * ncMax + PackedMicro.AlignFloats);
            int j0b = cb0 * nc, jEnd = Math.Min(n, cb1 * nc);
            try
            {
                fixed (float* pinA = aBuffer) fixed (float* pinB = bBuffer)
                {
                    float* ap = PackedMicro.Aligned(pinA), bp = PackedMicro.Aligned(pinB);
                    int iFrom = rb0 * MC, iTo = Math.Min(m, rb1 * MC), colTiles = (jEnd - j0b + 31) / 32;
                    int tiles = 0;
                    for (int rb = rb0; rb < rb1; rb++) tiles += colTiles * ((Math.Min(MC, m - rb * MC) + 11) / 12 + 1);
                    // While a k-panel computes, the next panel's rows of A (for these row blocks) and of B (these columns) are
                    // fetched: one cache line per step of the micro-kernel when the rows lie close together (A: a range
                    // wasting at most a quarter of what it fetches, as Aᵀ spanning all rows; B: whole rows while the block
                    // is at least 4/9 of them, so a two-thread half of 128x12800x256 streams whole rows, measured 1.00-1.04x
                    // against 0.92-0.96x fetching its half row by row), a share of the rows before each tile otherwise.
                    bool aSpan = 4L * aCol <= 5L * (iTo - iFrom), bSpan = 4L * ldb <= 9L * (jEnd - j0b);
                    for (int k0 = 0; k0 < k; k0 += kcMax)
                    {
                        int kn = Math.Max(0, Math.Min(kcMax, k - k0 - kcMax));
                        float* aNext = a + iFrom + (long)(k0 + kcMax) * aCol, bNext = b + (long)(k0 + kcMax) * ldb + j0b;
                        var next = new PrefetchStream();
                        if (kn > 0 && aSpan) next.Add(aNext, (long)(kn - 1) * aCol + (iTo - iFrom));
                        if (kn > 0 && bSpan) next.Add(bNext, (long)(kn - 1) * ldb + (jEnd - j0b));
                        next.Spread(tiles);
                        var aRows = aSpan || kn == 0 ? default : new Region(aNext, kn, aCol, iTo - iFrom);
                        var bRows = bSpan || kn == 0 ? default : new Region(bNext, kn, ldb, jEnd - j0b);
                        int tile = 0;
                        for (int rb = rb0; rb < rb1; rb++)
                        {
                            int kc = Math.Min(kcMax, k - k0), i0 = rb * MC, mb = Math.Min(MC, m - i0);
                            PackRowsA(a + i0 + (long)k0 * aCol, aCol, 0, kc, kc, mb, ap);
                            bool init = accumulate || k0 > 0;
                            for (int cb = cb0; cb < cb1; cb++)
                            {
                                int j0 = cb * nc, nb = Math.Min(nc, n - j0);
                                PackRowsB(b + (long)k0 * ldb + j0, ldb, 0, kc, kc, nb, bp);
                                for (int jr = 0; jr < nb; jr += 32)
                                    for (int ir = 0, h; ir < mb; ir += h, tile++)
                                    {
                                        h = Height(mb - ir);
                                        aRows.Prefetch(tile, tiles); bRows.Prefetch(tile, tiles);
                                        next.Take(out float* pf, out int count);
                                        TileP(ap + (long)ir * kc, h, Math.Min(h, mb - ir), Math.Min(32, nb - jr), bp + (long)jr * kc, kc,
                                            c + (long)(i0 + ir) * ldc + j0 + jr, ldc, init, pf, count);
                                    }
                            }
                        }
                    }
                }
            }
            finally { ArrayPool<float>.Shared.Return(aBuffer); ArrayPool<float>.Shared.Return(bBuffer); }
        }
    }

    /// <summary>Up to three contiguous ranges of memory to fetch while a panel computes, shared out over its tiles:
    /// <see cref="Take"/> gives each tile its run of cache lines for the micro-kernel to prefetch one per step of k (a run
    /// that crosses into the next range is fetched at once).</summary>
    internal unsafe struct PrefetchStream
    {
        private float* _s0, _s1, _s2;
        private long _n0, _n1, _n2, _per, _at;

        /// <summary>Adds floats [start, start + length) (length &lt;= 0: nothing).</summary>
        public void Add(float* start, long length)
        {
            if (length <= 0) return;
            long lines = (length + 15) / 16;
            if (_n0 == 0) { _s0 = start; _n0 = lines; }
            else if (_n1 == 0) { _s1 = start; _n1 = lines; }
            else { _s2 = start; _n2 = lines; }
        }

        public void Spread(int tiles) { _per = (_n0 + _n1 + _n2 + tiles - 1) / Math.Max(1, tiles); _at = 0; }

        private readonly float* Line(long l) => l < _n0 ? _s0 + l * 16 : l < _n0 + _n1 ? _s1 + (l - _n0) * 16 : _s2 + (l - _n0 - _n1) * 16;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Take(out float* pf, out int count)
        {
            long total = _n0 + _n1 + _n2, l0 = _at, l1 = Math.Min(total, l0 + _per);
            _at = l1;
            pf = null; count = 0;
            if (l0 >= l1) return;
            long end = l0 < _n0 ? _n0 : l0 < _n0 + _n1 ? _n0 + _n1 : total; // end of the range l0 lies in
            pf = Line(l0); count = (int)(Math.Min(l1, end) - l0);
            for (long l = end; l < l1; l++) Sse.Prefetch0(Line(l));
        }
    }

    /// <summary>Rows p0..p1 of a kc-deep panel of B (row p at b + p*ldb, nb columns) into 32-wide micro-panels
    /// (micro-panel jr at dst + jr*kc, row p at p*32, zero-padded past nb); a row at a time, so the source is read
    /// in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void PackRowsB(float* b, int ldb, int p0, int p1, int kc, int nb, float* dst)
    {
        int full = nb & ~31;
        for (int p = p0; p < p1; p++)
        {
            float* src = b + (long)p * ldb, row = dst + (long)p * 32;
            int jr = 0;
            for (; jr < full; jr += 32, row += 32L * kc)
            {
                Vector512.Store(Vector512.Load(src + jr), row);
                Vector512.Store(Vector512.Load(src + jr + 16), row + 16);
            }
            if (jr < nb)
                for (int q = 0; q < 32; q++) row[q] = jr + q < nb ? src[jr + q] : 0f;
        }
    }

    /// <summary>Height of the row tile starting with <paramref name="left"/> rows to go (<see cref="PackedMicro.Rows"/>: 12, or 8
    /// when fewer than 12 or exactly 16 remain, so a block whose height is a multiple of 4 needs no partial tile but the last).</summary>
    internal static int Height(int left) => left >= 12 && left != 16 ? 12 : 8;

    /// <summary>Rows p0..p1 of a kc-deep panel of Aᵀ (a(i,p) = a[i + p*lda], mb rows) into row micro-panels of
    /// <see cref="Height"/> rows (the micro-panel of rows ir.. at dst + ir*kc, a(ir + r, p) at p*h + r, zero past mb).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void PackRowsA(float* a, int lda, int p0, int p1, int kc, int mb, float* dst)
    {
        for (int ir = 0, h; ir < mb; ir += h)
        {
            h = Height(mb - ir);
            float* micro = dst + (long)ir * kc;
            if (ir + h <= mb && h == 12)
                for (int p = p0; p < p1; p++)
                {
                    float* src = a + (long)p * lda + ir;
                    Vector256.Store(Vector256.Load(src), micro + p * 12);
                    Vector128.Store(Vector128.Load(src + 8), micro + p * 12 + 8);
                }
            else if (ir + h <= mb)
                for (int p = p0; p < p1; p++) Vector256.Store(Vector256.Load(a + (long)p * lda + ir), micro + p * 8);
            else
                for (int p = p0; p < p1; p++)
                    for (int r = 0; r < h; r++) micro[p * h + r] = ir + r < mb ? a[(long)p * lda + ir + r] : 0f;
        }
    }

    /// <summary>One tile of rows (at most h, 12 or 8) x cols (at most 32) on a packed A micro-panel of height h and a packed
    /// B micro-panel; a full 12-row tile also prefetches count lines from pf, one per step of k (others all at once).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void TileP(float* ap, int h, int rows, int cols, float* bp, int kc, float* c, int ldc, bool init, float* pf, int count)
    {
        if (rows == 12 && cols == 32) { PackedMicro.Tile12x32Packed(ap, bp, kc, c, ldc, init, pf, count); return; }
        for (int l = 0; l < count; l++) Sse.Prefetch0(pf + l * 16);
        if (rows == 8 && cols == 32) { PackedMicro.Tile8x32(ap, 1, 8, rows, bp, kc, c, ldc, init); return; }
        // A partial tile runs in a local buffer (the kernels store all their rows); extra rows and columns are dropped.
        float* t = stackalloc float[12 * 32];
        if (init)
            for (int r = 0; r < rows; r++)
                new ReadOnlySpan<float>(c + (long)r * ldc, cols).CopyTo(new Span<float>(t + r * 32, cols));
        if (h == 12) PackedMicro.Tile12x32(ap, 1, 12, rows, bp, kc, t, 32, init);
        else PackedMicro.Tile8x32(ap, 1, 8, rows, bp, kc, t, 32, init);
        for (int r = 0; r < rows; r++)
            new ReadOnlySpan<float>(t + r * 32, cols).CopyTo(new Span<float>(c + (long)r * ldc, cols));
    }
}
