using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bench.Projection;
using NnViz.Engine;
using NnViz.Projection;
using NnViz.Projection.Linear;
using NnViz.Projection.Manifold;
using NnViz.Projection.Quality;
using NnViz.Projection.Tsne;
using NnViz.Projection.Umap;

// NnViz.Projection on Fashion-MNIST test images, the same tasks as sklearn_reference.py.
// Usage: Bench.Projection [output.jsonl] [tsne sizes...]
string outPath = args.Length > 0 ? args[0] : "bench/out/nnviz.jsonl";
int[] tsneSizes = args.Length > 1 ? args[1..].Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [1000, 5000, 10000];
string dataDir = Environment.GetEnvironmentVariable("FASHION_MNIST") ?? "/usr/share/datasets/fashion-mnist";
var (x, n, d) = FashionMnist.ReadImages(Path.Combine(dataDir, "t10k-images-idx3-ubyte.gz"));
if (Environment.GetEnvironmentVariable("ISOMAP_RAW") is { Length: > 0 } raw)
{
    // Isomap timing on sklearn's own PCA-50 output (raw float64 written by numpy's tofile), best of 5 runs.
    var bytes = File.ReadAllBytes(raw);
    var x50r = new double[bytes.Length / 8];
    Buffer.BlockCopy(bytes, 0, x50r, 0, bytes.Length);
    if (Environment.GetEnvironmentVariable("ISOMAP_COLD") is { Length: > 0 } coldN)
    {
        IsomapSteps.Cold(x50r, int.Parse(coldN, CultureInfo.InvariantCulture));
        return;
    }
    if (Environment.GetEnvironmentVariable("ISOMAP_STEPS") is { Length: > 0 } steps)
    {
        IsomapSteps.Run(x50r, int.Parse(steps, CultureInfo.InvariantCulture));
        return;
    }
    foreach (int m in new[] { 500, 2000 })
    {
        double best = double.PositiveInfinity, bestCpu = 0;
        for (int rep = 0; rep < 5; rep++)
        {
            var t = Time(() => Isomap.Fit(x50r[..(m * 50)], m, 50, new IsomapOptions(2, 5), new Rng(1)));
            if (t.Seconds < best) { best = t.Seconds; bestCpu = t.CpuSeconds; }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nnviz isomap n={m} best wall {best:F4}s cpu {bestCpu:F4}s"));
    }
    return;
}
if (Environment.GetEnvironmentVariable("COLD_ISOMAP") is { Length: > 0 } cold)
{
    // A fresh process's first Isomap (JIT warm-up included, as a short nnviz run pays it): PCA-50 of the first
    // COLD_ISOMAP images, then Isomap (k 5), each timed on its first call; compare runtime settings (tiered compilation,
    // PGO, quick JIT for loops) by environment variables. Prints the coordinates' hash: the settings must not change bits.
    int m = int.Parse(cold, CultureInfo.InvariantCulture);
    var head = DataMatrix.Rows(x, d, Enumerable.Range(0, m).ToArray());
    var p50 = Time(() => Pca.Fit(head, m, d, new PcaOptions(50)).Coordinates);
    var iso = Time(() => Isomap.Fit(p50.Result, m, 50, new IsomapOptions(2, 5), new Rng(1)).Coordinates);
    string h = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(iso.Result.AsSpan())))[..16];
    var me = Process.GetCurrentProcess();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"cold n={m}: pca wall {p50.Seconds:F3}s cpu {p50.CpuSeconds:F3}s; isomap wall {iso.Seconds:F3}s cpu {iso.CpuSeconds:F3}s; process cpu {me.TotalProcessorTime.TotalSeconds:F3}s; sha256 {h}"));
    return;
}
if (Environment.GetEnvironmentVariable("HASH") is "large")
{
    // The large-layout t-SNE kernels (approximate kNN, single-precision repulsion, tree build beside the attraction):
    // 24,000 points of 10-D, 40 iterations; compare the hash across DOTNET_PROCESSOR_COUNT=1 / 2 and DOTNET_EnableAVX512=0.
    var lr = new Rng(8);
    int ln = 24_000, ld = 10;
    var lx = new double[ln * ld];
    for (int i = 0; i < lx.Length; i++) lx[i] = lr.NextGaussian() + 4 * ((i / ld) % 7);
    var lt = Tsne.Fit(lx, ln, ld, new TsneOptions { Iterations = 40, EarlyIterations = 20 }, new Rng(1));
    Console.WriteLine($"cpus {Environment.ProcessorCount} avx512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}: tsne 24k {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(lt.Coordinates.AsSpan())))[..16]} KL {lt.KlDivergence:R}");
    return;
}
if (Environment.GetEnvironmentVariable("HASH") is "1")
{
    // Determinism check: run with DOTNET_PROCESSOR_COUNT=1 / 2 and DOTNET_EnableAVX512=0 and compare the hashes.
    var hr = new Rng(7);
    int hn = 1500, hd = 10;
    var hx = new double[hn * hd];
    for (int i = 0; i < hx.Length; i++) hx[i] = hr.NextGaussian() + 4 * ((i / hd) % 3);
    string Hash(double[] v) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.AsSpan())))[..16];
    var tsne = Tsne.Fit(hx, hn, hd, new TsneOptions { Iterations = 200 }, new Rng(1)).Coordinates;
    var umap = Umap.Fit(hx, hn, hd, new UmapOptions { Epochs = 50 }, new Rng(1)).Coordinates;
    var iso = Isomap.Fit(hx[..(500 * hd)], 500, hd, null, new Rng(1)).Coordinates;
    var pcaH = Pca.Fit(hx, hn, hd).Coordinates;
    var trust = NeighborhoodQuality.Compute(hx, hn, hd, tsne, 2).Trustworthiness;
    Console.WriteLine($"cpus {Environment.ProcessorCount} avx512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}: tsne {Hash(tsne)} umap {Hash(umap)} isomap {Hash(iso)} pca {Hash(pcaH)} trust {trust:R}");
    return;
}
if (Environment.GetEnvironmentVariable("DRIFT") is "1")
{
    // Stability of every strategy on the drift test's data (n 250, 20-D, 4 frames, t-SNE 500 iterations).
    var frames = Drift.Make(new Rng(40), 250, 20, 4);
    foreach (var method in new[] { NnViz.Projection.Sequences.SequenceMethod.Tsne, NnViz.Projection.Sequences.SequenceMethod.Umap, NnViz.Projection.Sequences.SequenceMethod.Pca })
    foreach (var strategy in Enum.GetValues<NnViz.Projection.Sequences.SequenceStrategy>())
    foreach (bool? align in new bool?[] { false, true })
    {
        var r = NnViz.Projection.Sequences.SequenceProjector.Project(frames, 250, 20,
            new() { Method = method, Strategy = strategy, Align = align, Tsne = new() { Iterations = 500 } }, new Rng(1));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {method} | {strategy} | {align} | {r.Stability.MovementCorrelation:F3} | {r.Stability.MeanDisplacement:F3} | {r.Quality!.Average(q => q.Trustworthiness):F3} |"));
    }
    return;
}
if (Environment.GetEnvironmentVariable("TSNE70K") is { Length: > 0 } mode70k)
{
    // TSNE70K=prep|approx|exact|trust FULL_MNIST=<folder>: the full-MNIST t-SNE step by step (see Tsne70k).
    Tsne70k.Run(mode70k, Environment.GetEnvironmentVariable("FULL_MNIST") ?? "/work/shared/data/mnist");
    return;
}
if (Environment.GetEnvironmentVariable("FULL_MNIST") is { Length: > 0 } full)
{
    // FULL_MNIST=<folder with the four MNIST idx files> [FULL_MNIST_TSNE=1]
    FullMnist.Run(full, Environment.GetEnvironmentVariable("FULL_MNIST_TSNE") is "1");
    return;
}
if (Environment.GetEnvironmentVariable("PROFILE_PCA") is "randomized")
{
    // The randomized solver alone, twice in one process (the first with JIT): CPU seconds and the bits of both runs.
    var (r, s, c) = Time(() => Pca.Fit(x, n, d, new PcaOptions(50, PcaSolver.Randomized)));
    var (r2, s2, c2) = Time(() => Pca.Fit(x, n, d, new PcaOptions(50, PcaSolver.Randomized)));
    var sha = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(r.Coordinates.AsSpan())))[..16];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"pca randomized {s:F2}s cpu {c:F2}s; second run {s2:F2}s cpu {c2:F2}s; coordinates sha256 {sha}; same bits twice {r.Coordinates.AsSpan().SequenceEqual(r2.Coordinates)}"));
    return;
}
if (Environment.GetEnvironmentVariable("PROFILE_PCA") is "1")
{
    // Exact vs randomized 10k x 784 -> 50 (each first in a fresh process: JIT included), and the randomized one's quality.
    var (r, s, c) = Time(() => Pca.Fit(x, n, d, new PcaOptions(50, PcaSolver.Randomized)));
    var (e, es, ec) = Time(() => Pca.Fit(x, n, d, new PcaOptions(50, PcaSolver.Exact)));
    var (r2, s2, c2) = Time(() => Pca.Fit(x, n, d, new PcaOptions(50, PcaSolver.Randomized)));
    double angle = RandomizedPca.SubspaceAngle(r.Loadings, e.Loadings, 50, d);
    double worst = Enumerable.Range(0, 50).Max(i => Math.Abs(r.ExplainedVariance[i] / e.ExplainedVariance[i] - 1));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"pca randomized {s:F2}s cpu {c:F2}s (second run {s2:F2}s cpu {c2:F2}s); exact {es:F2}s cpu {ec:F2}s; explained variance ratio sum randomized {r.ExplainedVarianceRatio.Sum():F6} exact {e.ExplainedVarianceRatio.Sum():F6}; worst per-axis variance error {worst:E2}; largest subspace angle {angle:E2} rad; same bits twice {r.Coordinates.AsSpan().SequenceEqual(r2.Coordinates)}"));
    return;
}
if (Environment.GetEnvironmentVariable("PROFILE_UMAP") is "1")
{
    double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    var px = DataMatrix.Rows(x, d, Enumerable.Range(0, n).ToArray()).Chunk(d).SelectMany(r => r[300..350]).ToArray(); // 50 central pixels: same cost as PCA-50 input
    double c0 = Cpu();
    var knn = NnViz.Projection.Neighbors.ExactKnn.Search(px, n, 50, 14);
    double c1 = Cpu();
    var graph = FuzzySimplicialSet.Build(knn);
    double c2 = Cpu();
    var uo = new UmapOptions { Epochs = 100 };
    var layout = Umap.Prepare(graph, uo, new Rng(1), out _, out _, out _);
    double c3 = Cpu();
    for (int e = 0; e < 100; e++) layout.Epoch(e);
    double c4 = Cpu();
    double wsum = graph.Weights.Sum(), wmax = graph.Weights.Max();
    Console.WriteLine($"knn {c1 - c0:F2} graph {c2 - c1:F2} init {c3 - c2:F2} sgd/100 epochs {c4 - c3:F2}; edges {graph.Heads.Length}, positive samples per epoch {wsum / wmax:F0}");
    return;
}
using var output = new StreamWriter(outPath);

void Emit(Dictionary<string, object> row)
{
    string line = JsonSerializer.Serialize(row);
    Console.WriteLine(line);
    output.WriteLine(line);
    output.Flush();
}

(T Result, double Seconds, double CpuSeconds) Time<T>(Func<T> f)
{
    var proc = Process.GetCurrentProcess();
    var cpu = proc.TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    var r = f();
    double s = sw.Elapsed.TotalSeconds;
    proc.Refresh();
    return (r, s, (proc.TotalProcessorTime - cpu).TotalSeconds);
}

// Warm the JIT on a small input so the timings below measure the algorithms, not compilation.
var warm = DataMatrix.Rows(x, d, Enumerable.Range(0, 300).ToArray());
var warm50 = Pca.Fit(warm, 300, d, new PcaOptions(50)).Coordinates;
Tsne.Fit(warm50, 300, 50, new TsneOptions { Method = TsneMethod.BarnesHut, Iterations = 50 }, new Rng(9));
Isomap.Fit(warm50, 300, 50, null, new Rng(9));
Umap.Fit(warm50, 300, 50, new UmapOptions { Epochs = 20 }, new Rng(9));
NeighborhoodQuality.Compute(warm50, 300, 50, warm50[..600], 2);

var pca = Time(() => Pca.Fit(x, n, d, new PcaOptions(50)));
Emit(new() { ["tool"] = "nnviz", ["task"] = "pca", ["n"] = n, ["d"] = d, ["seconds"] = pca.Seconds, ["cpu_seconds"] = pca.CpuSeconds });
var x50 = pca.Result.Coordinates;
double[] Head(int m) => x50[..(m * 50)];

foreach (int m in new[] { 500, 2000 })
{
    var iso = Time(() => Isomap.Fit(Head(m), m, 50, new IsomapOptions(2, 5), new Rng(1)));
    var q = NeighborhoodQuality.Compute(Head(m), m, 50, iso.Result.Coordinates, 2);
    Emit(new() { ["tool"] = "nnviz", ["task"] = "isomap", ["n"] = m, ["seconds"] = iso.Seconds, ["cpu_seconds"] = iso.CpuSeconds, ["trustworthiness"] = q.Trustworthiness });
}
foreach (int m in tsneSizes)
{
    var ts = Time(() => Tsne.Fit(Head(m), m, 50, new TsneOptions(), new Rng(1)));
    var q = Time(() => NeighborhoodQuality.Compute(Head(m), m, 50, ts.Result.Coordinates, 2));
    Emit(new() { ["tool"] = "nnviz", ["task"] = "tsne", ["n"] = m, ["seconds"] = ts.Seconds, ["cpu_seconds"] = ts.CpuSeconds,
        ["trustworthiness"] = q.Result.Trustworthiness, ["trust_seconds"] = q.Seconds, ["method"] = ts.Result.Method.ToString(), ["kl"] = ts.Result.KlDivergence });
}
{
    int m = Math.Min(10_000, n);
    var um = Time(() => Umap.Fit(Head(m), m, 50, new UmapOptions(), new Rng(1)));
    var q = NeighborhoodQuality.Compute(Head(m), m, 50, um.Result.Coordinates, 2);
    Emit(new() { ["tool"] = "nnviz", ["task"] = "umap", ["n"] = m, ["seconds"] = um.Seconds, ["cpu_seconds"] = um.CpuSeconds, ["trustworthiness"] = q.Trustworthiness });
}
