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
}
