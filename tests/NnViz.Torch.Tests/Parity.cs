using NnViz.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace NnViz.Torch.Tests;

/// <summary>Cross-engine comparisons: max |torch - native| relative to max |native| of the array (an elementwise ratio
/// is meaningless at values near zero), failing with the worst element named.</summary>
internal static class Parity
{
    public static double RelativeError(ReadOnlySpan<float> native, ReadOnlySpan<float> torch)
    {
        if (native.Length != torch.Length) throw new ArgumentException($"lengths differ: native {native.Length}, torch {torch.Length}");
        double scale = 0, worst = 0;
        for (int i = 0; i < native.Length; i++)
        {
            scale = Math.Max(scale, Math.Abs(native[i]));
            worst = Math.Max(worst, Math.Abs((double)native[i] - torch[i]));
        }
        return scale == 0 ? worst : worst / scale;
    }

    public static void Close(float[] native, float[] torch, double tolerance, string what)
    {
        Assert.True(native.Any(v => v != 0), $"{what}: the native values are all zero (the comparison would prove nothing)");
        double rel = RelativeError(native, torch);
        Assert.True(rel <= tolerance, $"{what}: relative error {rel:E3} > {tolerance:E0}");
    }

    public static float[] Random(Rng rng, int n, double scale = 1)
    {
        var v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float)rng.Uniform(-scale, scale);
        return v;
    }

    /// <summary>Pre-padded token rows: row r has its first r % 3 ids at 0 (padding), the rest in [1, vocab).</summary>
    public static float[] Tokens(Rng rng, int rows, int steps, int vocab)
    {
        var ids = new float[rows * steps];
        for (int r = 0; r < rows; r++)
            for (int t = 0; t < steps; t++) ids[r * steps + t] = t < r % 3 ? 0 : 1 + rng.NextInt(vocab - 1);
        return ids;
    }

    public static float[] Read(Tensor t) => TwinParameter.Read(t);

    public static Tensor Leaf(float[] data, params long[] shape) => tensor(data, shape).requires_grad_(true);
}
