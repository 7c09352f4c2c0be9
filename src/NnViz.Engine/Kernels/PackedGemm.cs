using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NnViz.Engine.Kernels;

/// <summary>
/// The packed, register-blocked float GEMM (the path <see cref="Gemm.Multiply{T}"/> takes for shapes large enough).
/// C is cut into fixed blocks of MC rows x NC columns chosen from the shape alone; each block walks k in panels of KC,
/// reads A in place (row or column strided) and B from micro-panels packed once per call, and runs a micro-kernel that keeps
/// an MR x NR tile of C in registers. Every C[i,j] is still one FMA chain over k in increasing order, started from
/// C[i,j] or zero: between k-panels the running sum waits in C as a float, exactly as a register would hold it, and the
/// zero padding of partial tiles only feeds outputs that are thrown away (k itself is never padded). So the bits equal
/// <see cref="Gemm.MultiplyTiled"/> and the scalar definition whatever the vector width, blocking or thread count.
/// </summary>
public static unsafe class PackedGemm
{
    private const int KC = 256, NC = 256, MaxMC = 64;

    /// <summary>Whether the packed path is worth packing B for this shape (a speed choice only: the bits are the same).
    /// Packing B costs a pass over k x n, repaid only over enough rows of C; measured (bench/engine gemm, one thread):
    /// 512^3 73 % of peak packed vs 36 % tiled, 12800x128x256 67 % vs 47 %. Below 192 rows (best of 14 runs per CPU-second,
    /// interleaved, load 55): 64x784x64 125 vs 110 GFLOP/s, 64x64x256 129 vs 108, 128x64x256 138 vs 109, 32x128x512
    /// 111 vs 109, but 16x64x256 93 vs 111, 16x256x64 93 vs 115 and 64x256x128 131 vs 148: packed from 64 rows on wide
    /// or deep products whose packed B stays in L2 (at most 2^18 floats: a weight gradient such as 128x12800x256 Aᵀ
    /// would pack and re-read 13 MB per row block, and the LSTM epoch got slower).</summary>
    public static bool Suits(int m, int k, int n) =>
        CanRun(m, k, n) && n >= 32 && k >= 16 && (m >= 192 || (m >= 64 && (n >= 256 || k >= 512) && (long)k * n <= 1 << 18));

    /// <summary>Whether the packed path can run at all: AVX2 or better and a non-empty product.</summary>
    public static bool CanRun(int m, int k, int n) => Vector256.IsHardwareAccelerated && k > 0 && m > 0 && n > 0;

    /// <summary>Rows per block: 64, fewer for short C so that a 64-row C still splits into blocks (a function of m only).</summary>
    public static int RowsPerBlock(int m) => Math.Clamp((m / 4 + 7) & ~7, 16, MaxMC);

    /// <summary>C (+)= A·B with A addressed as a(i,p) = a[i*aRow + p*aCol]; requires <see cref="CanRun"/>.
    /// B is packed once for the whole call (shared, read-only by every block).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(ReadOnlySpan<float> a, int aRow, int aCol, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, int m, int k, int n, bool accumulate, ComputeOptions? options = null)
    {
        if (!CanRun(m, k, n)) throw new ArgumentException($"PackedGemm needs m, k, n >= 1 and AVX2; got {m}x{k}x{n}");
        options ??= ComputeOptions.SingleThread;
        int nr = PackedMicro.NR, nPad = (n + nr - 1) / nr * nr;
        var packed = ArrayPool<float>.Shared.Rent(k * nPad + PackedMicro.AlignFloats);
        try
        {
            fixed (float* pa = a) fixed (float* pb = b) fixed (float* pc = c) fixed (float* pp = packed)
            {
                var job = new Job(pa, aRow, aCol, pb, ldb, PackedMicro.Aligned(pp), nPad, pc, ldc, m, k, n, accumulate, RowsPerBlock(m));
                if (job.Blocks > 1 && GemmSplit.Worth(options, (long)m * k * n)) job.RunParallel(options);
                else job.RunSerial();
            }
        }
        finally { ArrayPool<float>.Shared.Return(packed); }
    }

    /// <summary>Register-only FMA loop (no memory traffic): returns FLOPs per call of <paramref name="iterations"/>,
    /// for measuring the core's peak against which the benchmark reports GEMM's fraction.</summary>
    public static double PeakFmaLoop(long iterations, out float sink)
    {
        sink = PackedMicro.PeakLoop(iterations, out int lanes);
        return iterations * 12.0 * lanes * 2;
    }

    /// <summary>B as micro-panels: k-panel k0 (depth kc) starts at k0*nPad and holds the micro-panel of columns
    /// jr..jr+NR at jr*kc (<see cref="PackedMicro.PackPanel"/>), so each (k-panel, NC-column block) piece is packed on
    /// its own, by whichever thread claims it, into the same place. C's blocks are MC x NC, row-major.</summary>
    private readonly struct Job(float* a, int aRow, int aCol, float* b, int ldb, float* bPacked, int nPad, float* c, int ldc,
        int m, int k, int n, bool accumulate, int mc)
    {
        public readonly int MC = mc;
        private readonly int _colBlocks = (n + NC - 1) / NC, _panels = (k + KC - 1) / KC;
        public int Blocks => (m + MC - 1) / MC * _colBlocks;
        private static int NR => PackedMicro.NR;

        public void RunSerial()
        {
            for (int t = 0; t < _panels * _colBlocks; t++) Pack(t);
            for (int t = 0; t < Blocks; t++) BlockAt(t);
        }

        /// <summary>One fork-join: the pieces of B first, then the blocks of C (<see cref="GemmTasks"/>).</summary>
        public void RunParallel(ComputeOptions options)
        {
            var job = this;
            GemmTasks.Run(options, _panels * _colBlocks, job.Pack, Blocks, job.BlockAt);
        }

        private void Pack(int t)
        {
            int k0 = t / _colBlocks * KC, j0 = t % _colBlocks * NC;
            int kc = Math.Min(KC, k - k0), nb = Math.Min(NC, n - j0);
            PackedMicro.PackPanel(b + (long)k0 * ldb + j0, ldb, kc, nb, NR, bPacked + (long)k0 * nPad + (long)j0 * kc);
        }

        private void BlockAt(int t) => Block(t / _colBlocks * MC, t % _colBlocks * NC);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Block(int i0, int j0)
        {
            int mb = Math.Min(MC, m - i0), nb = Math.Min(NC, n - j0);
            for (int k0 = 0; k0 < k; k0 += KC)
            {
                int kc = Math.Min(KC, k - k0);
                float* pbp = bPacked + (long)k0 * nPad + (long)j0 * kc;
                bool init = accumulate || k0 > 0;
                for (int ir = 0, mr; ir < mb; ir += mr)
                {
                    mr = PackedMicro.Rows(mb - ir);
                    for (int jr = 0; jr < nb; jr += NR)
                        Tile(a + (long)(i0 + ir) * aRow + (long)k0 * aCol, pbp + (long)jr * kc, kc, i0 + ir, j0 + jr,
                            Math.Min(mr, mb - ir), Math.Min(NR, nb - jr), init);
                }
            }
        }

        private void Tile(float* ap, float* bp, int kc, int i, int j, int rows, int cols, bool init) =>
            PackedMicro.TileAny(ap, aRow, aCol, rows, cols, bp, kc, c + (long)i * ldc + j, ldc, init);
    }
}
