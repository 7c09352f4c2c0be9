using NnViz.Engine;
using NnViz.Engine.Training;
using static TorchSharp.torch;

namespace NnViz.Torch.Tests;

/// <summary>Each native loss against its libtorch expression: the mean loss and d(loss)/d(output) within 1e-5 relative,
/// including outputs beyond the clipping bounds of the probability losses (gradient 0 there on both).</summary>
public class LossParityTests
{
    public static TheoryData<string> Losses => new() { "mse", "bce", "bce_logits", "softmax_ce", "categorical_ce" };

    [Theory]
    [MemberData(nameof(Losses))]
    public void Value_and_gradient_agree(string name)
    {
        TorchRuntime.Ensure();
        const int rows = 6, cols = 4;
        var rng = new Rng(17);
        ILoss loss = name switch
        {
            "mse" => new Mse(), "bce" => new BinaryCrossEntropy(), "bce_logits" => new BinaryCrossEntropy(fromLogits: true),
            "softmax_ce" => new SoftmaxCrossEntropy(), _ => new SoftmaxCrossEntropy(fromLogits: false),
        };
        bool probabilities = name is "bce" or "categorical_ce";
        var o = Parity.Random(rng, rows * cols, 3);
        if (probabilities) for (int i = 0; i < o.Length; i++) o[i] = i % 7 == 0 ? 1f : i % 11 == 0 ? 0f : 0.5f + o[i] / 6.5f;
        var t = new float[rows * cols];
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < cols; j++) t[r * cols + j] = name.Contains("ce") && !name.StartsWith("bce") ? (j == r % cols ? 1 : 0) : rng.NextDouble() < 0.5 ? 1 : 0;
        var grad = new float[rows * cols];
        double value = loss.Compute(o, t, grad, rows, cols);
        var to = Parity.Leaf(o, rows, cols);
        var l = TorchLosses.Compute(loss, to, tensor(t, [rows, cols]));
        l.backward();
        Assert.True(Math.Abs(value - l.item<float>()) <= 1e-5 * Math.Abs(value), $"{name}: native {value}, torch {l.item<float>()}");
        Parity.Close(grad, Parity.Read(to.grad!), 1e-5, name + " gradient");
    }
}
