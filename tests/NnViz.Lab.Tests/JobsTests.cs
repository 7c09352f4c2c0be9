using NnViz.Lab.Runs;

namespace NnViz.Lab.Tests;

/// <summary>
/// `nnviz run --jobs N`: the units of a run (experiment x seed) run concurrently and every published file has the
/// bytes of `--jobs 1` (only provenance.json, which holds times, differs); the pool under it runs items at once, stops
/// starting new ones after a failure and rethrows the first failure in spec order; kernels get cores / jobs threads.
/// </summary>
public class JobsTests
{
    private static string[] Args(string outDir, string store, int jobs) =>
        ["run", Lab.Experiments, "--profile", "ci", "--seeds", "2", "--configs", Lab.Configs, "--jobs", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--out", outDir, "--store", store];

    [Fact]
    public void TheCiCatalogueWithTwoSeedsHasTheSameBytesAtOneAndTwoJobs()
    {
        string dir = Lab.TempDir("jobs");
        string one = Path.Combine(dir, "one"), two = Path.Combine(dir, "two"), twoStore = Path.Combine(dir, "two-store");
        var (exit1, out1, err1) = Cli.Run(Args(one, Path.Combine(dir, "one-store"), 1), dir, timeoutSeconds: 3600);
        Assert.True(exit1 == 0, out1 + err1);
        var (exit2, out2, err2) = Cli.Run(Args(two, twoStore, 2), dir, timeoutSeconds: 3600);
        Assert.True(exit2 == 0, out2 + err2);

        var specs = Directory.GetFiles(Lab.Experiments, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).ToList();
        Assert.Equal(12, specs.Count);
        var reference = Lab.Hashes(one);
        Assert.Contains("index.html", reference.Keys);
        Assert.All(specs, s => Assert.Contains($"{s}/metrics-by-seed.json", reference.Keys));
        Assert.All(specs, s => Assert.Contains($"{s}/summary.json", reference.Keys));
        // Every published file (figures, arrays, frames, pages, the index) but provenance, which holds times.
        Assert.Equal(reference, Lab.Hashes(two));

        // A second concurrent run reuses every assembled entry (no store entry is written again) and publishes the same bytes.
        var manifests = Directory.GetFiles(twoStore, "complete", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Assert.Equal(specs.Count * 3, manifests.Count);   // two seeds' units and the assembled entry per experiment
        string again = Path.Combine(dir, "again");
        var (exit3, out3, err3) = Cli.Run(Args(again, twoStore, 2), dir, timeoutSeconds: 1200);
        Assert.True(exit3 == 0, out3 + err3);
        Assert.Equal(manifests, Directory.GetFiles(twoStore, "complete", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc));
        Assert.Equal(reference, Lab.Hashes(again));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void ThePoolRunsItemsAtOnceWithCoresPerJobKernelThreads()
    {
        using var together = new Barrier(2);
        var threads = new System.Collections.Concurrent.ConcurrentBag<int>();
        var met = new System.Collections.Concurrent.ConcurrentBag<bool>();
        JobPool.Run([1, 2], 2, i => i, _ =>
        {
            threads.Add(NnViz.Engine.ComputeOptions.Default.MaxThreads);
            met.Add(together.SignalAndWait(TimeSpan.FromMinutes(2)));   // both items must be running at the same time
        });
        Assert.Equal(2, met.Count);
        Assert.All(met, Assert.True);
        Assert.All(threads, t => Assert.Equal(Math.Max(1, Environment.ProcessorCount / 2), t));
        Assert.Equal(Environment.ProcessorCount, NnViz.Engine.ComputeOptions.Default.MaxThreads);   // restored afterwards
    }

    [Fact]
    public void AfterAFailureNoNewItemStartsAndTheFirstFailureInOrderIsThrown()
    {
        var started = new System.Collections.Concurrent.ConcurrentBag<int>();
        using var bothFailing = new Barrier(2);
        var e = Assert.Throws<InvalidOperationException>(() => JobPool.Run([5, 3, 9, 10, 11], 2, i => i, i =>
        {
            started.Add(i);
            if (i is 5 or 3)
            {
                bothFailing.SignalAndWait(TimeSpan.FromMinutes(2));
                throw new InvalidOperationException($"item {i} failed");
            }
        }));
        Assert.Equal("item 3 failed", e.Message);   // the lower order of the two failures, whichever was thrown first
        Assert.Equal([3, 5], started.Order());      // nothing after them started

        var one = Assert.Throws<InvalidOperationException>(() => JobPool.Run([1, 2, 3], 1, i => i, i =>
        {
            started.Add(10 * i);
            if (i == 2) throw new InvalidOperationException("second failed");
        }));
        Assert.Equal("second failed", one.Message);
        Assert.DoesNotContain(30, started);
    }
}
