using System.Runtime.CompilerServices;

namespace NnViz.Engine.Kernels;

/// <summary>
/// One dense layer on one feature-major block of <see cref="DenseStack"/>: dst[j] = f(b[j] + Σ_p src[p]·W[p, j]) for each
/// output j, where src[p] is feature p over the block's rows (<see cref="Vectors"/> vectors) and p runs, in increasing
/// order, over the given list of features (all of them, or those not ±0 throughout the block: see DenseStack). A tile keeps several outputs
/// of all the block's rows in registers: 4 outputs with AVX-512 (16 independent chains), 2 with AVX2 (its 16 registers),
/// then single outputs, which still run 4 chains side by side (a one-unit output layer is not latency-bound).
/// </summary>
internal static unsafe class DenseStackTiles
{
    /// <summary>Vectors of rows per block.</summary>
    public const int Vectors = 4;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Layer<TV, TL>(float* src, float* dst, float* w, float* b, int* feats, int k, int n, Activation act)
        where TV : struct where TL : struct, ILanes<TV>
    {
        int j = 0, block = Vectors * TL.Count;
        bool relu = act == Activation.Relu;
        if (TL.Count == 16)
            for (; j + 4 <= n; j += 4) Tile4<TV, TL>(src, dst + j * block, w + j, b + j, feats, k, n, relu);
        for (; j + 2 <= n; j += 2) Tile2<TV, TL>(src, dst + j * block, w + j, b + j, feats, k, n, relu);
        for (; j < n; j++) Tile1<TV, TL>(src, dst + j * block, w + j, b + j, feats, k, n, relu);
        // tanh and sigmoid in a pass of their own over the block (in L1): inlined into the tiles, their code would push
        // the accumulators out of registers. ReLU (one instruction) is applied as the tiles store. The pass is the layer
        // path's own (VectorMath over a span, n·block a multiple of 8: the same Vector256 code for every element), already
        // compiled for training, where an inlined copy for each lane width cost a cold moons run ~5 ms more of JIT.
        if (act == Activation.Sigmoid) VectorMath.Sigmoid(new Span<float>(dst, n * block));
        else if (act == Activation.Tanh) VectorMath.Tanh(new Span<float>(dst, n * block));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store4<TV, TL>(float* o, TV c0, TV c1, TV c2, TV c3, bool relu) where TV : struct where TL : struct, ILanes<TV>
    {
        int v = TL.Count;
        if (relu) { c0 = TL.Relu(c0); c1 = TL.Relu(c1); c2 = TL.Relu(c2); c3 = TL.Relu(c3); }
        TL.Store(c0, o); TL.Store(c1, o + v); TL.Store(c2, o + 2 * v); TL.Store(c3, o + 3 * v);
    }

    /// <summary>Outputs j..j+3 (w and b already offset to j) over the k features listed in feats; n is W's row length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile4<TV, TL>(float* src, float* dst, float* w, float* b, int* feats, int k, int n, bool relu)
        where TV : struct where TL : struct, ILanes<TV>
    {
        int v = TL.Count, block = Vectors * v;
        TV c00 = TL.Splat(b[0]), c01 = c00, c02 = c00, c03 = c00, c10 = TL.Splat(b[1]), c11 = c10, c12 = c10, c13 = c10;
        TV c20 = TL.Splat(b[2]), c21 = c20, c22 = c20, c23 = c20, c30 = TL.Splat(b[3]), c31 = c30, c32 = c30, c33 = c30;
        for (int a = 0; a < k; a++)
        {
            int p = feats[a];
            float* s = src + p * block, wp = w + p * n;
            TV x0 = TL.Load(s), x1 = TL.Load(s + v), x2 = TL.Load(s + 2 * v), x3 = TL.Load(s + 3 * v);
            TV q = TL.Splat(wp[0]);
            c00 = TL.Fma(x0, q, c00); c01 = TL.Fma(x1, q, c01); c02 = TL.Fma(x2, q, c02); c03 = TL.Fma(x3, q, c03);
            q = TL.Splat(wp[1]);
            c10 = TL.Fma(x0, q, c10); c11 = TL.Fma(x1, q, c11); c12 = TL.Fma(x2, q, c12); c13 = TL.Fma(x3, q, c13);
            q = TL.Splat(wp[2]);
            c20 = TL.Fma(x0, q, c20); c21 = TL.Fma(x1, q, c21); c22 = TL.Fma(x2, q, c22); c23 = TL.Fma(x3, q, c23);
            q = TL.Splat(wp[3]);
            c30 = TL.Fma(x0, q, c30); c31 = TL.Fma(x1, q, c31); c32 = TL.Fma(x2, q, c32); c33 = TL.Fma(x3, q, c33);
        }
        Store4<TV, TL>(dst, c00, c01, c02, c03, relu); Store4<TV, TL>(dst + block, c10, c11, c12, c13, relu);
        Store4<TV, TL>(dst + 2 * block, c20, c21, c22, c23, relu); Store4<TV, TL>(dst + 3 * block, c30, c31, c32, c33, relu);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile2<TV, TL>(float* src, float* dst, float* w, float* b, int* feats, int k, int n, bool relu)
        where TV : struct where TL : struct, ILanes<TV>
    {
        int v = TL.Count, block = Vectors * v;
        TV c00 = TL.Splat(b[0]), c01 = c00, c02 = c00, c03 = c00, c10 = TL.Splat(b[1]), c11 = c10, c12 = c10, c13 = c10;
        for (int a = 0; a < k; a++)
        {
            int p = feats[a];
            float* s = src + p * block, wp = w + p * n;
            TV x0 = TL.Load(s), x1 = TL.Load(s + v), x2 = TL.Load(s + 2 * v), x3 = TL.Load(s + 3 * v);
            TV q = TL.Splat(wp[0]);
            c00 = TL.Fma(x0, q, c00); c01 = TL.Fma(x1, q, c01); c02 = TL.Fma(x2, q, c02); c03 = TL.Fma(x3, q, c03);
            q = TL.Splat(wp[1]);
            c10 = TL.Fma(x0, q, c10); c11 = TL.Fma(x1, q, c11); c12 = TL.Fma(x2, q, c12); c13 = TL.Fma(x3, q, c13);
        }
        Store4<TV, TL>(dst, c00, c01, c02, c03, relu); Store4<TV, TL>(dst + block, c10, c11, c12, c13, relu);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile1<TV, TL>(float* src, float* dst, float* w, float* b, int* feats, int k, int n, bool relu)
        where TV : struct where TL : struct, ILanes<TV>
    {
        int v = TL.Count, block = Vectors * v;
        TV c0 = TL.Splat(b[0]), c1 = c0, c2 = c0, c3 = c0;
        for (int a = 0; a < k; a++)
        {
            int p = feats[a];
            float* s = src + p * block;
            TV q = TL.Splat(w[p * n]);
            c0 = TL.Fma(TL.Load(s), q, c0); c1 = TL.Fma(TL.Load(s + v), q, c1);
            c2 = TL.Fma(TL.Load(s + 2 * v), q, c2); c3 = TL.Fma(TL.Load(s + 3 * v), q, c3);
        }
        Store4<TV, TL>(dst, c0, c1, c2, c3, relu);
    }
}
