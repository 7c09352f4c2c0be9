using NnViz.Engine.Nn;
using NnViz.Engine.Training;

namespace NnViz.Engine.Tests;

public class DeterminismTests
{
    private static float[] TrainMlp(ComputeOptions compute)
    {
        var rng = new Rng(60);
        var data = rng.Fork("data");
        int n = 256, d = 40;
        var x = new float[n * d]; var y = new float[n * 3];
        for (int i = 0; i < x.Length; i++) x[i] = (float)data.NextGaussian();
        for (int i = 0; i < n; i++) y[i * 3 + (x[i * d] > 0 ? 0 : x[i * d + 1] > 0 ? 1 : 2)] = 1;
        var model = Sequential.Build(d, [new LayerSpec("dense", "h1", 96, "relu"), new LayerSpec("dense", "h2", 64, "tanh"),
            new LayerSpec("dense", "out", 3)], rng);
        model.Compute = compute;
        var opt = new Adam(model.Parameters);
        var shuffle = rng.Fork("shuffle");
        for (int e = 0; e < 3; e++) Trainer.TrainEpoch(model, new SoftmaxCrossEntropy(), opt, x, y, n, 64, shuffle);
        var all = new List<float>();
        foreach (var p in model.Parameters) all.AddRange(p.Value);
        all.AddRange(model.Predict(x, n));
        return all.ToArray();
    }

    [Fact]
    public void SingleThreadAndForcedParallelChunksGiveIdenticalBits()
    {
        var one = TrainMlp(ComputeOptions.SingleThread);
        var two = TrainMlp(new ComputeOptions(2, MinParallelWork: 0));
        Assert.Equal(one, two);
    }

    [Fact]
    public void PredictDoesNotDependOnChunkingOrBatchSize()
    {
        var rng = new Rng(61);
        var model = Sequential.Build(3, [new LayerSpec("dense", "h", 37, "tanh"), new LayerSpec("dense", "o", 2, "sigmoid")], rng);
        int n = 2500;
        var x = GradCheck.RandomF(rng, n * 3);
        var all = model.Predict(x, n, ["h"], out var cap);
        Assert.Equal(n * 37, cap["h"].Length);
        for (int r = 0; r < n; r += 397)
        {
            var one = model.Predict(x[(r * 3)..(r * 3 + 3)], 1, ["h"], out var c1);
            Assert.Equal(all.AsSpan(r * 2, 2).ToArray(), one);
            Assert.Equal(cap["h"].AsSpan(r * 37, 37).ToArray(), c1["h"]);
        }
    }
}
