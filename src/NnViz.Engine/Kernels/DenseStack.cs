using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NnViz.Engine.Kernels;

/// <summary>One layer of a <see cref="DenseStack"/>: y = f(x·W + b), W in x out row-major (Keras), f element-wise.</summary>
public readonly record struct DenseStackLayer(float[] Kernel, float[] Bias, int In, int Out, Activation Activation);

/// <summary>
/// Inference through consecutive narrow dense layers in one pass (the decision grids of small MLPs: 40,000 points
/// through 2-32-32-1 every epoch). A block of rows is turned feature-major once (each feature a few vectors over
/// the block's rows) and carried through every layer in a small buffer that stays in L1, so no layer writes its output
/// to memory, re-reads it for the bias, again for the activation and again for the next layer, and an output only one
/// unit wide is a plain vector store instead of a scalar dot product per row.
/// Every output is still the chain of <see cref="DenseKernel.Forward{T}"/>: started from the bias, one fused
/// multiply-add per input feature in increasing order, then the same activation code (<see cref="VectorMath"/>, the
/// IEEE maximum for ReLU), so the bits equal the layer-by-layer path whatever the vector width or block. A ReLU layer
/// leaves out the features that are ±0 over the whole block (<see cref="SkipZeroInputs"/>), which only ever changes the
/// sign of a zero before the ReLU.
/// </summary>
public static unsafe class DenseStack
{
    /// <summary>The widest layer input or output the stack takes: the two block buffers (at most 64 features x 64 rows
    /// each) and the weights (at most 16 KB) stay in L1 or close to it. Wider layers keep the layer-by-layer GEMM path (the stack
    /// was not measured there).</summary>
    public const int MaxWidth = 64;

    /// <summary>Whether a layer can run in a stack (a speed choice only: the bits are those of the layer alone).</summary>
    public static bool Suits(int inDim, int outDim, Activation act) =>
        Vector256.IsHardwareAccelerated && inDim is > 0 and <= MaxWidth && outDim is > 0 and <= MaxWidth && act != Activation.Softmax;

    /// <summary>y (rows x last Out) = the layers applied in order to x (rows x first In), all row-major.</summary>
    public static void Forward(ReadOnlySpan<float> x, int rows, ReadOnlySpan<DenseStackLayer> layers, Span<float> y)
    {
        Check(x.Length, rows, layers, y.Length);
        if (rows == 0) return;
        if (Vector512.IsHardwareAccelerated) Run<Vector512<float>, Lanes512>(x, rows, layers, y);
        else Run<Vector256<float>, Lanes256>(x, rows, layers, y);
    }

    private static void Check(int xLength, int rows, ReadOnlySpan<DenseStackLayer> layers, int yLength)
    {
        if (layers.IsEmpty) throw new ArgumentException("a dense stack needs at least one layer");
        for (int l = 0; l < layers.Length; l++)
        {
            var d = layers[l];
            if (!Suits(d.In, d.Out, d.Activation))
                throw new ArgumentException($"dense stack layer {l}: {d.In} -> {d.Out} {d.Activation} does not suit the stack (widths 1..{MaxWidth}, no softmax, AVX2)");
            if (d.Kernel.Length < d.In * d.Out || d.Bias.Length < d.Out) throw new ArgumentException($"dense stack layer {l}: kernel or bias too short for {d.In} -> {d.Out}");
            if (l > 0 && layers[l - 1].Out != d.In) throw new ArgumentException($"dense stack layer {l}: input {d.In} after an output of {layers[l - 1].Out}");
        }
        if (xLength < (long)rows * layers[0].In || yLength < (long)rows * layers[^1].Out)
            throw new ArgumentException($"dense stack: x or y too short for {rows} rows");
    }

    /// <summary>Whether a ReLU layer skips, block by block, the input features that are ±0 on all the block's rows (on by
    /// default; a switch for A/B measurement and tests: the bits are the same either way). Such a feature adds an exact ±0
    /// to each chain when the layer's weights and biases are finite: it leaves every chain unchanged but for the sign of a
    /// zero sum, which ReLU's IEEE maximum with +0 erases. Behind a ReLU layer whole features are zero over a block (the
    /// 64 rows of a decision grid are neighbouring points, and half the plane is dead for each unit).</summary>
    public static bool SkipZeroInputs { get; set; } = true;

    /// <summary>With AVX-512, whether a skipping layer lists its features per 32-row half of the block
    /// (<see cref="DenseStackHalves"/>) rather than per block (a switch for A/B measurement and tests; the same bits).</summary>
    public static bool HalfBlocks { get; set; } = true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run<TV, TL>(ReadOnlySpan<float> x, int rows, ReadOnlySpan<DenseStackLayer> layers, Span<float> y)
        where TV : struct where TL : struct, ILanes<TV>
    {
        int block = DenseStackTiles.Vectors * TL.Count, inDim = layers[0].In, outDim = layers[^1].Out, widest = inDim;
        foreach (var d in layers) widest = Math.Max(widest, d.Out);
        float* bufA = stackalloc float[widest * block], bufB = stackalloc float[widest * block];
        int* all = stackalloc int[widest], some = stackalloc int[widest];
        for (int p = 0; p < widest; p++) all[p] = p;
        ulong skip = 0; // bit l: layer l skips zero inputs
        for (int l = 0; l < layers.Length && l < 64; l++)
            if (SkipZeroInputs && layers[l].Activation == Activation.Relu && Finite(layers[l].Kernel.AsSpan(0, layers[l].In * layers[l].Out))
                && Finite(layers[l].Bias.AsSpan(0, layers[l].Out)))
                skip |= 1UL << l;
        fixed (float* px = x) fixed (float* py = y)
            for (int r0 = 0; r0 < rows; r0 += block)
            {
                int valid = Math.Min(block, rows - r0);
                LoadBlock(px + (long)r0 * inDim, inDim, valid, block, bufA);
                float* src = bufA, dst = bufB;
                for (int l = 0; l < layers.Length; l++)
                {
                    var d = layers[l];
                    int* feats = all;
                    int k = d.In;
                    if ((skip >> l & 1) != 0 && TL.Count == 16 && HalfBlocks)
                    {
                        fixed (float* w = d.Kernel) fixed (float* b = d.Bias) DenseStackHalves.ReluLayer(src, dst, w, b, some, d.In, d.Out);
                        float* u = src; src = dst; dst = u;
                        continue;
                    }
                    if ((skip >> l & 1) != 0)
                    {
                        k = 0;
                        for (int p = 0; p < d.In; p++)
                            if (TL.AnyNonZero(src + p * block)) some[k++] = p;
                        if (k < d.In) feats = some;
                    }
                    fixed (float* w = d.Kernel) fixed (float* b = d.Bias) DenseStackTiles.Layer<TV, TL>(src, dst, w, b, feats, k, d.Out, d.Activation);
                    float* t = src; src = dst; dst = t;
                }
                StoreBlock(src, outDim, valid, block, py + (long)r0 * outDim);
            }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Finite(ReadOnlySpan<float> v)
    {
        foreach (float f in v) if (!float.IsFinite(f)) return false;
        return true;
    }

    /// <summary>Rows [0, valid) of x (row-major, width features) into buf feature-major (feature p at p * block); rows past
    /// valid are zero (their outputs are never stored). Compiled fully optimised at once, like the tiles: left to tiered
    /// compilation, this and StoreBlock ran as instrumented tier-0 code (625 calls per 40,000-point grid) for most of a
    /// 0.18 s moons run before the call-counting delay let them tier up (Zen 5: the cold run 0.177 -> 0.135 s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LoadBlock(float* x, int width, int valid, int block, float* buf)
    {
        for (int r = 0; r < valid; r++)
            for (int p = 0; p < width; p++) buf[p * block + r] = x[(long)r * width + p];
        if (valid == block) return;
        for (int p = 0; p < width; p++) new Span<float>(buf + p * block + valid, block - valid).Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void StoreBlock(float* buf, int width, int valid, int block, float* y)
    {
        if (width == 1) { new Span<float>(buf, valid).CopyTo(new Span<float>(y, valid)); return; }
        for (int r = 0; r < valid; r++)
            for (int j = 0; j < width; j++) y[(long)r * width + j] = buf[j * block + r];
    }
}
