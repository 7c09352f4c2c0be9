using NnViz.Engine;
using NnViz.Engine.Kernels;
using System.Globalization;

namespace NnViz.Bench.Engine;

public static partial class Workloads
{
    /// <summary>In-process A/B of a GEMM kernel change: the old and the new code path behind a static toggle
    /// (<see cref="PanelGemm.Variant"/>, <see cref="LstmGemm.GradientVariant"/>), rounds alternated so that both see the
    /// same load; best round per path in GFLOP per CPU-second (the calling thread's CPU clock on one thread, the
    /// process's on more), and the bits of the two paths compared. NNVIZ_AB_ROUNDS rounds (default 15) of about
    /// NNVIZ_GEMM_GFLOP (default 1) each; shapes from NNVIZ_GEMM_SHAPES (default the weight gradient 128x12800x256 Aᵀ)
    /// ("p:" before a shape calls PanelGemm.Multiply directly, a trailing t marks Aᵀ) and "lstm" for LstmGemm.Gradients on
    /// the IMDB shape (dW 128x12800x256, dU 64x12800x256, db).</summary>
    public static BenchResult GemmAb(int threads)
    {
        int rounds = int.TryParse(Environment.GetEnvironmentVariable("NNVIZ_AB_ROUNDS"), out int r0) && r0 > 0 ? r0 : 15;
        double gflop = double.TryParse(Environment.GetEnvironmentVariable("NNVIZ_GEMM_GFLOP"), NumberStyles.Float, CultureInfo.InvariantCulture, out double g) && g > 0 ? g : 1;
        var env = Environment.GetEnvironmentVariable("NNVIZ_GEMM_SHAPES");
        var shapes = string.IsNullOrWhiteSpace(env) ? ["128x12800x256t", "lstm"] : env.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        double peak = PeakPerCpuSecond();
        var notes = new List<string> { $"FMA peak {peak / 1e9:F1} GFLOP/s per CPU-second" };
        var opts = new ComputeOptions(threads);
        var rng = new Rng(8);
        foreach (var shape in shapes)
        {
            Action<int> setVariant; Func<float[]> run; double flop;
            if (shape == "lstm")
            {
                const int steps = 200, rows = 64, inDim = 128, units = 64;
                int n = steps * rows, g4 = 4 * units;
                var xt = RandomFloats(rng, n * inDim); var h = RandomFloats(rng, n * units); var dz = RandomFloats(rng, n * g4);
                var dw = new float[inDim * g4]; var du = new float[units * g4]; var db = new float[g4];
                setVariant = v => LstmGemm.GradientVariant = v;
                run = () =>
                {
                    Array.Clear(dw); Array.Clear(du); Array.Clear(db);
                    LstmGemm.Gradients(xt, inDim, h, units, rows, false, dz, g4, n, dw, du, db, opts);
                    return [.. dw, .. du, .. db];
                };
                flop = 2.0 * n * g4 * inDim + 2.0 * (n - rows) * g4 * units + (double)n * g4;
            }
            else
            {
                bool direct = shape.StartsWith("p:");
                bool at = shape.EndsWith('t');
                var d = shape.Replace("p:", "").TrimEnd('t').Split('x').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                int m = d[0], k = d[1], n = d[2], aRow = at ? 1 : k, aCol = at ? m : 1;
                var a = RandomFloats(rng, m * k); var b = RandomFloats(rng, k * n); var c = new float[m * n];
                setVariant = v => PanelGemm.Variant = v;
                run = direct ? () => { PanelGemm.Multiply(a, aRow, aCol, b, n, c, n, m, k, n, false, opts); return c; }
                    : () => { Gemm.Multiply<float>(a, aRow, aCol, b, n, c, n, m, k, n, false, opts); return c; };
                flop = 2.0 * m * k * n;
            }
            setVariant(0); var old = (float[])run().Clone();
            setVariant(1); bool same = run().AsSpan().SequenceEqual(old);
            int reps = (int)Math.Max(1, gflop * 1e9 / flop);
            var best = new[] { double.MaxValue, double.MaxValue };
            for (int round = 0; round < rounds; round++)
                for (int v = 0; v < 2; v++)
                {
                    int variant = round % 2 == 0 ? v : 1 - v;
                    setVariant(variant);
                    double t0 = threads == 1 ? ThreadCpuSeconds() : 0;
                    var sw = Clock.StartNew();
                    for (int r = 0; r < reps; r++) run();
                    double cpu = threads == 1 ? ThreadCpuSeconds() - t0 : sw.Cpu;
                    best[variant] = Math.Min(best[variant], cpu);
                }
            setVariant(1);
            double rate(int v) => flop * reps / best[v] / 1e9;
            notes.Add(Inv($"{shape}: old {rate(0):F1} ({rate(0) * 1e9 / peak:P0}) new {rate(1):F1} ({rate(1) * 1e9 / peak:P0}) = {best[0] / best[1]:F2}x{(same ? "" : " BITS DIFFER")}"));
        }
        return new BenchResult(0, "s", string.Join("; ", notes));
    }

    private static float[] RandomFloats(Rng rng, int length)
    {
        var a = new float[length];
        for (int i = 0; i < length; i++) a[i] = rng.NextFloat() - 0.5f;
        return a;
    }
}
