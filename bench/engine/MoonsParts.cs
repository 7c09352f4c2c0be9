using System.Diagnostics;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Engine.Training;
using OptimizerSettings = NnViz.Torch.OptimizerSettings;

namespace NnViz.Bench.Engine;

public static partial class Workloads
{
    /// <summary>The moons run (B1) split into its parts, wall milliseconds per run: the training step's forward, loss,
    /// backward and optimizer, the batch copies, and the 200 x 200 grid prediction; the first run in the process (with
    /// the JIT) and the best of the later ones. Tells which part a change should target.</summary>
    public static BenchResult MoonsParts(int threads)
    {
        var parts = new[] { "copy", "forward", "loss", "backward", "adam", "grid" };
        var best = new double[parts.Length];
        Array.Fill(best, double.MaxValue);
        double[] first = [];
        var sw = Clock.StartNew();
        // The workload itself first, cold as compare.sh runs it: its time, and the part of it the JIT took.
        var jit0 = System.Runtime.JitInfo.GetCompilationTime();
        var jitMain0 = System.Runtime.JitInfo.GetCompilationTime(currentThread: true);
        long methods0 = System.Runtime.JitInfo.GetCompiledMethodCount();
        var cold = Moons(threads);
        double jitMs = (System.Runtime.JitInfo.GetCompilationTime() - jit0).TotalMilliseconds;
        long methods = System.Runtime.JitInfo.GetCompiledMethodCount() - methods0;
        double jitMainMs = (System.Runtime.JitInfo.GetCompilationTime(currentThread: true) - jitMain0).TotalMilliseconds;
        string note = "";
        for (int run = 0; run < 6; run++)
        {
            var t = new long[parts.Length];
            var (model, opt, x, y, grid, shuffle) = MoonsSetup(threads);
            var loss = new BinaryCrossEntropy();
            int n = 1000, bs = 32;
            var bx = new float[bs * 2]; var by = new float[bs]; var grad = new float[bs];
            double epochLoss = 0;
            for (int e = 0; e < 100; e++)
            {
                long t0 = Stopwatch.GetTimestamp();
                int[] order = shuffle.Permutation(n);
                double total = 0;
                for (int start = 0; start < n; start += bs)
                {
                    int m = Math.Min(bs, n - start);
                    for (int i = 0; i < m; i++)
                    {
                        int src = order[start + i];
                        Array.Copy(x, src * 2, bx, i * 2, 2);
                        by[i] = y[src];
                    }
                    long t1 = Stopwatch.GetTimestamp(); t[0] += t1 - t0;
                    foreach (var p in model.Parameters) p.ZeroGrad();
                    var output = model.Forward(model.InputFlow(bx, m), Mode.Train);
                    long t2 = Stopwatch.GetTimestamp(); t[1] += t2 - t1;
                    double l = loss.Compute(output.Data.AsSpan(0, m), by.AsSpan(0, m), grad.AsSpan(0, m), m, 1);
                    long t3 = Stopwatch.GetTimestamp(); t[2] += t3 - t2;
                    model.Backward(new Flow(grad, m, output.Steps, output.Features, output.Mask));
                    long t4 = Stopwatch.GetTimestamp(); t[3] += t4 - t3;
                    opt.Step(model.Compute);
                    t0 = Stopwatch.GetTimestamp(); t[4] += t0 - t4;
                    total += l * m;
                }
                epochLoss = total / n;
                long g0 = Stopwatch.GetTimestamp();
                model.Predict(grid, 40000);
                t[5] += Stopwatch.GetTimestamp() - g0;
            }
            var ms = Array.ConvertAll(t, v => v * 1000.0 / Stopwatch.Frequency);
            if (run == 0) first = ms;
            else for (int i = 0; i < ms.Length; i++) best[i] = Math.Min(best[i], ms[i]);
            note = Inv($"final loss {epochLoss:F4}");
        }
        string Row(double[] ms) => string.Join(" ", parts.Select((p, i) => Inv($"{p} {ms[i]:F1}"))) + Inv($" total {ms.Sum():F1}");
        return Timed(sw, new BenchResult(sw.Elapsed.TotalSeconds, "s", $"cold moons {cold.Seconds * 1000:F1} ms (JIT {jitMs:F1} ms, {jitMainMs:F1} ms of it on the workload's thread, {methods} methods); {note}; ms per run, first: {Row(first)}; best later: {Row(best)}"));
    }

    /// <summary>The JIT's share of a cold moons run, step by step (bench/engine moons-jit, a fresh process): milliseconds
    /// of compilation and of wall time for building the model, the first epoch, the first grid, and the other 99 epochs.</summary>
    public static BenchResult MoonsJit(int threads)
    {
        var parts = new List<string>();
        var clock = Stopwatch.StartNew();
        TimeSpan jit = System.Runtime.JitInfo.GetCompilationTime();
        void Mark(string what)
        {
            var now = System.Runtime.JitInfo.GetCompilationTime();
            parts.Add(Inv($"{what} {clock.Elapsed.TotalMilliseconds:F1} ms (JIT {(now - jit).TotalMilliseconds:F1})"));
            jit = now; clock.Restart();
        }
        var (model, opt, x, y, grid, shuffle) = MoonsSetup(threads);
        var loss = new BinaryCrossEntropy();
        Mark("setup");
        Trainer.TrainEpoch(model, loss, opt, x, y, 1000, 32, shuffle);
        Mark("epoch 1");
        model.Predict(grid, 40000);
        Mark("grid 1");
        for (int e = 1; e < 100; e++) { Trainer.TrainEpoch(model, loss, opt, x, y, 1000, 32, shuffle); model.Predict(grid, 40000); }
        Mark("epochs 2-100");
        return new BenchResult(0, "ms", string.Join("; ", parts));
    }

    /// <summary>The moons data, grid, model and optimizer exactly as <see cref="Moons"/> builds them.</summary>
    private static (Sequential Model, IOptimizer Opt, float[] X, float[] Y, float[] Grid, Rng Shuffle) MoonsSetup(int threads)
    {
        var rng = new Rng(3);
        var (x, y, grid) = MoonsData(rng);
        var model = Sequential.Build(2, [new LayerSpec("dense", "h1", 32, "relu"), new LayerSpec("dense", "h2", 32, "relu"),
            new LayerSpec("dense", "out", 1, "sigmoid")], rng);
        model.Compute = new ComputeOptions(threads);
        return (model, new OptimizerSettings("adam", 1e-3).Native(model.Parameters), x, y, grid, rng.Fork("shuffle"));
    }
}

public static partial class Workloads
{
    /// <summary>A/B toggles of the moons path (bench/engine moons-ab): name, setter. Old is false, new is true.</summary>
    private static readonly (string Name, Action<bool> Set)[] MoonsToggles =
    [
        ("skip-zero-inputs (per 64-row block)", on => { NnViz.Engine.Kernels.DenseStack.HalfBlocks = false; NnViz.Engine.Kernels.DenseStack.SkipZeroInputs = on; }),
        ("half-blocks (skip per 32 rows, vs per 64)", on => { NnViz.Engine.Kernels.DenseStack.SkipZeroInputs = true; NnViz.Engine.Kernels.DenseStack.HalfBlocks = on; }),
        ("skip per 32 rows vs no skipping", on => { NnViz.Engine.Kernels.DenseStack.HalfBlocks = true; NnViz.Engine.Kernels.DenseStack.SkipZeroInputs = on; }),
    ];

    /// <summary>Whether this CPU pays for subnormals in Adam: the moons model's 1,185 parameters updated 3,200 times with
    /// gradients whose first moment is normal (1e-10) or subnormal (1e-39, its square underflowing to 0, as a dead unit's
    /// decaying moment does), best of 7 alternating rounds in thread CPU ms.</summary>
    private static string AdamSubnormals()
    {
        var best = new[] { double.MaxValue, double.MaxValue };
        for (int round = 0; round < 7; round++)
            for (int s = 0; s < 2; s++)
            {
                bool sub = (s ^ (round & 1)) == 1;
                int[] sizes = [64, 32, 1024, 32, 32, 1];
                var ps = sizes.Select((n, i) => new NnViz.Engine.Nn.Parameter($"p{i}", [n])).ToArray();
                foreach (var p in ps) Array.Fill(p.Grad, sub ? 1e-39f : 1e-10f);
                var adam = new Adam(ps);
                double t0 = ThreadCpuSeconds();
                for (int step = 0; step < 3200; step++) adam.Step();
                best[sub ? 1 : 0] = Math.Min(best[sub ? 1 : 0], (ThreadCpuSeconds() - t0) * 1000);
            }
        return Inv($"Adam 3,200 steps: normal moments {best[0]:F2} ms, subnormal {best[1]:F2} ms ({best[1] / best[0]:F2}x)");
    }

    /// <summary>In-process interleaved A/B of each toggle on the moons grid prediction: the model's weights at epochs
    /// 0, 10, ..., 90 of the run (so the dead-unit pattern of the whole run), all ten 40,000-point grids per timing; the
    /// two settings alternate round by round (the order flipped every round), best of the rounds in thread CPU ms.
    /// The outputs of both settings are compared bit for bit.</summary>
    public static BenchResult MoonsAb(int threads)
    {
        var (model, opt, x, y, grid, shuffle) = MoonsSetup(threads);
        var snapshots = new List<float[][]>();
        for (int e = 0; e < 100; e++)
        {
            if (e % 10 == 0) snapshots.Add([.. model.Parameters.Select(p => (float[])p.Value.Clone())]);
            Trainer.TrainEpoch(model, new BinaryCrossEntropy(), opt, x, y, 1000, 32, shuffle);
        }
        var notes = new List<string>();
        foreach (int g in new[] { 8, 16, 32, 64, 128 })
        {
            long zero = 0, total = 0;
            foreach (var snap in snapshots)
            {
                for (int i = 0; i < snap.Length; i++) snap[i].CopyTo(model.Parameters[i].Value, 0);
                model.Predict(grid, 40000, ["h1"], out var cap);
                var h = cap["h1"];
                for (int r0 = 0; r0 < 40000; r0 += g)
                    for (int j = 0; j < 32; j++)
                    {
                        bool z = true;
                        for (int r = r0; r < Math.Min(40000, r0 + g); r++) if (h[r * 32 + j] != 0) { z = false; break; }
                        if (z) zero++;
                        total++;
                    }
            }
            notes.Add(Inv($"h1 zero over {g} rows: {100.0 * zero / total:F1} %"));
        }
        foreach (var (name, set) in MoonsToggles)
        {
            var outputs = new float[2][];
            void Grids(bool on)
            {
                set(on);
                var all = new List<float>();
                foreach (var snap in snapshots)
                {
                    for (int i = 0; i < snap.Length; i++) snap[i].CopyTo(model.Parameters[i].Value, 0);
                    all.AddRange(model.Predict(grid, 40000));
                }
                outputs[on ? 1 : 0] = [.. all];
            }
            var best = new[] { double.MaxValue, double.MaxValue };
            Grids(false); Grids(true);
            for (int round = 0; round < 15; round++)
                for (int s = 0; s < 2; s++)
                {
                    bool on = (s ^ (round & 1)) == 1;
                    double t0 = ThreadCpuSeconds();
                    Grids(on);
                    best[on ? 1 : 0] = Math.Min(best[on ? 1 : 0], (ThreadCpuSeconds() - t0) * 1000);
                }
            set(true);
            bool same = System.Runtime.InteropServices.MemoryMarshal.AsBytes<float>(outputs[0]).SequenceEqual(
                System.Runtime.InteropServices.MemoryMarshal.AsBytes<float>(outputs[1]));
            notes.Add(Inv($"{name}: old {best[0]:F1} ms, new {best[1]:F1} ms per 10 grids ({best[1] / best[0]:F3}), bits {(same ? "equal" : "DIFFER")}"));
        }
        notes.Add(AdamSubnormals());
        return new BenchResult(0, "A/B", string.Join("; ", notes));
    }
}
