using NnViz.Engine.Kernels;
using NnViz.Engine.Nn;

namespace NnViz.Engine.Tests;

/// <summary>The one-pass inference through narrow dense layers (<see cref="DenseStack"/>, used by Sequential.Predict):
/// the bits of the layer-by-layer path (<see cref="DenseKernel.Forward{T}"/>, i.e. Gemm + bias + activation) on odd row
/// counts (partial blocks), odd widths (partial tiles, one-unit outputs), every element-wise activation, and inputs with
/// signed zeros, NaN and saturating values. (AVX-512 off: run this class with DOTNET_EnableAVX512=0, and the Lab
/// DeterminismTests' child process end to end.)</summary>
public class DenseStackTests
{
    private static DenseStackLayer[] RandomStack(Rng rng, int[] widths, Activation[] acts)
    {
        var layers = new DenseStackLayer[acts.Length];
        for (int l = 0; l < acts.Length; l++)
        {
            var w = GradCheck.RandomF(rng, widths[l] * widths[l + 1], 0.8);
            var b = GradCheck.RandomF(rng, widths[l + 1], 0.5);
            layers[l] = new DenseStackLayer(w, b, widths[l], widths[l + 1], acts[l]);
        }
        return layers;
    }

    private static float[] LayerByLayer(float[] x, int rows, DenseStackLayer[] layers)
    {
        var cur = x;
        foreach (var d in layers)
        {
            var y = new float[rows * d.Out];
            DenseKernel.Forward<float>(cur, d.Kernel, d.Bias, y, rows, d.In, d.Out, d.Activation);
            cur = y;
        }
        return cur;
    }

    private static void SameBits(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                Assert.Fail($"{what}: element {i} is {actual[i]:R}, the layer-by-layer path gives {expected[i]:R}");
    }

    [Theory]
    [InlineData(new[] { 2, 32, 32, 1 }, 1000)]
    [InlineData(new[] { 2, 32, 32, 1 }, 1)]
    [InlineData(new[] { 3, 7, 5, 2 }, 63)]
    [InlineData(new[] { 1, 6, 1 }, 65)]
    [InlineData(new[] { 5, 17, 33, 3 }, 131)]
    [InlineData(new[] { 64, 64, 9, 64 }, 97)]
    [InlineData(new[] { 2, 3, 2, 1 }, 17)]
    public void GivesTheLayerByLayerBits(int[] widths, int rows)
    {
        var rng = new Rng(900 + (ulong)rows);
        Activation[] all = [Activation.Relu, Activation.Tanh, Activation.Sigmoid, Activation.Linear];
        // Every activation at every depth across the rotations.
        for (int rot = 0; rot < all.Length; rot++)
        {
            var acts = Enumerable.Range(0, widths.Length - 1).Select(l => all[(l + rot) % all.Length]).ToArray();
            var layers = RandomStack(rng, widths, acts);
            var x = GradCheck.RandomF(rng, rows * widths[0], 3);
            var y = new float[rows * widths[^1]];
            DenseStack.Forward(x, rows, layers, y);
            SameBits(LayerByLayer(x, rows, layers), y, $"{string.Join("-", widths)} {string.Join(",", acts)}");
        }
    }

    [Fact]
    public void SignedZerosNaNAndSaturationMatch()
    {
        var rng = new Rng(931);
        int rows = 70, inDim = 3;
        var x = GradCheck.RandomF(rng, rows * inDim, 40); // sigmoid and tanh saturate, exp clamps
        for (int r = 0; r < rows; r += 5) { x[r * inDim] = 0f; x[r * inDim + 1] = -0f; x[r * inDim + 2] = 0f; }
        x[7 * inDim] = float.NaN; x[11 * inDim + 1] = float.PositiveInfinity; x[13 * inDim + 2] = float.NegativeInfinity;
        foreach (var act in new[] { Activation.Relu, Activation.Tanh, Activation.Sigmoid, Activation.Linear })
        {
            var layers = RandomStack(rng, [inDim, 6, 5], [act, act]);
            // A -0 bias and negative weights: a zero input row gives a -0 pre-activation (ReLU's signed zero).
            Array.Fill(layers[0].Bias, -0f);
            for (int i = 0; i < layers[0].Kernel.Length; i += 2) layers[0].Kernel[i] = -Math.Abs(layers[0].Kernel[i]);
            var y = new float[rows * 5];
            DenseStack.Forward(x, rows, layers, y);
            SameBits(LayerByLayer(x, rows, layers), y, act.ToString());
        }
    }

    /// <summary>ReLU layers skip the input features that are ±0 over a whole block or, with AVX-512, half block
    /// (<see cref="DenseStack.SkipZeroInputs"/>, <see cref="DenseStack.HalfBlocks"/>): the bits with skipping either way,
    /// without, and of the layer-by-layer path agree on features zero over whole blocks, over part
    /// of a block, -0 over a block, zero but for one NaN or infinity, dead hidden units (a zero feature for the next
    /// layer), a -0 bias whose chains stay zero, and weights or biases with an infinity or NaN (no skipping then: 0·∞).</summary>
    [Theory]
    [InlineData(new[] { 5, 32, 32, 1 }, 200, "finite")]
    [InlineData(new[] { 5, 32, 32, 1 }, 64, "finite")]
    [InlineData(new[] { 3, 7, 13, 2 }, 131, "finite")]
    [InlineData(new[] { 5, 32, 32, 1 }, 200, "inf-weight")]
    [InlineData(new[] { 5, 32, 32, 1 }, 200, "nan-bias")]
    [InlineData(new[] { 64, 64, 33, 64 }, 97, "finite")]
    public void SkippingZeroInputsKeepsTheBits(int[] widths, int rows, string weights)
    {
        var rng = new Rng(940 + (ulong)rows + (ulong)widths[1]);
        int inDim = widths[0];
        foreach (var last in new[] { Activation.Relu, Activation.Sigmoid, Activation.Linear })
        {
            var acts = Enumerable.Range(0, widths.Length - 1).Select(l => l == widths.Length - 2 ? last : Activation.Relu).ToArray();
            var layers = RandomStack(rng, widths, acts);
            var x = GradCheck.RandomF(rng, rows * inDim, 2);
            for (int r = 0; r < rows; r++)
            {
                x[r * inDim] = 0f;                                  // zero everywhere
                if (r < 64) x[r * inDim + 1 % inDim] = -0f;         // -0 over the first block
                if (r % 64 < 40) x[r * inDim + 2 % inDim] = 0f;     // zero over part of each block
                if (r % 32 < 16) x[r * inDim + 3 % inDim] = 0f;     // zero over the first vector of each half block
            }
            if (inDim > 3 && rows > 70) x[70 * inDim + 3] = float.NaN;
            if (inDim > 4 && rows > 130) x[130 * inDim + 4] = float.PositiveInfinity;
            // Dead units: a large negative bias makes a third of layer 0's units zero on every row; a -0 bias with
            // non-negative weights on a zero input keeps a chain at ±0.
            for (int j = 0; j < widths[1]; j += 3) layers[0].Bias[j] = -1e3f;
            if (widths.Length > 3) { Array.Fill(layers[1].Bias, -0f); for (int p = 0; p < widths[1]; p++) layers[1].Kernel[p * widths[2]] = Math.Abs(layers[1].Kernel[p * widths[2]]); }
            if (weights == "inf-weight") layers[1].Kernel[5] = float.PositiveInfinity;
            if (weights == "nan-bias") layers[0].Bias[1] = float.NaN;
            var expected = LayerByLayer(x, rows, layers);
            var full = new float[rows * widths[^1]];
            var perBlock = new float[rows * widths[^1]];
            var perHalf = new float[rows * widths[^1]];
            try
            {
                DenseStack.SkipZeroInputs = false;
                DenseStack.Forward(x, rows, layers, full);
                DenseStack.SkipZeroInputs = true;
                DenseStack.HalfBlocks = false;
                DenseStack.Forward(x, rows, layers, perBlock);
            }
            finally { DenseStack.SkipZeroInputs = true; DenseStack.HalfBlocks = true; }
            DenseStack.Forward(x, rows, layers, perHalf);
            SameBits(expected, full, $"{string.Join("-", widths)} {last} {weights}, no skipping");
            SameBits(expected, perBlock, $"{string.Join("-", widths)} {last} {weights}, skipping per block");
            SameBits(expected, perHalf, $"{string.Join("-", widths)} {last} {weights}, skipping per half block (AVX-512)");
        }
    }

    /// <summary>A ReLU unit whose chain is -0 (a -0 bias and only zero inputs, skipped or added) comes out +0: the
    /// IEEE maximum the skipping relies on.</summary>
    [Fact]
    public void ReluOfANegativeZeroChainIsPositiveZero()
    {
        var layer = new DenseStackLayer([1f, -1f], [-0f], 2, 1, Activation.Relu);
        var y = new float[70];
        DenseStack.Forward(new float[140], 70, [layer], y);
        Assert.All(y, v => Assert.Equal(0, BitConverter.SingleToInt32Bits(v)));
    }

    /// <summary>Only ReLU layers skip: behind all-dead units a linear, sigmoid or tanh layer with a -0 bias adds the +0
    /// products (-0 + +0 = +0), as the layer-by-layer path does; a skipped chain would keep -0 (tanh and linear show it).</summary>
    [Fact]
    public void OnlyReluLayersSkip()
    {
        var rng = new Rng(952);
        foreach (var act in new[] { Activation.Linear, Activation.Tanh, Activation.Sigmoid, Activation.Relu })
        {
            var dead = new DenseStackLayer(GradCheck.RandomF(rng, 3 * 4, 1), [-1e3f, -1e3f, -1e3f, -1e3f], 3, 4, Activation.Relu);
            var next = new DenseStackLayer([.. GradCheck.RandomF(rng, 4 * 2, 1).Select(MathF.Abs)], [-0f, -0f], 4, 2, act);
            var x = GradCheck.RandomF(rng, 70 * 3, 1);
            var y = new float[70 * 2];
            DenseStack.Forward(x, 70, [dead, next], y);
            var expected = LayerByLayer(x, 70, [dead, next]);
            if (act is Activation.Linear or Activation.Tanh) Assert.Equal(0, BitConverter.SingleToInt32Bits(expected[0])); // +0, not -0
            SameBits(expected, y, act.ToString());
        }
    }

    [Fact]
    public void RejectsStacksItCannotRun()
    {
        var rng = new Rng(932);
        var ok = RandomStack(rng, [2, 4, 3], [Activation.Relu, Activation.Linear]);
        var y = new float[10 * 3];
        Assert.Throws<ArgumentException>(() => DenseStack.Forward(new float[20], 10, [], y));
        Assert.Throws<ArgumentException>(() => DenseStack.Forward(new float[20], 10, [ok[0], ok[0]], y)); // 4 after 2
        Assert.Throws<ArgumentException>(() => DenseStack.Forward(new float[19], 10, ok, y));
        Assert.Throws<ArgumentException>(() => DenseStack.Forward(new float[20], 10, [ok[0], ok[1] with { Activation = Activation.Softmax }], y));
        var wide = RandomStack(rng, [2, DenseStack.MaxWidth + 1], [Activation.Relu]);
        Assert.Throws<ArgumentException>(() => DenseStack.Forward(new float[20], 10, wide, new float[10 * (DenseStack.MaxWidth + 1)]));
        Assert.False(DenseStack.Suits(DenseStack.MaxWidth + 1, 4, Activation.Relu));
        Assert.True(DenseStack.Suits(DenseStack.MaxWidth, DenseStack.MaxWidth, Activation.Tanh));
    }

    /// <summary>Sequential.Predict (runs of narrow layers in one pass, wide and softmax layers on their own, captures ending
    /// a run) against each layer's own Forward, on flat rows and on sequences (a dense layer maps each step).</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void PredictEqualsTheLayersForwardOneByOne(int steps)
    {
        var rng = new Rng(933);
        var model = Sequential.Build(steps, 2, [new LayerSpec("dense", "a", 32, "relu"), new LayerSpec("dense", "b", 20, "tanh"),
            new LayerSpec("dense", "c", 80, "relu"), new LayerSpec("dense", "d", 7, "sigmoid"), new LayerSpec("dense", "e", 5),
            new LayerSpec("dense", "f", 4, "softmax"), new LayerSpec("dense", "g", 1, "sigmoid")], rng);
        int rows = 1500; // two 1024-row chunks, the second partial
        var x = GradCheck.RandomF(rng, rows * steps * 2, 2);
        string[] capture = ["b", "e"];
        var y = model.Predict(x, rows, capture, out var captured);
        var flow = model.InputFlow(x, rows);
        foreach (var layer in model.Layers)
        {
            flow = layer.Forward(flow, Mode.Eval);
            var expected = flow.Data.AsSpan(0, flow.Length).ToArray();
            if (capture.Contains(layer.Name)) SameBits(expected, captured[layer.Name], $"captured {layer.Name}");
        }
        SameBits(flow.Data.AsSpan(0, flow.Length).ToArray(), y, "output");
    }

    /// <summary>A moons-like grid (2-32-32-1 ReLU/ReLU/sigmoid on neighbouring points, so whole blocks of dead units are
    /// skipped) predicted on 1 and 2 threads equals each layer's own Forward.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void GridPredictWithDeadUnitsEqualsTheLayers(int threads)
    {
        var rng = new Rng(950);
        var model = Sequential.Build(2, [new LayerSpec("dense", "h1", 32, "relu"), new LayerSpec("dense", "h2", 32, "relu"),
            new LayerSpec("dense", "out", 1, "sigmoid")], rng);
        model.Compute = new ComputeOptions(threads, MinParallelWork: 0);
        int side = 70, rows = side * side;
        var grid = new float[rows * 2];
        for (int i = 0; i < side; i++)
            for (int j = 0; j < side; j++) { grid[(i * side + j) * 2] = -1.5f + 4f * j / (side - 1); grid[(i * side + j) * 2 + 1] = -1f + 2.5f * i / (side - 1); }
        var y = model.Predict(grid, rows);
        var flow = model.InputFlow(grid, rows);
        foreach (var layer in model.Layers) flow = layer.Forward(flow, Mode.Eval);
        SameBits(flow.Data.AsSpan(0, flow.Length).ToArray(), y, $"grid, {threads} threads");
    }
}
