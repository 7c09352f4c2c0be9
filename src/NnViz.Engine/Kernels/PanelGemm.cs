using System.Buffers;
using System.Runtime.CompilerServices;
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

    /// <summary>B beyond 2^18 floats (1 MB, half of L2) and C at least one tile wide and a few tiles tall.</summary>
    public static bool Suits(int m, int k, int n) => PackedGemm.CanRun(m, k, n) && n >= 32 && m >= 32 && (long)k * n > 1 << 18;

    /// <summary>Rows per block: the rows split evenly into ceil(m / 128) blocks, rounded up to whole 8-row tiles.</summary>
    public static int RowsPerBlock(int m)
    {
        int blocks = (m + MaxMC - 1) / MaxMC;
        return ((m + blocks - 1) / blocks + 7) & ~7;
    }

    /// <summary>C (+)= A·B with A addressed as a(i,p) = a[i*aRow + p*aCol]; requires <see cref="PackedGemm.CanRun"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(ReadOnlySpan<float> a, int aRow, int aCol, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, int m, int k, int n, bool accumulate, ComputeOptions? options = null)
    {
        if (!PackedGemm.CanRun(m, k, n)) throw new ArgumentException($"PanelGemm needs m, k, n >= 1 and AVX2; got {m}x{k}x{n}");
        options ??= ComputeOptions.SingleThread;
        fixed (float* pa = a) fixed (float* pb = b) fixed (float* pc = c)
        {
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
}
