using System.Diagnostics;
using System.Globalization;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Engine.Training;

namespace NnViz.Bench.Engine;

public sealed record BenchResult(double Seconds, string Unit, string Note);

/// <summary>The workloads of issue 3, each the same data shape, model, optimizer, batch and epochs as bench/reference.</summary>
public static partial class Workloads
{
    public static readonly Dictionary<string, Func<int, BenchResult>> All = new()
    {
        ["poly-fit"] = PolyFit,
    };

    private static ComputeOptions Opt(int threads) => new(threads);

    /// <summary>A1: 1-6-1 tanh, SGD 0.01, MSE, 4000 points, batch 32, 100 epochs (+ 400-point test curve per epoch).</summary>
    public static BenchResult PolyFit(int threads)
    {
        var rng = new Rng(1);
        var data = rng.Fork("data");
        int n = 4000;
        var x = new float[n]; var y = new float[n];
        for (int i = 0; i < n; i++) { double v = data.Uniform(-2, 2); x[i] = (float)v; y[i] = (float)(v * v * v * v - 3 * v * v + v + 1); }
        var curve = new float[400];
        for (int i = 0; i < 400; i++) curve[i] = (float)(-2 + 4.0 * i / 399);
        var sw = Stopwatch.StartNew();
        var model = Sequential.Build(1, [new LayerSpec("dense", "h", 6, "tanh"), new LayerSpec("dense", "out", 1)], rng);
        model.Compute = Opt(threads);
        var opt = new Sgd(model.Parameters, 0.01);
        var shuffle = rng.Fork("shuffle");
        double loss = 0;
        for (int e = 0; e < 100; e++)
        {
            loss = Trainer.TrainEpoch(model, new Mse(), opt, x, y, n, 32, shuffle).Loss;
            model.Predict(curve, 400);
            if (Environment.GetEnvironmentVariable("NNVIZ_BENCH_TRACE") == "1") Console.Error.WriteLine($"{e} {sw.Elapsed.TotalMilliseconds:F1}");
        }
        return new BenchResult(sw.Elapsed.TotalSeconds, "s/run", string.Create(CultureInfo.InvariantCulture, $"final loss {loss:F4}"));
    }
}
