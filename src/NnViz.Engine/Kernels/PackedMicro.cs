using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NnViz.Engine.Kernels;

/// <summary>
/// The micro-kernels of <see cref="PackedGemm"/>: an MR x NR tile of C held in registers while p runs over one packed
/// k-panel in increasing order. Each lane is one output's FMA chain; nothing is summed across lanes or reordered.
/// A is read in place: a(r, p) = a[o_r + p*ps] with o_r = min(r, rows-1)*rs (rows past the tile's valid ones repeat
/// the last valid row, their outputs are discarded); bp is the packed B micro-panel (bp[p*NR + col]). PackedGemm's
/// blocks walk 12-row tiles (<see cref="Tile12x32"/>, AVX-512) where their height allows (<see cref="Rows"/>), on the
/// same 32-wide B micro-panels; the LSTM kernels call <see cref="Tile8x32"/> and <see cref="Tile4x16"/> directly, and
/// <see cref="PanelGemm"/>'s packed-A path (Aᵀ products, the LSTM's gradient pass) <see cref="Tile12x32Packed"/>.
/// </summary>
internal static unsafe class PackedMicro
{
    /// <summary>Width of a packed B micro-panel (columns) and height of a tile (rows) on this machine.</summary>
    public static int NR => Vector512.IsHardwareAccelerated ? 32 : 16;
    public static int MR => Vector512.IsHardwareAccelerated ? 8 : 4;

    /// <summary>Spare floats a packing buffer is rented with, so that <see cref="Aligned"/> fits it: managed arrays are
    /// only 8- or 16-byte aligned, and a packed panel off a 64-byte boundary makes every AVX-512 load of B straddle two
    /// cache lines (measured in one process, rounds interleaved, one thread: a panel 8 or 16 bytes off the boundary ran
    /// 10-18 % slower on 64x64x256, 512^3, 64x784x64 and 12800x128x256).</summary>
    public const int AlignFloats = 16;

    /// <summary>The first 64-byte boundary at or after p (p pinned).</summary>
    public static float* Aligned(float* p) => (float*)(((nint)p + 63) & ~(nint)63);

    /// <summary>One tile of rows x cols (at most MR x NR) of C: a full tile runs in place, a partial one in a local
    /// buffer whose extra columns are discarded (rows past the valid ones repeat the last row and are dropped too).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Tile(float* ap, long rs, long ps, int rows, int cols, float* bp, int kc, float* c, int ldc, bool init)
    {
        if (rows == MR && cols == NR) { Micro(ap, rs, ps, rows, bp, kc, c, ldc, init); return; }
        float* t = stackalloc float[8 * 32];
        int nr = NR;
        if (init)
            for (int r = 0; r < rows; r++)
                new ReadOnlySpan<float>(c + (long)r * ldc, cols).CopyTo(new Span<float>(t + r * nr, cols));
        Micro(ap, rs, ps, rows, bp, kc, t, nr, init);
        for (int r = 0; r < rows; r++)
            new ReadOnlySpan<float>(t + r * nr, cols).CopyTo(new Span<float>(c + (long)r * ldc, cols));
    }

    /// <summary>Rows of the taller tile (<see cref="Tile12x32"/>) on AVX-512, 0 without it.</summary>
    public static int TallMR => Vector512.IsHardwareAccelerated ? 12 : 0;

    /// <summary>Rows of the next tile for a block with <paramref name="left"/> rows to go: 12 unless fewer than 12 remain
    /// or exactly 16 (which runs as 8 + 8), so a block whose height is a multiple of 8 splits into whole 12- and 8-row
    /// tiles (64 rows: 12, 12, 12, 12, 8, 8) and a tall tile is never partial in rows; MR without AVX-512.</summary>
    public static int Rows(int left) => TallMR > 0 && left >= 12 && left != 16 ? 12 : MR;

    /// <summary>One tile of rows x cols of C for a block walking rows with <see cref="Rows"/>: 12 rows (cols at most NR)
    /// take <see cref="Tile12x32"/>, in place when cols = NR and through a local buffer otherwise; anything else
    /// <see cref="Tile"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void TileAny(float* ap, long rs, long ps, int rows, int cols, float* bp, int kc, float* c, int ldc, bool init)
    {
        if (rows != 12) { Tile(ap, rs, ps, rows, cols, bp, kc, c, ldc, init); return; }
        if (cols == 32) { Tile12x32(ap, rs, ps, rows, bp, kc, c, ldc, init); return; }
        float* t = stackalloc float[12 * 32];
        if (init)
            for (int r = 0; r < rows; r++)
                new ReadOnlySpan<float>(c + (long)r * ldc, cols).CopyTo(new Span<float>(t + r * 32, cols));
        Tile12x32(ap, rs, ps, rows, bp, kc, t, 32, init);
        for (int r = 0; r < rows; r++)
            new ReadOnlySpan<float>(t + r * 32, cols).CopyTo(new Span<float>(c + (long)r * ldc, cols));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Micro(float* ap, long rs, long ps, int rows, float* bp, int kc, float* c, int ldc, bool init)
    {
        if (Vector512.IsHardwareAccelerated) Tile8x32(ap, rs, ps, rows, bp, kc, c, ldc, init);
        else Tile4x16(ap, rs, ps, rows, bp, kc, c, ldc, init);
    }

    /// <summary>Packs rows [0, kc) and columns [0, nb) of B into micro-panels of nr columns: the panel of columns
    /// jr..jr+nr starts at jr*kc and holds row p at p*nr, zero-padded past nb. A full 32-wide panel on AVX-512 is copied
    /// with two 64-byte loads and stores per row, two rows per step (dst must then be 64-byte aligned, as
    /// <see cref="Aligned"/> makes it); measured in one process, interleaved, best of 60 rounds on a quiet machine: the
    /// small products, where packing B is a tenth of the time, 81 -> 84-85 % of peak on 64x64x256, 82 -> 83-85 % on 64x784x64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackPanel(float* b, int ldb, int kc, int nb, int nr, float* dst)
    {
        for (int jr = 0; jr < nb; jr += nr)
        {
            int w = Math.Min(nr, nb - jr);
            float* panel = dst + (long)jr * kc;
            if (w == 32 && nr == 32 && Vector512.IsHardwareAccelerated && ((nint)panel & 63) == 0)
            {
                CopyRows32(b + jr, ldb, kc, panel);
                continue;
            }
            for (int p = 0; p < kc; p++)
            {
                float* src = b + (long)p * ldb + jr, row = panel + (long)p * nr;
                int q = 0;
                for (; q + 8 <= w; q += 8) Vector256.Store(Vector256.Load(src + q), row + q);
                for (; q < w; q++) row[q] = src[q];
                for (; q < nr; q++) row[q] = 0f;
            }
        }
    }

    /// <summary>kc rows of 32 floats at stride ldb from src into dst (64-byte aligned), row p at p*32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyRows32(float* src, int ldb, int kc, float* dst)
    {
        int p = 0;
        for (; p + 2 <= kc; p += 2, src += 2L * ldb, dst += 64)
        {
            var x0 = Vector512.Load(src); var x1 = Vector512.Load(src + 16);
            var y0 = Vector512.Load(src + ldb); var y1 = Vector512.Load(src + ldb + 16);
            x0.StoreAligned(dst); x1.StoreAligned(dst + 16); y0.StoreAligned(dst + 32); y1.StoreAligned(dst + 48);
        }
        if (p < kc) { Vector512.Load(src).StoreAligned(dst); Vector512.Load(src + 16).StoreAligned(dst + 16); }
    }

    /// <summary>AVX-512: 8 rows x 32 columns, 16 accumulators; per p two B loads feed 16 FMAs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile8x32(float* ap, long rs, long ps, int rows, float* bp, int kc, float* c, int ldc, bool init)
    {
        long o1 = Math.Min(1, rows - 1) * rs, o2 = Math.Min(2, rows - 1) * rs, o3 = Math.Min(3, rows - 1) * rs;
        long o4 = Math.Min(4, rows - 1) * rs, o5 = Math.Min(5, rows - 1) * rs, o6 = Math.Min(6, rows - 1) * rs, o7 = Math.Min(7, rows - 1) * rs;
        Vector512<float> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (init)
        {
            float* r = c;
            c00 = Vector512.Load(r); c01 = Vector512.Load(r + 16); r += ldc; c10 = Vector512.Load(r); c11 = Vector512.Load(r + 16); r += ldc;
            c20 = Vector512.Load(r); c21 = Vector512.Load(r + 16); r += ldc; c30 = Vector512.Load(r); c31 = Vector512.Load(r + 16); r += ldc;
            c40 = Vector512.Load(r); c41 = Vector512.Load(r + 16); r += ldc; c50 = Vector512.Load(r); c51 = Vector512.Load(r + 16); r += ldc;
            c60 = Vector512.Load(r); c61 = Vector512.Load(r + 16); r += ldc; c70 = Vector512.Load(r); c71 = Vector512.Load(r + 16);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = Vector512<float>.Zero;
            c40 = c41 = c50 = c51 = c60 = c61 = c70 = c71 = Vector512<float>.Zero;
        }
        for (int p = 0; p < kc; p++, ap += ps, bp += 32)
        {
            var b0 = Vector512.Load(bp); var b1 = Vector512.Load(bp + 16);
            var x = Vector512.Create(ap[0]); c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(ap[o1]); c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(ap[o2]); c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(ap[o3]); c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(ap[o4]); c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(ap[o5]); c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(ap[o6]); c60 = Vector512.FusedMultiplyAdd(x, b0, c60); c61 = Vector512.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(ap[o7]); c70 = Vector512.FusedMultiplyAdd(x, b0, c70); c71 = Vector512.FusedMultiplyAdd(x, b1, c71);
        }
        float* o = c;
        c00.Store(o); c01.Store(o + 16); o += ldc; c10.Store(o); c11.Store(o + 16); o += ldc;
        c20.Store(o); c21.Store(o + 16); o += ldc; c30.Store(o); c31.Store(o + 16); o += ldc;
        c40.Store(o); c41.Store(o + 16); o += ldc; c50.Store(o); c51.Store(o + 16); o += ldc;
        c60.Store(o); c61.Store(o + 16); o += ldc; c70.Store(o); c71.Store(o + 16);
    }

    /// <summary>AVX-512: 12 rows x 32 columns, 24 accumulators; per p two B loads feed 24 FMAs (8x32: 16), so a B
    /// micro-panel streamed from L2 costs a third fewer bytes per FMA. Measured (one process, B micro-panels cycling over
    /// 1 MB, best of 10 rounds, load 6.4): 140-161 GFLOP/s against 8x32's 121-146, and 101-113 against 88-98 in the
    /// minutes the VM's caches were contended; both reach the register peak (~170) when B stays in L1.
    /// Same contract as <see cref="Tile8x32"/> (rows 1..12; rows past the valid ones repeat the last).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile12x32(float* ap, long rs, long ps, int rows, float* bp, int kc, float* c, int ldc, bool init)
    {
        long o1 = Math.Min(1, rows - 1) * rs, o2 = Math.Min(2, rows - 1) * rs, o3 = Math.Min(3, rows - 1) * rs, o4 = Math.Min(4, rows - 1) * rs, o5 = Math.Min(5, rows - 1) * rs;
        long o6 = Math.Min(6, rows - 1) * rs, o7 = Math.Min(7, rows - 1) * rs, o8 = Math.Min(8, rows - 1) * rs, o9 = Math.Min(9, rows - 1) * rs, o10 = Math.Min(10, rows - 1) * rs, o11 = Math.Min(11, rows - 1) * rs;
        Vector512<float> c0a, c0b, c1a, c1b, c2a, c2b, c3a, c3b, c4a, c4b, c5a, c5b;
        Vector512<float> c6a, c6b, c7a, c7b, c8a, c8b, c9a, c9b, c10a, c10b, c11a, c11b;
        if (init)
        {
            c0a = Vector512.Load(c + 0L * ldc); c0b = Vector512.Load(c + 0L * ldc + 16); c1a = Vector512.Load(c + 1L * ldc); c1b = Vector512.Load(c + 1L * ldc + 16);
            c2a = Vector512.Load(c + 2L * ldc); c2b = Vector512.Load(c + 2L * ldc + 16); c3a = Vector512.Load(c + 3L * ldc); c3b = Vector512.Load(c + 3L * ldc + 16);
            c4a = Vector512.Load(c + 4L * ldc); c4b = Vector512.Load(c + 4L * ldc + 16); c5a = Vector512.Load(c + 5L * ldc); c5b = Vector512.Load(c + 5L * ldc + 16);
            c6a = Vector512.Load(c + 6L * ldc); c6b = Vector512.Load(c + 6L * ldc + 16); c7a = Vector512.Load(c + 7L * ldc); c7b = Vector512.Load(c + 7L * ldc + 16);
            c8a = Vector512.Load(c + 8L * ldc); c8b = Vector512.Load(c + 8L * ldc + 16); c9a = Vector512.Load(c + 9L * ldc); c9b = Vector512.Load(c + 9L * ldc + 16);
            c10a = Vector512.Load(c + 10L * ldc); c10b = Vector512.Load(c + 10L * ldc + 16); c11a = Vector512.Load(c + 11L * ldc); c11b = Vector512.Load(c + 11L * ldc + 16);
        }
        else
        {
            c0a = c0b = c1a = c1b = c2a = c2b = c3a = c3b = c4a = c4b = c5a = c5b = Vector512<float>.Zero;
            c6a = c6b = c7a = c7b = c8a = c8b = c9a = c9b = c10a = c10b = c11a = c11b = Vector512<float>.Zero;
        }
        for (int p = 0; p < kc; p++, ap += ps, bp += 32)
        {
            var b0 = Vector512.Load(bp); var b1 = Vector512.Load(bp + 16);
            var x = Vector512.Create(ap[0]); c0a = Vector512.FusedMultiplyAdd(x, b0, c0a); c0b = Vector512.FusedMultiplyAdd(x, b1, c0b);
            x = Vector512.Create(ap[o1]); c1a = Vector512.FusedMultiplyAdd(x, b0, c1a); c1b = Vector512.FusedMultiplyAdd(x, b1, c1b);
            x = Vector512.Create(ap[o2]); c2a = Vector512.FusedMultiplyAdd(x, b0, c2a); c2b = Vector512.FusedMultiplyAdd(x, b1, c2b);
            x = Vector512.Create(ap[o3]); c3a = Vector512.FusedMultiplyAdd(x, b0, c3a); c3b = Vector512.FusedMultiplyAdd(x, b1, c3b);
            x = Vector512.Create(ap[o4]); c4a = Vector512.FusedMultiplyAdd(x, b0, c4a); c4b = Vector512.FusedMultiplyAdd(x, b1, c4b);
            x = Vector512.Create(ap[o5]); c5a = Vector512.FusedMultiplyAdd(x, b0, c5a); c5b = Vector512.FusedMultiplyAdd(x, b1, c5b);
            x = Vector512.Create(ap[o6]); c6a = Vector512.FusedMultiplyAdd(x, b0, c6a); c6b = Vector512.FusedMultiplyAdd(x, b1, c6b);
            x = Vector512.Create(ap[o7]); c7a = Vector512.FusedMultiplyAdd(x, b0, c7a); c7b = Vector512.FusedMultiplyAdd(x, b1, c7b);
            x = Vector512.Create(ap[o8]); c8a = Vector512.FusedMultiplyAdd(x, b0, c8a); c8b = Vector512.FusedMultiplyAdd(x, b1, c8b);
            x = Vector512.Create(ap[o9]); c9a = Vector512.FusedMultiplyAdd(x, b0, c9a); c9b = Vector512.FusedMultiplyAdd(x, b1, c9b);
            x = Vector512.Create(ap[o10]); c10a = Vector512.FusedMultiplyAdd(x, b0, c10a); c10b = Vector512.FusedMultiplyAdd(x, b1, c10b);
            x = Vector512.Create(ap[o11]); c11a = Vector512.FusedMultiplyAdd(x, b0, c11a); c11b = Vector512.FusedMultiplyAdd(x, b1, c11b);
        }
        c0a.Store(c + 0L * ldc); c0b.Store(c + 0L * ldc + 16); c1a.Store(c + 1L * ldc); c1b.Store(c + 1L * ldc + 16);
        c2a.Store(c + 2L * ldc); c2b.Store(c + 2L * ldc + 16); c3a.Store(c + 3L * ldc); c3b.Store(c + 3L * ldc + 16);
        c4a.Store(c + 4L * ldc); c4b.Store(c + 4L * ldc + 16); c5a.Store(c + 5L * ldc); c5b.Store(c + 5L * ldc + 16);
        c6a.Store(c + 6L * ldc); c6b.Store(c + 6L * ldc + 16); c7a.Store(c + 7L * ldc); c7b.Store(c + 7L * ldc + 16);
        c8a.Store(c + 8L * ldc); c8b.Store(c + 8L * ldc + 16); c9a.Store(c + 9L * ldc); c9b.Store(c + 9L * ldc + 16);
        c10a.Store(c + 10L * ldc); c10b.Store(c + 10L * ldc + 16); c11a.Store(c + 11L * ldc); c11b.Store(c + 11L * ldc + 16);
    }

    /// <summary>AVX-512: <see cref="Tile12x32"/> on a packed A micro-panel (a(r, p) = ap[p*12 + r], <see cref="PanelGemm"/>'s
    /// packing): the twelve broadcasts take constant displacements from one pointer, where the strided kernel keeps eleven
    /// row offsets in registers and the JIT spills four of them (four more loads per p). Same chains, same bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile12x32Packed(float* ap, float* bp, int kc, float* c, int ldc, bool init, float* pf = null, int count = 0)
    {
        Vector512<float> c0a, c0b, c1a, c1b, c2a, c2b, c3a, c3b, c4a, c4b, c5a, c5b;
        Vector512<float> c6a, c6b, c7a, c7b, c8a, c8b, c9a, c9b, c10a, c10b, c11a, c11b;
        if (init)
        {
            c0a = Vector512.Load(c + 0L * ldc); c0b = Vector512.Load(c + 0L * ldc + 16);
            c1a = Vector512.Load(c + 1L * ldc); c1b = Vector512.Load(c + 1L * ldc + 16);
            c2a = Vector512.Load(c + 2L * ldc); c2b = Vector512.Load(c + 2L * ldc + 16);
            c3a = Vector512.Load(c + 3L * ldc); c3b = Vector512.Load(c + 3L * ldc + 16);
            c4a = Vector512.Load(c + 4L * ldc); c4b = Vector512.Load(c + 4L * ldc + 16);
            c5a = Vector512.Load(c + 5L * ldc); c5b = Vector512.Load(c + 5L * ldc + 16);
            c6a = Vector512.Load(c + 6L * ldc); c6b = Vector512.Load(c + 6L * ldc + 16);
            c7a = Vector512.Load(c + 7L * ldc); c7b = Vector512.Load(c + 7L * ldc + 16);
            c8a = Vector512.Load(c + 8L * ldc); c8b = Vector512.Load(c + 8L * ldc + 16);
            c9a = Vector512.Load(c + 9L * ldc); c9b = Vector512.Load(c + 9L * ldc + 16);
            c10a = Vector512.Load(c + 10L * ldc); c10b = Vector512.Load(c + 10L * ldc + 16);
            c11a = Vector512.Load(c + 11L * ldc); c11b = Vector512.Load(c + 11L * ldc + 16);
        }
        else
        {
            c0a = c0b = c1a = c1b = c2a = c2b = c3a = c3b = c4a = c4b = c5a = c5b = Vector512<float>.Zero;
            c6a = c6b = c7a = c7b = c8a = c8b = c9a = c9b = c10a = c10b = c11a = c11b = Vector512<float>.Zero;
        }
        // Prefetch (count lines from pf, one per step) for the next panel's packing.
        if (count > kc) { for (int l = kc; l < count; l++) System.Runtime.Intrinsics.X86.Sse.Prefetch0(pf + l * 16); count = kc; }
        float* pfEnd = pf + (long)count * 16;
        for (int p = 0; p < kc; p++, ap += 12, bp += 32)
        {
            if (pf < pfEnd) { System.Runtime.Intrinsics.X86.Sse.Prefetch0(pf); pf += 16; }
            var b0 = Vector512.Load(bp); var b1 = Vector512.Load(bp + 16);
            var x0 = Vector512.Create(ap[0]); c0a = Vector512.FusedMultiplyAdd(x0, b0, c0a); c0b = Vector512.FusedMultiplyAdd(x0, b1, c0b);
            var x1 = Vector512.Create(ap[1]); c1a = Vector512.FusedMultiplyAdd(x1, b0, c1a); c1b = Vector512.FusedMultiplyAdd(x1, b1, c1b);
            var x2 = Vector512.Create(ap[2]); c2a = Vector512.FusedMultiplyAdd(x2, b0, c2a); c2b = Vector512.FusedMultiplyAdd(x2, b1, c2b);
            var x3 = Vector512.Create(ap[3]); c3a = Vector512.FusedMultiplyAdd(x3, b0, c3a); c3b = Vector512.FusedMultiplyAdd(x3, b1, c3b);
            var x4 = Vector512.Create(ap[4]); c4a = Vector512.FusedMultiplyAdd(x4, b0, c4a); c4b = Vector512.FusedMultiplyAdd(x4, b1, c4b);
            var x5 = Vector512.Create(ap[5]); c5a = Vector512.FusedMultiplyAdd(x5, b0, c5a); c5b = Vector512.FusedMultiplyAdd(x5, b1, c5b);
            var x6 = Vector512.Create(ap[6]); c6a = Vector512.FusedMultiplyAdd(x6, b0, c6a); c6b = Vector512.FusedMultiplyAdd(x6, b1, c6b);
            var x7 = Vector512.Create(ap[7]); c7a = Vector512.FusedMultiplyAdd(x7, b0, c7a); c7b = Vector512.FusedMultiplyAdd(x7, b1, c7b);
            var x8 = Vector512.Create(ap[8]); c8a = Vector512.FusedMultiplyAdd(x8, b0, c8a); c8b = Vector512.FusedMultiplyAdd(x8, b1, c8b);
            var x9 = Vector512.Create(ap[9]); c9a = Vector512.FusedMultiplyAdd(x9, b0, c9a); c9b = Vector512.FusedMultiplyAdd(x9, b1, c9b);
            var x10 = Vector512.Create(ap[10]); c10a = Vector512.FusedMultiplyAdd(x10, b0, c10a); c10b = Vector512.FusedMultiplyAdd(x10, b1, c10b);
            var x11 = Vector512.Create(ap[11]); c11a = Vector512.FusedMultiplyAdd(x11, b0, c11a); c11b = Vector512.FusedMultiplyAdd(x11, b1, c11b);
        }
        c0a.Store(c + 0L * ldc); c0b.Store(c + 0L * ldc + 16);
        c1a.Store(c + 1L * ldc); c1b.Store(c + 1L * ldc + 16);
        c2a.Store(c + 2L * ldc); c2b.Store(c + 2L * ldc + 16);
        c3a.Store(c + 3L * ldc); c3b.Store(c + 3L * ldc + 16);
        c4a.Store(c + 4L * ldc); c4b.Store(c + 4L * ldc + 16);
        c5a.Store(c + 5L * ldc); c5b.Store(c + 5L * ldc + 16);
        c6a.Store(c + 6L * ldc); c6b.Store(c + 6L * ldc + 16);
        c7a.Store(c + 7L * ldc); c7b.Store(c + 7L * ldc + 16);
        c8a.Store(c + 8L * ldc); c8b.Store(c + 8L * ldc + 16);
        c9a.Store(c + 9L * ldc); c9b.Store(c + 9L * ldc + 16);
        c10a.Store(c + 10L * ldc); c10b.Store(c + 10L * ldc + 16);
        c11a.Store(c + 11L * ldc); c11b.Store(c + 11L * ldc + 16);
    }

    /// <summary>AVX2 (AVX-512 off): 4 rows x 16 columns, 8 accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile4x16(float* ap, long rs, long ps, int rows, float* bp, int kc, float* c, int ldc, bool init)
    {
        long o1 = Math.Min(1, rows - 1) * rs, o2 = Math.Min(2, rows - 1) * rs, o3 = Math.Min(3, rows - 1) * rs;
        Vector256<float> c00, c01, c10, c11, c20, c21, c30, c31;
        if (init)
        {
            float* r = c;
            c00 = Vector256.Load(r); c01 = Vector256.Load(r + 8); r += ldc; c10 = Vector256.Load(r); c11 = Vector256.Load(r + 8); r += ldc;
            c20 = Vector256.Load(r); c21 = Vector256.Load(r + 8); r += ldc; c30 = Vector256.Load(r); c31 = Vector256.Load(r + 8);
        }
        else c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = Vector256<float>.Zero;
        for (int p = 0; p < kc; p++, ap += ps, bp += 16)
        {
            var b0 = Vector256.Load(bp); var b1 = Vector256.Load(bp + 8);
            var x = Vector256.Create(ap[0]); c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(ap[o1]); c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(ap[o2]); c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(ap[o3]); c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
        }
        float* o = c;
        c00.Store(o); c01.Store(o + 8); o += ldc; c10.Store(o); c11.Store(o + 8); o += ldc;
        c20.Store(o); c21.Store(o + 8); o += ldc; c30.Store(o); c31.Store(o + 8);
    }

    /// <summary>Peak probe for the benchmark: 12 independent register-only FMA chains (no loads), AVX-512 when present.
    /// Returns a value depending on every chain so the JIT cannot drop the work. FLOPs = iterations * 12 * lanes * 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static float PeakLoop(long iterations, out int lanes)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            lanes = 16;
            var m = Vector512.Create(0.999999f); var d = Vector512.Create(1e-7f);
            Vector512<float> a0 = m, a1 = m, a2 = m, a3 = m, a4 = m, a5 = m, a6 = m, a7 = m, a8 = m, a9 = m, a10 = m, a11 = m;
            for (long i = 0; i < iterations; i++)
            {
                a0 = Vector512.FusedMultiplyAdd(a0, m, d); a1 = Vector512.FusedMultiplyAdd(a1, m, d); a2 = Vector512.FusedMultiplyAdd(a2, m, d);
                a3 = Vector512.FusedMultiplyAdd(a3, m, d); a4 = Vector512.FusedMultiplyAdd(a4, m, d); a5 = Vector512.FusedMultiplyAdd(a5, m, d);
                a6 = Vector512.FusedMultiplyAdd(a6, m, d); a7 = Vector512.FusedMultiplyAdd(a7, m, d); a8 = Vector512.FusedMultiplyAdd(a8, m, d);
                a9 = Vector512.FusedMultiplyAdd(a9, m, d); a10 = Vector512.FusedMultiplyAdd(a10, m, d); a11 = Vector512.FusedMultiplyAdd(a11, m, d);
            }
            return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
        }
        lanes = 8;
        var mv = Vector256.Create(0.999999f); var dv = Vector256.Create(1e-7f);
        Vector256<float> b0 = mv, b1 = mv, b2 = mv, b3 = mv, b4 = mv, b5 = mv, b6 = mv, b7 = mv, b8 = mv, b9 = mv, b10 = mv, b11 = mv;
        for (long i = 0; i < iterations; i++)
        {
            b0 = Vector256.FusedMultiplyAdd(b0, mv, dv); b1 = Vector256.FusedMultiplyAdd(b1, mv, dv); b2 = Vector256.FusedMultiplyAdd(b2, mv, dv);
            b3 = Vector256.FusedMultiplyAdd(b3, mv, dv); b4 = Vector256.FusedMultiplyAdd(b4, mv, dv); b5 = Vector256.FusedMultiplyAdd(b5, mv, dv);
            b6 = Vector256.FusedMultiplyAdd(b6, mv, dv); b7 = Vector256.FusedMultiplyAdd(b7, mv, dv); b8 = Vector256.FusedMultiplyAdd(b8, mv, dv);
            b9 = Vector256.FusedMultiplyAdd(b9, mv, dv); b10 = Vector256.FusedMultiplyAdd(b10, mv, dv); b11 = Vector256.FusedMultiplyAdd(b11, mv, dv);
        }
        return Vector256.Sum(b0 + b1 + b2 + b3 + b4 + b5 + b6 + b7 + b8 + b9 + b10 + b11);
    }
}
