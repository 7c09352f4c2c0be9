using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using NnViz.Engine;
using NnViz.Projection.Linear;
using NnViz.Projection.Neighbors;
using NnViz.Projection.Tsne;

namespace Bench.Projection;

/// <summary>
/// t-SNE of the full MNIST (70,000 points, PCA-50) step by step, each step's result cached in TSNE70K_CACHE (default
/// /tmp/nnviz-tsne70k) so the expensive ones run once: `TSNE70K=prep` (PCA-50, approximate and exact kNN k = 90, recall),
/// `TSNE70K=approx` / `exact` (t-SNE on that graph with a per-phase profile; the layout is saved),
/// `TSNE70K=trust` (sampled trustworthiness of both saved layouts, see <see cref="SampledTrust"/>).
/// FULL_MNIST names the folder with the MNIST idx files. Wall and process CPU seconds (all threads) per step.
/// </summary>
public static class Tsne70k
{
    private static readonly string Cache = Environment.GetEnvironmentVariable("TSNE70K_CACHE") ?? "/tmp/nnviz-tsne70k";
    private const int K = 90;

    public static void Run(string mode, string folder)
    {
        Directory.CreateDirectory(Cache);
        var (x50, n) = X50(folder);
        switch (mode)
        {
            case "prep":
                var approx = Graph("approx", x50, n);
                var exact = Graph("exact", x50, n);
                Report($"recall@{K} approximate vs exact, all {n} points: {ApproximateKnn.Recall(approx, exact):F4}");
                break;
            case "approx" or "exact":
                Layout(mode, x50, n, Graph(mode, x50, n));
                break;
            case "trust":
                // Every saved layout against the exact-kNN one, on the same 5,000 sampled points.
                var names = new[] { "exact" }.Concat(Directory.GetFiles(Cache, "layout-*.bin").Select(f => Path.GetFileNameWithoutExtension(f)[7..])
                    .Where(s => s != "exact").Order()).ToArray();
                var layouts = names.Select(s => Load(Path.Combine(Cache, $"layout-{s}.bin"))).ToArray();
                var scores = SampledTrust.Compare(x50, n, 50, layouts, 10, 5000);
                for (int l = 0; l < names.Length; l++)
                    Report($"trustworthiness k=10, 5,000 sampled points vs all {n}: {names[l]} {scores[l].T:F5}, minus exact {scores[l].Diff:F5} (paired standard error {scores[l].PairedSe:F5})");
                break;
            case "trustcheck":
                // The sampled estimator with every point sampled equals NeighborhoodQuality's trustworthiness.
                var sub = Load(Path.Combine(Cache, "layout-approx.bin"))[..6000];
                double full = NnViz.Projection.Quality.NeighborhoodQuality.Compute(x50[..150_000], 3000, 50, sub, 2, 10).Trustworthiness;
                Report($"first 3,000 points: NeighborhoodQuality {full:R}, SampledTrust {SampledTrust.Compare(x50[..150_000], 3000, 50, [sub], 10, 3000)[0].T:R}");
                break;
            case "fftspeed":
                foreach (int m in new[] { 512, 1024 })
                {
                    var f = new NnViz.Projection.Tsne.Fft.Fft2D(m);
                    var (re, im) = (new double[m * f.Stride], new double[m * f.Stride]);
                    int used = m / 2 - 8;
                    for (int i = 0; i < re.Length; i++) re[i] = i % 7;
                    f.Forward(re, im, used);
                    var (_, fs, fc) = Time(() => { for (int r = 0; r < 10; r++) f.Forward(re, im, used); return 0; });
                    var (_, ts, tc) = Time(() => { for (int r = 0; r < 10; r++) f.Inverse(re, im, used); return 0; });
                    Report($"M {m}, used {used}: forward {fs / 10:F4}s wall {fc / 10:F4}s cpu; inverse {ts / 10:F4}s wall {tc / 10:F4}s cpu");
                }
                return;
            case "fftcheck":
                FftCheck(Load(Path.Combine(Cache, "layout-approx-bh.bin")), n);
                break;
            default: throw new ArgumentException($"TSNE70K: expected prep, approx, exact or trust, received '{mode}'");
        }
    }

    private static (double[] X, int N) X50(string folder)
    {
        string path = Path.Combine(Cache, "x50.bin");
        if (File.Exists(path)) { var c = Load(path); return (c, c.Length / 50); }
        var (train, ntr, d) = FashionMnist.ReadImages(Path.Combine(folder, "train-images-idx3-ubyte.gz"));
        var (test, nte, _) = FashionMnist.ReadImages(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"));
        int n = ntr + nte;
        var x = new double[n * d];
        train.CopyTo(x, 0); test.CopyTo(x, train.Length);
        var (pca, s, c2) = Time(() => Pca.Fit(x, n, d, new PcaOptions(50)));
        Report($"pca {n}x{d}->50: {s:F2}s wall, {c2:F2}s cpu");
        Save(path, pca.Coordinates);
        return (pca.Coordinates, n);
    }

    private static KnnGraph Graph(string kind, double[] x50, int n)
    {
        string path = Path.Combine(Cache, $"knn-{kind}.bin");
        if (File.Exists(path))
        {
            var raw = Load(path);
            var idx = new int[n * K];
            for (int i = 0; i < idx.Length; i++) idx[i] = (int)raw[i];
            return new KnnGraph(n, K, idx, raw[(n * K)..]);
        }
        // The same stream Tsne.Prepare hands to NearestNeighbors.Search for new Rng(1).
        var (g, s, c) = Time(() => kind == "exact" ? ExactKnn.Search(x50, n, 50, K) : NearestNeighbors.Search(x50, n, 50, K, new Rng(1).Fork("tsne/knn")));
        Report($"{kind} knn k={K}: {s:F2}s wall, {c:F2}s cpu");
        var all = new double[2 * n * K];
        for (int i = 0; i < n * K; i++) all[i] = g.Indices[i];
        g.Distances.CopyTo(all, n * K);
        Save(path, all);
        return g;
    }

    /// <summary>Tsne.Fit's steps with the given graph (bit-identical to Fit for the approximate graph), timed per phase.</summary>
    private static void Layout(string kind, double[] x50, int n, KnnGraph g)
    {
        var o = new TsneOptions();
        var (p, ps, pc) = Time(() => Affinities.FromNeighbors(g, o.Perplexity));
        Report($"affinities: {ps:F2}s wall, {pc:F2}s cpu, {p.Cols.Length} nonzeros");
        // TSNE70K_FFTBOX: the FFT grid's largest box width (0: Barnes-Hut throughout), TSNE70K_NAME: the layout's name.
        double box = double.Parse(Environment.GetEnvironmentVariable("TSNE70K_FFTBOX") ?? "1", CultureInfo.InvariantCulture);
        string name = Environment.GetEnvironmentVariable("TSNE70K_NAME") ?? kind;
        var grad = new BarnesHutGradient(p, 2, o.Theta, box);
        var opt = new TsneOptimizer(grad, Tsne.InitialLayout(x50, n, 50, o, new Rng(1)), n, 2, Math.Max(n / 12.0, 200.0));
        var (_, gs, gc) = Time(() =>
        {
            for (int it = 0; it < o.Iterations; it++)
            {
                bool early = it < o.EarlyIterations;
                opt.ComputeGradient(early ? o.EarlyExaggeration : 1.0);
                opt.Step(early ? o.InitialMomentum : o.FinalMomentum);
                if (it % 250 == 249 || it == 50) PhaseProfile(it, opt.Y, n, p, o.Theta);
            }
            return 0;
        });
        double kl = grad.KlDivergence(opt.Y);
        Report($"optimisation {o.Iterations} iterations ({kind} knn, fft box {box}, {grad.FftCalls} gradients by fft): {gs:F1}s wall, {gc:F1}s cpu, KL {kl:F4}, layout sha {Sha(opt.Y)}");
        Save(Path.Combine(Cache, $"layout-{name}.bin"), opt.Y);
    }

    /// <summary>One gradient's parts on the current layout, each repeated 3 times: tree build, grouped repulsion
    /// (build included), whole gradient.</summary>
    private static void PhaseProfile(int it, double[] y, int n, SparseP p, double theta)
    {
        var tree = new QuadTree();
        var rep = new double[2 * n]; var z = new double[n]; var grad = new double[2 * n];
        var g = new GroupedRepulsion(n, theta);
        var bh = new BarnesHutGradient(p, 2, theta, double.Parse(Environment.GetEnvironmentVariable("TSNE70K_FFTBOX") ?? "1", CultureInfo.InvariantCulture));
        var (_, bs, bc) = Time(() => { for (int r = 0; r < 3; r++) tree.Build(y, n); return 0; });
        var (_, rs, rc) = Time(() => { for (int r = 0; r < 3; r++) g.Compute(y, rep, z); return 0; });
        var (_, ts, tc) = Time(() => { for (int r = 0; r < 3; r++) bh.Compute(y, 1, grad); return 0; });
        Report($"  iteration {it + 1}: range {y.Max() - y.Min():F1}, per gradient cpu s: tree build {bc / 3:F4} ({tree.GroupCount} groups), repulsion incl. build {rc / 3:F4}, whole gradient {tc / 3:F4} (wall {ts / 3:F4}, {bh.FftCalls} of 3 by fft)");
    }

    /// <summary>FFT-interpolated against Barnes-Hut (double sums) repulsion on a saved layout and on it shrunk 8x
    /// (an early-exaggeration extent): relative errors of Z and of the forces, CPU seconds per call (3 calls each).</summary>
    private static void FftCheck(double[] y, int n)
    {
        foreach (double shrink in new[] { 1.0, 8.0 })
        {
            var ys = y.Select(v => v / shrink).ToArray();
            var (rb, zb) = (new double[2 * n], new double[n]);
            var (rf, zf) = (new double[2 * n], new double[n]);
            var bh = new GroupedRepulsion(n, 0.5, false);
            var fft = new NnViz.Projection.Tsne.Fft.FftRepulsion(n);
            var (_, _, bc) = Time(() => { for (int r = 0; r < 3; r++) bh.Compute(ys, rb, zb); return 0; });
            var (_, fs, fc) = Time(() => { for (int r = 0; r < 3; r++) fft.Compute(ys, rf, zf); return 0; });
            double z1 = zb.Sum(), z2 = zf.Sum(), err = 0, norm = 0;
            for (int i = 0; i < 2 * n; i++) { err += (rb[i] / z1 - rf[i] / z2) * (rb[i] / z1 - rf[i] / z2); norm += rb[i] / z1 * (rb[i] / z1); }
            Report($"extent /{shrink}: Z bh {z1:E6} fft {z2:E6} (rel {(z2 - z1) / z1:E2}); force/Z rel rms diff {Math.Sqrt(err / norm):E2}; cpu s per call bh {bc / 3:F4} fft {fc / 3:F4} (wall {fs / 3:F4}, M {fft.LastFftSize}); fft wall s: {string.Join(" ", fft.PhaseSeconds.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))}");
        }
    }

    internal static (T, double, double) Time<T>(Func<T> f)
    {
        var proc = Process.GetCurrentProcess();
        var cpu0 = proc.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var r = f();
        proc.Refresh();
        return (r, sw.Elapsed.TotalSeconds, (proc.TotalProcessorTime - cpu0).TotalSeconds);
    }

    private static string Sha(double[] v) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(MemoryMarshal.AsBytes(v.AsSpan())))[..16];

    private static void Save(string path, double[] v) => File.WriteAllBytes(path, MemoryMarshal.AsBytes(v.AsSpan()).ToArray());

    private static double[] Load(string path) => MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(path)).ToArray();

    private static void Report(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
