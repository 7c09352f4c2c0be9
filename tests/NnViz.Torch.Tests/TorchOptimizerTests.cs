using NnViz.Engine;
using TorchSharp;
using static TorchSharp.torch;
using TorchParameter = TorchSharp.Modules.Parameter;

namespace NnViz.Torch.Tests;

/// <summary>The torch engine's optimizer writes out TorchSharp's torch.optim steps with Scalars that stay alive
/// (<see cref="TorchOptimizer"/>); it must give torch.optim's bits, step after step.</summary>
public class TorchOptimizerTests
{
    [Theory]
    [InlineData("sgd", 0.0, false)]
    [InlineData("sgd", 0.9, false)]
    [InlineData("sgd", 0.9, true)]
    [InlineData("adam", 0.0, false)]
    [InlineData("rmsprop", 0.0, false)]
    public void Steps_give_torch_optim_bits(string kind, double momentum, bool nesterov)
    {
        TorchRuntime.Ensure();
        var settings = new OptimizerSettings(kind, 0.01, Momentum: momentum, Nesterov: nesterov);
        var rng = new Rng(3);
        float[] start = [.. Enumerable.Range(0, 40).Select(_ => (float)(rng.NextDouble() * 2 - 1))];
        TorchParameter Make() => new(tensor(start, [8, 5]).DetachFromDisposeScope(), requires_grad: true);
        var ours = Make(); var theirs = Make();
        using var mine = new TorchOptimizer([ours], settings);
        using optim.Optimizer reference = kind switch
        {
            "sgd" => optim.SGD([theirs], 0.01, momentum: momentum, nesterov: nesterov),
            "adam" => optim.Adam([theirs], 0.01, settings.Beta1, settings.Beta2, settings.Epsilon),
            _ => optim.RMSProp([theirs], 0.01, alpha: settings.Rho, eps: settings.Epsilon),
        };
        for (int step = 0; step < 8; step++)
        {
            float[] weights = [.. Enumerable.Range(0, 40).Select(_ => (float)(rng.NextDouble() * 2 - 1))];
            foreach (var (p, zero, update) in new (TorchParameter, Action, Action)[]
                { (ours, mine.ZeroGrad, mine.Step), (theirs, reference.zero_grad, () => reference.step()) })
            {
                using var scope = NewDisposeScope();
                zero();
                var w = tensor(weights, [8, 5]);
                ((p * w).sum() + (p * p * w).sum()).backward();
                update();
            }
            var a = ours.detach().data<float>().ToArray(); var b = theirs.detach().data<float>().ToArray();
            for (int i = 0; i < a.Length; i++)
                Assert.True(BitConverter.SingleToInt32Bits(a[i]) == BitConverter.SingleToInt32Bits(b[i]),
                    $"{kind} step {step + 1}, element {i}: ours {a[i]:R}, torch.optim {b[i]:R}");
            Assert.NotEqual(start, a); // the parameters did move
        }
    }
}
