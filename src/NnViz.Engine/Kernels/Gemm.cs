using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NnViz.Engine.Kernels;

/// <summary>
/// Deterministic matrix product C (+)= A·B (DESIGN.md, Determinism). Each C[i,j] is one fused-multiply-add
/// chain over k in increasing order, started from C[i,j] (accumulate) or zero. The float kernel vectorises
/// across output columns and blocks rows in registers, neither of which changes any chain, and its scalar
/// tail uses the same FMA, so the bits do not depend on vector width, blocking or thread count.
/// A is addressed with strides: a(i,p) = a[i*aRow + p*aCol] (aRow = k, aCol = 1 for A; aRow = 1, aCol = lda for Aᵀ).
/// </summary>
public static class Gemm
{
    /// <summary>Rows of C per parallel chunk: a function of the shape only, at least 2^18 multiply-adds per chunk so that
    /// two threads do not lose to the scheduling of tiny chunks.</summary>
    internal static int RowsPerChunk(int k, int n) => Math.Max(8, (int)Math.Min(1 << 16, (1L << 18) / Math.Max(1L, (long)k * n)) & ~3);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply<T>(ReadOnlySpan<T> a, int aRow, int aCol, ReadOnlySpan<T> b, int ldb,
        Span<T> c, int ldc, int m, int k, int n, bool accumulate, ComputeOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m == 0 || n == 0) return;
        if (typeof(T) == typeof(float))
        {
            MultiplyF32(System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(a), aRow, aCol,
                System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(b), ldb,
                System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(c), ldc, m, k, n, accumulate, options ?? ComputeOptions.SingleThread);
            return;
        }
        // Reference path (double gradient checks): the same chains, written plainly.
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                T acc = accumulate ? c[i * ldc + j] : T.Zero;
                for (int p = 0; p < k; p++) acc = T.FusedMultiplyAdd(a[i * aRow + p * aCol], b[p * ldb + j], acc);
                c[i * ldc + j] = acc;
            }
    }

    /// <summary>dst[j*rows + i] = src[i*cols + j].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Transpose<T>(ReadOnlySpan<T> src, int rows, int cols, Span<T> dst)
    {
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) dst[j * rows + i] = src[i * cols + j];
    }

    private static void MultiplyF32(ReadOnlySpan<float> a, int aRow, int aCol, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, int m, int k, int n, bool accumulate, ComputeOptions options)
    {
        if (PanelGemm.Suits(m, k, n)) PanelGemm.Multiply(a, aRow, aCol, b, ldb, c, ldc, m, k, n, accumulate, options);
        else if (PackedGemm.Suits(m, k, n)) PackedGemm.Multiply(a, aRow, aCol, b, ldb, c, ldc, m, k, n, accumulate, options);
        else MultiplyTiled(a, aRow, aCol, b, ldb, c, ldc, m, k, n, accumulate, options);
    }

    /// <summary>The unpacked float path (small and narrow shapes; the oracle the packed path is tested against).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void MultiplyTiled(ReadOnlySpan<float> a, int aRow, int aCol, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, int m, int k, int n, bool accumulate, ComputeOptions? options = null)
    {
        options ??= ComputeOptions.SingleThread;
        fixed (float* pa = a) fixed (float* pb = b) fixed (float* pc = c)
        {
            var job = new Job(pa, aRow, aCol, pb, ldb, pc, ldc, k, n, accumulate);
            int rows = RowsPerChunk(k, n);
            int chunks = (m + rows - 1) / rows;
            if (chunks == 1 || !GemmSplit.Worth(options, (long)m * k * n))
            {
                job.Rows(0, m);
                return;
            }
            GemmTasks.Run(options, 0, null, chunks, ch => job.Rows(ch * rows, Math.Min(m, (ch + 1) * rows)));
        }
    }

    /// <summary>Depth of a k-panel: the B panel (KC x tile width) stays in L1 while the tile walks down the rows.
    /// Splitting k this way keeps every chain in order (the running sum waits in C between panels, as a float).</summary>
    private const int KC = 256;

    private readonly unsafe struct Job(float* a, int aRow, int aCol, float* b, int ldb, float* c, int ldc, int k, int n, bool acc)
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] public void Rows(int i0, int i1)
        {
            for (int k0 = 0; k0 < k || k0 == 0; k0 += KC)
            {
                int k1 = Math.Min(k, k0 + KC);
                bool init = acc || k0 > 0;
                int j = 0;
                if (Vector512.IsHardwareAccelerated)
                {
                    for (; j + 32 <= n; j += 32)
                    {
                        int i = i0;
                        for (; i + 8 <= i1; i += 8) Tile8x2V512(i, j, k0, k1, init);
                        for (; i + 4 <= i1; i += 4) Tile4x2V512(i, j, k0, k1, init);
                        for (; i < i1; i++) { Tile1V512(i, j, k0, k1, init); Tile1V512(i, j + 16, k0, k1, init); }
                    }
                    for (; j + 16 <= n; j += 16)
                    {
                        int i = i0;
                        for (; i + 4 <= i1; i += 4) Tile4x1V512(i, j, k0, k1, init);
                        for (; i < i1; i++) Tile1V512(i, j, k0, k1, init);
                    }
                }
                if (Vector256.IsHardwareAccelerated && !Vector512.IsHardwareAccelerated)
                {
                    for (; j + 16 <= n; j += 16)
                    {
                        int i = i0;
                        for (; i + 4 <= i1; i += 4) Tile4x2V256(i, j, k0, k1, init);
                        for (; i < i1; i++) { Tile1V256(i, j, k0, k1, init); Tile1V256(i, j + 8, k0, k1, init); }
                    }
                }
                if (Vector256.IsHardwareAccelerated)
                {
                    // 8-wide columns left over (all of them without AVX-512; n = 8..15 tails with it).
                    for (; j + 8 <= n; j += 8)
                    {
                        int i = i0;
                        for (; i + 4 <= i1; i += 4) Tile4x1V256(i, j, k0, k1, init);
                        for (; i < i1; i++) Tile1V256(i, j, k0, k1, init);
                    }
                }
                if (j < n)
                {
                    int i = i0;
                    for (; i + 4 <= i1; i += 4) Scalar4(i, j, k0, k1, init);
                    for (; i < i1; i++) Scalar(i, j, k0, k1, init);
                }
                if (k == 0) break;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] private void Scalar(int i, int j0, int k0, int k1, bool init)
        {
            float* ci = c + (long)i * ldc;
            float* ap = a + (long)i * aRow;
            for (int j = j0; j < n; j++)
            {
                float s = init ? ci[j] : 0f;
                for (int p = k0; p < k1; p++) s = MathF.FusedMultiplyAdd(ap[(long)p * aCol], b[(long)p * ldb + j], s);
                ci[j] = s;
            }
        }

        /// <summary>Four rows' chains side by side: independent FMAs hide each other's latency (narrow outputs, n &lt; 8).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] private void Scalar4(int i, int j0, int k0, int k1, bool init)
        {
            float* a0 = a + (long)i * aRow, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow;
            float* c0 = c + (long)i * ldc;
            for (int j = j0; j < n; j++)
            {
                float s0 = init ? c0[j] : 0f, s1 = init ? c0[ldc + j] : 0f, s2 = init ? c0[2 * ldc + j] : 0f, s3 = init ? c0[3 * ldc + j] : 0f;
                for (int p = k0; p < k1; p++)
                {
                    long o = (long)p * aCol;
                    float bv = b[(long)p * ldb + j];
                    s0 = MathF.FusedMultiplyAdd(a0[o], bv, s0); s1 = MathF.FusedMultiplyAdd(a1[o], bv, s1);
                    s2 = MathF.FusedMultiplyAdd(a2[o], bv, s2); s3 = MathF.FusedMultiplyAdd(a3[o], bv, s3);
                }
                c0[j] = s0; c0[ldc + j] = s1; c0[2 * ldc + j] = s2; c0[3 * ldc + j] = s3;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Vector512<float> Init512(int i, int j, bool init) => init ? Vector512.Load(c + (long)i * ldc + j) : Vector512<float>.Zero;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Vector256<float> Init256(int i, int j, bool init) => init ? Vector256.Load(c + (long)i * ldc + j) : Vector256<float>.Zero;

        /// <summary>8 rows x 32 columns: 16 independent accumulators hide the FMA latency, and each B load feeds 8 FMAs.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] private void Tile8x2V512(int i, int j, int k0, int k1, bool init)
        {
            Vector512<float> c00 = Init512(i, j, init), c01 = Init512(i, j + 16, init), c10 = Init512(i + 1, j, init), c11 = Init512(i + 1, j + 16, init);
            Vector512<float> c20 = Init512(i + 2, j, init), c21 = Init512(i + 2, j + 16, init), c30 = Init512(i + 3, j, init), c31 = Init512(i + 3, j + 16, init);
            Vector512<float> c40 = Init512(i + 4, j, init), c41 = Init512(i + 4, j + 16, init), c50 = Init512(i + 5, j, init), c51 = Init512(i + 5, j + 16, init);
            Vector512<float> c60 = Init512(i + 6, j, init), c61 = Init512(i + 6, j + 16, init), c70 = Init512(i + 7, j, init), c71 = Init512(i + 7, j + 16, init);
            float* a0 = a + (long)i * aRow, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow;
            float* a4 = a3 + aRow, a5 = a4 + aRow, a6 = a5 + aRow, a7 = a6 + aRow;
            for (int p = k0; p < k1; p++)
            {
                float* bp = b + (long)p * ldb + j;
                var b0 = Vector512.Load(bp); var b1 = Vector512.Load(bp + 16);
                long o = (long)p * aCol;
                var x = Vector512.Create(a0[o]); c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
                x = Vector512.Create(a1[o]); c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
                x = Vector512.Create(a2[o]); c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
                x = Vector512.Create(a3[o]); c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
                x = Vector512.Create(a4[o]); c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
                x = Vector512.Create(a5[o]); c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
                x = Vector512.Create(a6[o]); c60 = Vector512.FusedMultiplyAdd(x, b0, c60); c61 = Vector512.FusedMultiplyAdd(x, b1, c61);
                x = Vector512.Create(a7[o]); c70 = Vector512.FusedMultiplyAdd(x, b0, c70); c71 = Vector512.FusedMultiplyAdd(x, b1, c71);
            }
            float* cp = c + (long)i * ldc + j;
            c00.Store(cp); c01.Store(cp + 16); cp += ldc; c10.Store(cp); c11.Store(cp + 16); cp += ldc;
            c20.Store(cp); c21.Store(cp + 16); cp += ldc; c30.Store(cp); c31.Store(cp + 16); cp += ldc;
            c40.Store(cp); c41.Store(cp + 16); cp += ldc; c50.Store(cp); c51.Store(cp + 16); cp += ldc;
            c60.Store(cp); c61.Store(cp + 16); cp += ldc; c70.Store(cp); c71.Store(cp + 16);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] private void Tile4x2V512(int i, int j, int k0, int k1, bool init)
        {
            Vector512<float> c00 = Init512(i, j, init), c01 = Init512(i, j + 16, init), c10 = Init512(i + 1, j, init), c11 = Init512(i + 1, j + 16, init);
            Vector512<float> c20 = Init512(i + 2, j, init), c21 = Init512(i + 2, j + 16, init), c30 = Init512(i + 3, j, init), c31 = Init512(i + 3, j + 16, init);
            float* a0 = a + (long)i * aRow, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow;
            for (int p = k0; p < k1; p++)
            {
                float* bp = b + (long)p * ldb + j;
                var b0 = Vector512.Load(bp); var b1 = Vector512.Load(bp + 16);
                long o = (long)p * aCol;
                var x = Vector512.Create(a0[o]); c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
                x = Vector512.Create(a1[o]); c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
                x = Vector512.Create(a2[o]); c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
                x = Vector512.Create(a3[o]); c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            }
            float* cp = c + (long)i * ldc + j;
            c00.Store(cp); c01.Store(cp + 16); cp += ldc; c10.Store(cp); c11.Store(cp + 16); cp += ldc;
            c20.Store(cp); c21.Store(cp + 16); cp += ldc; c30.Store(cp); c31.Store(cp + 16);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Tile4x1V512(int i, int j, int k0, int k1, bool init)
        {
            Vector512<float> c0 = Init512(i, j, init), c1 = Init512(i + 1, j, init), c2 = Init512(i + 2, j, init), c3 = Init512(i + 3, j, init);
            float* a0 = a + (long)i * aRow, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow;
            for (int p = k0; p < k1; p++)
            {
                var b0 = Vector512.Load(b + (long)p * ldb + j);
                long o = (long)p * aCol;
                c0 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[o]), b0, c0);
                c1 = Vector512.FusedMultiplyAdd(Vector512.Create(a1[o]), b0, c1);
                c2 = Vector512.FusedMultiplyAdd(Vector512.Create(a2[o]), b0, c2);
                c3 = Vector512.FusedMultiplyAdd(Vector512.Create(a3[o]), b0, c3);
            }
            float* cp = c + (long)i * ldc + j;
            c0.Store(cp); c1.Store(cp + ldc); c2.Store(cp + 2 * ldc); c3.Store(cp + 3 * ldc);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Tile1V512(int i, int j, int k0, int k1, bool init)
        {
            var c0 = Init512(i, j, init);
            float* a0 = a + (long)i * aRow;
            for (int p = k0; p < k1; p++)
                c0 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[(long)p * aCol]), Vector512.Load(b + (long)p * ldb + j), c0);
            c0.Store(c + (long)i * ldc + j);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Tile4x2V256(int i, int j, int k0, int k1, bool init)
        {
            Vector256<float> c00 = Init256(i, j, init), c01 = Init256(i, j + 8, init), c10 = Init256(i + 1, j, init), c11 = Init256(i + 1, j + 8, init);
            Vector256<float> c20 = Init256(i + 2, j, init), c21 = Init256(i + 2, j + 8, init), c30 = Init256(i + 3, j, init), c31 = Init256(i + 3, j + 8, init);
            float* a0 = a + (long)i * aRow, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow;
            for (int p = k0; p < k1; p++)
            {
                float* bp = b + (long)p * ldb + j;
                var b0 = Vector256.Load(bp); var b1 = Vector256.Load(bp + 8);
                long o = (long)p * aCol;
                var x = Vector256.Create(a0[o]); c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
                x = Vector256.Create(a1[o]); c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
                x = Vector256.Create(a2[o]); c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
                x = Vector256.Create(a3[o]); c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            }
            float* cp = c + (long)i * ldc + j;
            c00.Store(cp); c01.Store(cp + 8); cp += ldc; c10.Store(cp); c11.Store(cp + 8); cp += ldc;
            c20.Store(cp); c21.Store(cp + 8); cp += ldc; c30.Store(cp); c31.Store(cp + 8);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Tile4x1V256(int i, int j, int k0, int k1, bool init)
        {
            Vector256<float> c0 = Init256(i, j, init), c1 = Init256(i + 1, j, init), c2 = Init256(i + 2, j, init), c3 = Init256(i + 3, j, init);
            float* a0 = a + (long)i * aRow, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow;
            for (int p = k0; p < k1; p++)
            {
                var b0 = Vector256.Load(b + (long)p * ldb + j);
                long o = (long)p * aCol;
                c0 = Vector256.FusedMultiplyAdd(Vector256.Create(a0[o]), b0, c0);
                c1 = Vector256.FusedMultiplyAdd(Vector256.Create(a1[o]), b0, c1);
                c2 = Vector256.FusedMultiplyAdd(Vector256.Create(a2[o]), b0, c2);
                c3 = Vector256.FusedMultiplyAdd(Vector256.Create(a3[o]), b0, c3);
            }
            float* cp = c + (long)i * ldc + j;
            c0.Store(cp); c1.Store(cp + ldc); c2.Store(cp + 2 * ldc); c3.Store(cp + 3 * ldc);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Tile1V256(int i, int j, int k0, int k1, bool init)
        {
            var c0 = Init256(i, j, init);
            float* a0 = a + (long)i * aRow;
            for (int p = k0; p < k1; p++)
                c0 = Vector256.FusedMultiplyAdd(Vector256.Create(a0[(long)p * aCol]), Vector256.Load(b + (long)p * ldb + j), c0);
            c0.Store(c + (long)i * ldc + j);
        }
    }
}
