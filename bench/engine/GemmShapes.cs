using NnViz.Engine;
using System.Globalization;

namespace NnViz.Bench.Engine;

public static partial class Workloads
{
    /// <summary>FLOPs timed per round and rounds per shape of the gemm workload (the best round is reported):
    /// NNVIZ_GEMM_ROUNDS (default 1) and NNVIZ_GEMM_GFLOP (default 10 per round).</summary>
    private static int GemmRounds => int.TryParse(Environment.GetEnvironmentVariable("NNVIZ_GEMM_ROUNDS"), out int r) && r > 0 ? r : 1;
    private static double GemmFlopsPerRound =>
        double.TryParse(Environment.GetEnvironmentVariable("NNVIZ_GEMM_GFLOP"), NumberStyles.Float, CultureInfo.InvariantCulture, out double g) && g > 0 ? g * 1e9 : 1e10;

    /// <summary>The measured shapes: 512^3 and the training shapes (the last one a weight gradient, C = Aᵀ·B), or
    /// NNVIZ_GEMM_SHAPES, e.g. "512x512x512,128x12800x256t" (a trailing t marks Aᵀ).</summary>
    private static IEnumerable<(int m, int k, int n, bool at)> GemmShapes()
    {
        var env = Environment.GetEnvironmentVariable("NNVIZ_GEMM_SHAPES");
        if (string.IsNullOrWhiteSpace(env))
            return [(512, 512, 512, false), (64, 784, 64, false), (12800, 128, 256, false), (64, 64, 256, false), (128, 12800, 256, true)];
        return env.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).ToList();

        static (int, int, int, bool) Parse(string s)
        {
            bool at = s.EndsWith('t');
            var d = s.TrimEnd('t').Split('x');
            if (d.Length != 3) throw new ArgumentException($"NNVIZ_GEMM_SHAPES: '{s}' is not MxKxN (optionally followed by t for Aᵀ)");
            return (int.Parse(d[0], CultureInfo.InvariantCulture), int.Parse(d[1], CultureInfo.InvariantCulture), int.Parse(d[2], CultureInfo.InvariantCulture), at);
        }
    }
}

public static partial class Workloads
{
    /// <summary>The float GEMM paths side by side on each shape (tiled, packed with B shared, packed per block), rounds
    /// interleaved so that every path sees the same load; best round per path in GFLOP per CPU-second, and the bits of
    /// each path checked against the tiled one.</summary>
    public static BenchResult GemmPaths(int threads)
    {
        var rng = new Rng(8);
        double peak = PeakPerCpuSecond();
        var notes = new List<string> { $"FMA peak {peak / 1e9:F1} GFLOP/s per CPU-second" };
        var opts = new ComputeOptions(threads);
        foreach (var (m, k, n, at) in GemmShapes())
        {
            int aRow = at ? 1 : k, aCol = at ? m : 1;
            var a = new float[m * k]; var b = new float[k * n];
            for (int i = 0; i < a.Length; i++) a[i] = rng.NextFloat();
            for (int i = 0; i < b.Length; i++) b[i] = rng.NextFloat();
            var paths = new (string Name, Action<float[]> Run)[]
            {
                ("tiled", c => NnViz.Engine.Kernels.Gemm.MultiplyTiled(a, aRow, aCol, b, n, c, n, m, k, n, false, opts)),
                ("packed", c => NnViz.Engine.Kernels.PackedGemm.Multiply(a, aRow, aCol, b, n, c, n, m, k, n, false, opts)),
                ("panel", c => NnViz.Engine.Kernels.PanelGemm.Multiply(a, aRow, aCol, b, n, c, n, m, k, n, false, opts)),
            };
            var outs = paths.Select(_ => new float[m * n]).ToArray();
            for (int p = 0; p < paths.Length; p++) paths[p].Run(outs[p]);
            bool same = outs.All(o => o.AsSpan().SequenceEqual(outs[0]));
            int reps = (int)Math.Max(1, GemmFlopsPerRound / (2.0 * m * k * n));
            var best = new double[paths.Length];
            Array.Fill(best, double.MaxValue);
            for (int round = 0; round < GemmRounds; round++)
                for (int p = 0; p < paths.Length; p++)
                {
                    var sw = Clock.StartNew();
                    for (int r = 0; r < reps; r++) paths[p].Run(outs[p]);
                    best[p] = Math.Min(best[p], sw.Cpu);
                }
            double flop = 2.0 * m * k * n * reps;
            notes.Add($"{m}x{k}x{n}{(at ? "t" : "")} " + string.Join(" ", paths.Select((q, p) => $"{q.Name} {flop / best[p] / 1e9:F1} ({flop / best[p] / peak:P0})"))
                + (same ? "" : " BITS DIFFER"));
        }
        return new BenchResult(0, "s", string.Join("; ", notes));
    }
}

public static partial class Workloads
{
    /// <summary>The register-only FMA loop on N threads at once (dedicated threads released together): total wall
    /// GFLOP/s against N times the one-thread rate, i.e. the ceiling any GEMM can reach on N threads on this machine
    /// (two vCPUs that share one physical core would show about 1x here).</summary>
    public static BenchResult FmaPeak(int threads)
    {
        NnViz.Engine.Kernels.PackedGemm.PeakFmaLoop(1000, out _);
        const long Iterations = 20_000_000;
        double one = 0, all = 0;
        for (int round = 0; round < 5; round++)
        {
            one = Math.Max(one, TimedPeak(1, Iterations));
            all = Math.Max(all, TimedPeak(threads, Iterations));
        }
        return new BenchResult(0, "s", Inv($"one thread {one / 1e9:F1} GFLOP/s wall; {threads} threads together {all / 1e9:F1} = {all / one:F2}x"));
    }

    private static double TimedPeak(int threads, long iterations)
    {
        using var start = new ManualResetEventSlim();
        var flops = new double[threads];
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.Wait();
            flops[t] = NnViz.Engine.Kernels.PackedGemm.PeakFmaLoop(iterations, out float sink);
            if (float.IsNaN(sink)) throw new InvalidOperationException("peak loop diverged");
        })).ToList();
        workers.ForEach(w => w.Start());
        Thread.Sleep(20);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        start.Set();
        workers.ForEach(w => w.Join());
        return flops.Sum() / sw.Elapsed.TotalSeconds;
    }
}

