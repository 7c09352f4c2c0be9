using System.Diagnostics;
using System.Globalization;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Engine.Training;
using OptimizerSettings = NnViz.Torch.OptimizerSettings;

namespace NnViz.Bench.Engine;

/// <summary>Seconds for the unit (whole run, per epoch, per 10,000 sequences, per review) and a free-form note.</summary>
public sealed record BenchResult(double Seconds, string Unit, string Note)
{
    /// <summary>Process CPU seconds for the same unit (all threads): steadier than wall time on a loaded machine.</summary>
    public double CpuSeconds { get; init; } = double.NaN;
}

/// <summary>Wall and process CPU time of a timed region.</summary>
public sealed class Clock
{
    private readonly Stopwatch _sw = Stopwatch.StartNew();
    private TimeSpan _cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    public static Clock StartNew() => new();
    public TimeSpan Elapsed => _sw.Elapsed;
    public double Cpu => (Process.GetCurrentProcess().TotalProcessorTime - _cpu0).TotalSeconds;
    public void Restart() { _sw.Restart(); _cpu0 = Process.GetCurrentProcess().TotalProcessorTime; }
}

/// <summary>The workloads of issue 3: the same data shapes, models, optimizers, batch sizes and epochs as
/// bench/reference/workloads.py. Times include model construction and every probe the experiment would record.</summary>
public static partial class Workloads
{
    public static readonly Dictionary<string, Func<int, BenchResult>> All = new()
    {
        ["poly-fit"] = PolyFit,
        ["rings"] = Rings,
        ["moons"] = Moons,
        ["mlp"] = Mlp,
        ["lstm"] = LstmEpoch,
        ["lstm-text"] = LstmTextEpoch,
        ["bilstm"] = BiLstm,
        ["prefix"] = Prefix,
        ["gemm"] = GemmThroughput,
        ["gemm-paths"] = GemmPaths,
        ["fma-peak"] = FmaPeak,
        ["lstm-parts"] = LstmParts,
        ["lstm-kernel"] = LstmKernelParts,
        ["digest"] = Digest,
        ["moons-parts"] = MoonsParts,
        ["moons-ab"] = MoonsAb,
        ["moons-jit"] = MoonsJit,
        ["jit-costs"] = JitCosts,
        ["gemm-ab"] = GemmAb,
    };

    /// <summary>Adds the CPU time, scaled to the result's unit like the wall time was.</summary>
    private static BenchResult Timed(Clock clock, BenchResult r)
    {
        double cpu = clock.Cpu, wall = clock.Elapsed.TotalSeconds;
        return r with { CpuSeconds = r.Seconds * cpu / wall };
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>A1: 1-6-1 tanh, SGD 0.01, MSE, 4000 points, batch 32, 100 epochs, the 400-point test curve each epoch.</summary>
    public static BenchResult PolyFit(int threads)
    {
        var rng = new Rng(1);
        var data = rng.Fork("data");
        int n = 4000;
        var x = new float[n]; var y = new float[n];
        for (int i = 0; i < n; i++) { double v = data.Uniform(-2, 2); x[i] = (float)v; y[i] = (float)(v * v * v * v - 3 * v * v + v + 1); }
        var curve = new float[400];
        for (int i = 0; i < 400; i++) curve[i] = (float)(-2 + 4.0 * i / 399);
        var sw = Clock.StartNew();
        var model = Sequential.Build(1, [new LayerSpec("dense", "h", 6, "tanh"), new LayerSpec("dense", "out", 1)], rng);
        model.Compute = new ComputeOptions(threads);
        var trainer = Train(model, rng, new Mse(), new("sgd", 0.01), threads);
        var shuffle = rng.Fork("shuffle");
        double loss = 0;
        for (int e = 0; e < 100; e++)
        {
            loss = trainer.TrainEpoch(x, y, n, 32, shuffle).Loss;
            trainer.Predict(curve, 400);
        }
        return Timed(sw, new BenchResult(sw.Elapsed.TotalSeconds, "s/run", Inv($"final loss {loss:F4}")));
    }

    /// <summary>The moons workload's data from its Rng (forks "data"): 1,000 two-moons points (noise sd 0.2), their labels and
    /// the 200 x 200 decision grid over [-1.5, 2.5] x [-1, 1.5].</summary>
    internal static (float[] X, float[] Y, float[] Grid) MoonsData(Rng rng)
    {
        var data = rng.Fork("data");
        int n = 1000;
        var x = new float[2 * n]; var y = new float[n];
        for (int i = 0; i < n; i++)
        {
            bool upper = i < n / 2;
            double t = Math.PI * data.NextDouble();
            x[2 * i] = (float)((upper ? Math.Cos(t) : 1 - Math.Cos(t)) + 0.2 * data.NextGaussian());
            x[2 * i + 1] = (float)((upper ? Math.Sin(t) : 0.5 - Math.Sin(t)) + 0.2 * data.NextGaussian());
            y[i] = upper ? 0 : 1;
        }
        var grid = new float[200 * 200 * 2];
        for (int i = 0; i < 200; i++)
            for (int j = 0; j < 200; j++) { grid[(i * 200 + j) * 2] = -1.5f + 4f * j / 199; grid[(i * 200 + j) * 2 + 1] = -1f + 2.5f * i / 199; }
        return (x, y, grid);
    }

    /// <summary>A2: 2-3-2-1 tanh/sigmoid, MSE, SGD 0.001, 40,000 ring points, batch 32, 100 epochs; each epoch the
    /// hidden-plane frame: the 2-unit layer for all points and for the 42 x 100-point warped grid.</summary>
    public static BenchResult Rings(int threads)
    {
        var rng = new Rng(2);
        var data = rng.Fork("data");
        int n = 40000;
        var x = new float[2 * n]; var y = new float[n];
        for (int i = 0; i < n; i++)
        {
            double a = data.Uniform(0, 2 * Math.PI), r = (i % 2 == 0 ? 1.0 : 0.5);
            x[2 * i] = (float)(r * Math.Cos(a) + 0.005 * data.NextGaussian());
            x[2 * i + 1] = (float)(r * Math.Sin(a) + 0.005 * data.NextGaussian());
            y[i] = i % 2 == 0 ? 1 : 0;
        }
        var grid = new float[42 * 100 * 2];
        for (int l = 0; l < 21; l++)
            for (int p = 0; p < 100; p++)
            {
                float c = -1 + l * 0.1f, s = -1 + p * (2f / 99);
                int h = (l * 100 + p) * 2, v = ((21 + l) * 100 + p) * 2;
                grid[h] = s; grid[h + 1] = c; grid[v] = c; grid[v + 1] = s;
            }
        var sw = Clock.StartNew();
        var model = Sequential.Build(2, [new LayerSpec("dense", "h1", 3, "tanh"), new LayerSpec("dense", "plane", 2, "tanh"),
            new LayerSpec("dense", "out", 1, "sigmoid")], rng);
        model.Compute = new ComputeOptions(threads);
        var trainer = Train(model, rng, new Mse(), new("sgd", 0.001), threads);
        var shuffle = rng.Fork("shuffle");
        double loss = 0;
        for (int e = 0; e < 100; e++)
        {
            loss = trainer.TrainEpoch(x, y, n, 32, shuffle).Loss;
            trainer.Predict(x, n, ["plane"]);
            trainer.Predict(grid, 4200, ["plane"]);
        }
        return Timed(sw, new BenchResult(sw.Elapsed.TotalSeconds, "s/run", Inv($"final loss {loss:F4}")));
    }

    /// <summary>B1: moons 2-32-32-1 ReLU + sigmoid, BCE, Adam 1e-3, 1000 points, batch 32, 100 epochs, a 200 x 200 grid each epoch.</summary>
    public static BenchResult Moons(int threads)
    {
        var rng = new Rng(3);
        var (x, y, grid) = MoonsData(rng);
        int n = y.Length;
        var sw = Clock.StartNew();
        var model = Sequential.Build(2, [new LayerSpec("dense", "h1", 32, "relu"), new LayerSpec("dense", "h2", 32, "relu"),
            new LayerSpec("dense", "out", 1, "sigmoid")], rng);
        model.Compute = new ComputeOptions(threads);
        var trainer = Train(model, rng, new BinaryCrossEntropy(), new("adam", 1e-3), threads);
        var shuffle = rng.Fork("shuffle");
        double loss = 0;
        for (int e = 0; e < 100; e++)
        {
            loss = trainer.TrainEpoch(x, y, n, 32, shuffle).Loss;
            trainer.Predict(grid, 40000);
        }
        return Timed(sw, new BenchResult(sw.Elapsed.TotalSeconds, "s/run", Inv($"final loss {loss:F4}")));
    }
}
