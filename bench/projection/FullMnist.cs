using System.Diagnostics;
using System.Globalization;
using NnViz.Engine;
using NnViz.Projection.Linear;
using NnViz.Projection.Neighbors;
using NnViz.Projection.Tsne;

namespace Bench.Projection;

/// <summary>The full MNIST (60,000 train + 10,000 test images): PCA-50 (randomized solver), the approximate kNN
/// (k = 90, t-SNE's 3 x perplexity) with recall@90 on a fixed sample of queries searched exactly, and a t-SNE of all
/// 70,000 points. Wall and process CPU seconds (all threads) per step.</summary>
public static class FullMnist
{
    public static void Run(string folder, bool tsne)
    {
        var (train, ntr, d) = FashionMnist.ReadImages(Path.Combine(folder, "train-images-idx3-ubyte.gz"));
        var (test, nte, _) = FashionMnist.ReadImages(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"));
        int n = ntr + nte;
        var x = new double[n * d];
        train.CopyTo(x, 0); test.CopyTo(x, train.Length);
        var (pca, ps, pc) = Time(() => Pca.Fit(x, n, d, new PcaOptions(50)));
        Report($"pca {n}x{d}->50 ({Pca.Choose(n, d, 50)}): {ps:F2}s wall, {pc:F2}s cpu");
        var x50 = pca.Coordinates;
        const int k = 90;
        var (knn, ks, kc) = Time(() => ApproximateKnn.Search(x50, n, 50, k, new Rng(1).Fork("tsne/knn")));
        Report($"approximate knn k={k}: {ks:F2}s wall, {kc:F2}s cpu; recall@{k} on 2,000 sampled queries {SampledRecall(x50, n, knn, 2000):F4}");
        if (!tsne) return;
        var (t, ts, tc) = Time(() => Tsne.Fit(x50, n, 50, new TsneOptions(), new Rng(1)));
        Report($"tsne {n} points (approximate knn, FFT grid while compact then Barnes-Hut, {t.Iterations} iterations): {ts:F1}s wall, {tc:F1}s cpu, KL {t.KlDivergence:F4}");
    }

    /// <summary>recall@k of the graph for every (n/queries)-th point, its exact neighbours found by brute force.</summary>
    private static double SampledRecall(double[] x, int n, KnnGraph g, int queries)
    {
        int k = g.K, step = n / queries;
        long hits = 0, total = 0;
        Parallel.For(0, queries, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => 0L, (q, _, local) =>
        {
            int i = q * step;
            var bd = new double[k + 1];
            var all = new (double, int)[n - 1];
            int c = 0;
            for (int j = 0; j < n; j++)
                if (j != i) all[c++] = (Distances.SquaredEuclidean(x.AsSpan(i * 50, 50), x.AsSpan(j * 50, 50)), j);
            Array.Sort(all);
            var mine = new HashSet<int>(g.Indices.AsSpan(i * k, k).ToArray());
            for (int t = 0; t < k; t++) if (mine.Contains(all[t].Item2)) local++;
            return local;
        }, local => Interlocked.Add(ref hits, local));
        total = (long)queries * k;
        return hits / (double)total;
    }

    private static (T, double, double) Time<T>(Func<T> f)
    {
        var p = Process.GetCurrentProcess();
        var cpu0 = p.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var r = f();
        p.Refresh();
        return (r, sw.Elapsed.TotalSeconds, (p.TotalProcessorTime - cpu0).TotalSeconds);
    }

    private static void Report(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
