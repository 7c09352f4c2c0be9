using System.Diagnostics;
using System.Globalization;
using NnViz.Engine;
using NnViz.Projection.Linear;
using NnViz.Projection.Manifold;
using NnViz.Projection.Neighbors;

namespace Bench.Projection;

/// <summary>
/// Isomap's steps timed one by one in this process (ISOMAP_STEPS=n on the bench binary, ISOMAP_RAW=x50.raw from
/// sklearn_isomap.py): the kNN search, the graph, the shortest paths, the double centring and the eigen-solver, each
/// on its first call (JIT included) and again warm, in CPU seconds of the whole process; then the coordinates' hash.
/// </summary>
internal static class IsomapSteps
{
    /// <summary>The first Isomap.Fit of a fresh process (ISOMAP_COLD=n): as a short nnviz run pays it, JIT included.</summary>
    public static void Cold(double[] x50, int n)
    {
        var t = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var r = Isomap.Fit(x50[..(n * 50)], n, 50, new IsomapOptions(2, 5), new Rng(1));
        double wall = sw.Elapsed.TotalSeconds;
        var proc = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"isomap n={n} first fit wall {wall:F3}s cpu {(proc.TotalProcessorTime - t).TotalSeconds:F3}s; process cpu {proc.TotalProcessorTime.TotalSeconds:F3}s; sha256 {Hash(r.Coordinates)}"));
    }

    private static string Hash(double[] v) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.AsSpan())))[..16];

    public static void Run(double[] x50, int n)
    {
        var x = x50[..(n * 50)];
        for (int pass = 0; pass < 2; pass++)
        {
            var knn = Step("knn", () => NearestNeighbors.Search(x, n, 50, 5, new Rng(1).Fork("isomap/knn")));
            var graph = Step("graph", () => NeighborhoodGraph.Build(x, n, 50, knn, out _));
            var geo = Step("paths", () => ShortestPaths.AllPairs(graph));
            var b = Step("centre", () => Isomap.DoubleCentre(geo, n, out _));
            int products = 0;
            var eig = Step("eigen", () => SubspaceIteration.Largest(n, 2, (v, w, p) => { products++; Isomap.MultiplyDense(b, n, v, w, p); },
                new Rng(1).Fork("isomap/eigen")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  eigen: {products} products B V, values {eig.Values[0]:R} {eig.Values[1]:R}"));
        }
        if (Environment.GetEnvironmentVariable("PATHS_QUANTILES") is { Length: > 0 } qs) SweepWidths(x, n, qs);
        var t = Process.GetCurrentProcess().TotalProcessorTime;
        var r = Isomap.Fit(x, n, 50, new IsomapOptions(2, 5), new Rng(1));
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - t).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"isomap n={n} warm fit cpu {cpu:F3}s sha256 {Hash(r.Coordinates)}"));
    }

    /// <summary>The shortest paths with each bucket width (PATHS_QUANTILES=0,0.1,...), best CPU of 3, same bits checked.</summary>
    private static void SweepWidths(double[] x, int n, string quantiles)
    {
        var graph = NeighborhoodGraph.Build(x, n, 50, NearestNeighbors.Search(x, n, 50, 5, new Rng(1)), out _);
        var reference = ShortestPaths.AllPairs(graph);
        foreach (var q in quantiles.Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)))
        {
            double best = double.PositiveInfinity;
            bool same = true;
            for (int rep = 0; rep < 3; rep++)
            {
                var proc = Process.GetCurrentProcess();
                var cpu = proc.TotalProcessorTime;
                var d = ShortestPaths.AllPairs(graph, q);
                proc.Refresh();
                best = Math.Min(best, (proc.TotalProcessorTime - cpu).TotalSeconds);
                same &= d.AsSpan().SequenceEqual(reference);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  paths width quantile {q}: best cpu {best:F3}s, same bits {same}"));
        }
    }

    private static T Step<T>(string name, Func<T> f)
    {
        var proc = Process.GetCurrentProcess();
        var cpu = proc.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var r = f();
        proc.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-7} wall {sw.Elapsed.TotalSeconds:F3}s cpu {(proc.TotalProcessorTime - cpu).TotalSeconds:F3}s"));
        return r;
    }
}
