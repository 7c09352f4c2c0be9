using NnViz.Engine.Nn;
using NnViz.Engine.Training;

namespace NnViz.Engine.Tests;

/// <summary>Optimizer updates against values worked out by hand with a constant gradient of 1 (or 2).</summary>
public class OptimizerTests
{
    private static float[] Run(Func<Parameter[], IOptimizer> make, int steps, float grad = 1f)
    {
        var p = new Parameter("w", [1], [1f]);
        var opt = make([p]);
        var trace = new float[steps];
        for (int s = 0; s < steps; s++) { p.Grad[0] = grad; opt.Step(); trace[s] = p.Value[0]; }
        return trace;
    }

    [Fact]
    public void SgdPlainAndMomentum()
    {
        var plain = Run(p => new Sgd(p, 0.1), 2);
        Assert.Equal(0.9f, plain[0], 6); Assert.Equal(0.8f, plain[1], 6);
        // v1 = 1, w = 0.9; v2 = 0.9 + 1 = 1.9, w = 0.9 - 0.19 = 0.71
        var m = Run(p => new Sgd(p, 0.1, momentum: 0.9), 2);
        Assert.Equal(0.9f, m[0], 6); Assert.Equal(0.71f, m[1], 6);
        // Nesterov: w -= lr (g + μ v): 1 - 0.1 (1 + 0.9) = 0.81; v2 = 1.9: 0.81 - 0.1 (1 + 1.71) = 0.539
        var n = Run(p => new Sgd(p, 0.1, momentum: 0.9, nesterov: true), 2);
        Assert.Equal(0.81f, n[0], 6); Assert.Equal(0.539f, n[1], 6);
    }

    [Fact]
    public void AdamStepsByLearningRateForAConstantGradient()
    {
        // With bias correction m̂ = g and v̂ = g², so each step is lr · g/(|g| + ε).
        var w = Run(p => new Adam(p, lr: 0.01), 3, grad: 2f);
        Assert.Equal(0.99f, w[0], 6); Assert.Equal(0.98f, w[1], 6); Assert.Equal(0.97f, w[2], 6);
    }

    [Fact]
    public void RmsPropFirstStep()
    {
        // v = 0.1 g², so the step is lr · g / (sqrt(0.1)|g| + ε) = lr / sqrt(0.1).
        var w = Run(p => new RmsProp(p, lr: 0.001), 1, grad: 2f);
        Assert.Equal(1 - 0.001 / Math.Sqrt(0.1), w[0], 6);
    }

    [Fact]
    public void FrozenParametersAreNotUpdated()
    {
        var p = new Parameter("e", [2], [1f, 2f]) { Trainable = false };
        p.Grad[0] = 5;
        new Adam([p]).Step();
        Assert.Equal([1f, 2f], p.Value);
    }

    [Fact]
    public void GlobalNormClippingScalesAllGradients()
    {
        var a = new Parameter("a", [1]); var b = new Parameter("b", [1]);
        a.Grad[0] = 3; b.Grad[0] = 4;
        Assert.Equal(5, GradientClipping.ClipByGlobalNorm([a, b], 1), 9);
        Assert.Equal(0.6f, a.Grad[0], 5); Assert.Equal(0.8f, b.Grad[0], 5);
    }
}
