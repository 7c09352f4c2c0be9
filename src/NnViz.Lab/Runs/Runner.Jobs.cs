using System.Diagnostics;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Runs;

/// <summary>
/// `nnviz run --jobs N`: the units of a run (experiment x seed) on N threads at once, longest predicted first
/// (<see cref="CostModel.Seconds"/>), each with cores / N kernel threads. Every unit is independent (its own store
/// entry, staging folder and published folder; drawing is serialized by the plot library's gate), and an experiment is
/// assembled and published by whichever thread finishes its last unit, exactly as one after another: the bytes of
/// every artifact are those of `--jobs 1`; only provenance.json (times) differs.
/// </summary>
public sealed partial class Runner
{
    /// <summary>One item of a concurrent run: a seed of one experiment, or (Seed = -1) publishing an experiment whose result is already stored.</summary>
    private sealed record JobItem(int Spec, int Seed, double Cost);

    /// <summary>
    /// Runs every spec with up to <paramref name="jobs"/> units at once and returns the summaries in spec order;
    /// <paramref name="finished"/> is called (from a worker thread) as each experiment is published. With one job it
    /// is <see cref="Run"/> for each spec in order. After a failure no new unit starts; the running ones finish (their
    /// store entries stay for the next run) and the failure of the first spec in spec order is thrown.
    /// </summary>
    public IReadOnlyList<RunSummary> RunAll(IReadOnlyList<ExperimentSpec> specs, int jobs, Action<ExperimentSpec>? finished = null)
    {
        if (jobs <= 1)
            return [.. specs.Select(s => { var r = Run(s); finished?.Invoke(s); return r; })];
        var store = Store;
        var items = new List<JobItem>();
        for (int k = 0; k < specs.Count; k++)
        {
            bool stored = Seeds > 1 && Usable(store, AssembledEntry(specs[k], store, Seeds).Entry, specs[k].Name);
            double cost = CostModel.Seconds(specs[k]);
            if (stored) items.Add(new JobItem(k, -1, 0));
            else items.AddRange(Enumerable.Range(0, Seeds).Select(i => new JobItem(k, i, cost)));
        }
        var ordered = items.OrderByDescending(u => u.Cost).ThenBy(u => u.Spec).ThenBy(u => u.Seed).ToList();
        var results = new RunSummary[specs.Count];
        var left = specs.Select(_ => Seeds).ToArray();
        var clocks = new Stopwatch?[specs.Count];
        JobPool.Run(ordered, jobs, u => u.Spec, u =>
        {
            var spec = specs[u.Spec];
            Stopwatch clock;
            lock (clocks) clock = clocks[u.Spec] ??= Stopwatch.StartNew();
            if (u.Seed < 0)
            {
                results[u.Spec] = Publish(spec, clock, EnsureAssembled(spec, store, Seeds));
                finished?.Invoke(spec);
                return;
            }
            var done = EnsureUnit(spec, store, u.Seed, u.Seed == 0 || Seeds == 1 ? "" : $"seed {u.Seed + 1} of {Seeds}: ");
            bool last;
            lock (left) last = --left[u.Spec] == 0;
            if (!last) return;
            // One seed: this unit is the result. Several: assembled from the stored units, as EnsureAssembled does in a sequential run.
            results[u.Spec] = Publish(spec, clock, Seeds == 1 ? done : EnsureAssembled(spec, store, Seeds));
            finished?.Invoke(spec);
        });
        return results;
    }

    /// <summary>
    /// Runs the given units into <paramref name="store"/> (a shard of a plan), up to <paramref name="jobs"/> at once,
    /// saying one line per unit as it finishes. With one job, in the given order and each line with the unit's CPU
    /// seconds (what <see cref="CostModel"/> is calibrated on); with more, longest predicted first, and the CPU
    /// seconds are the whole process's while the unit ran.
    /// </summary>
    public void RunUnits(IReadOnlyList<ExperimentSpec> specs, RunStore store, IReadOnlyList<WorkUnit> units, int jobs, Action<string> say)
    {
        var indexed = units.Select((u, i) => (Unit: u, Index: i)).ToList();
        var ordered = jobs <= 1 ? indexed : [.. indexed.OrderByDescending(x => x.Unit.Cost).ThenBy(x => x.Index)];
        int finished = 0;
        JobPool.Run(ordered, jobs, x => x.Index, x =>
        {
            var u = x.Unit;
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (_, _, reused) = EnsureUnit(specs.Single(s => s.Name == u.Experiment), store, u.SeedIndex);
            double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            if (!reused) UnitTimes.Append(store, new UnitTime(u.Entry, u.Id, Math.Round(clock.Elapsed.TotalSeconds, 2), Math.Round(cpuSeconds, 2), u.Cost, jobs > 1));
            int n = Interlocked.Increment(ref finished);
            say($"  [{n}/{units.Count}] {u.Id}: {(reused ? "reused" : "done")} in {clock.Elapsed.TotalSeconds:0.0} s ({cpuSeconds:0.0} s CPU" +
                $"{(jobs > 1 ? " of the process, shared with the other jobs" : "")}; predicted {u.Cost} s, {u.MultiplyAdds} M multiply-adds, {u.ProjectedPoints} M projected point-iterations)");
        });
    }
}

/// <summary>Work items on a fixed number of dedicated threads, taken in the given order.</summary>
public static class JobPool
{
    /// <summary>The main thread's stack size on Linux, so a unit on a worker has the stack it has in a sequential run.</summary>
    private const int StackBytes = 8 << 20;

    /// <summary>
    /// Runs <paramref name="body"/> for every item on <paramref name="workers"/> threads (the calling thread when 1;
    /// never more than the items), the kernels of each with cores / workers threads (<see cref="NnViz.Engine.ComputeOptions.Default"/>,
    /// restored afterwards). After a failure no new item starts; when the running ones are done the failure whose <paramref name="order"/>
    /// is lowest is rethrown as it was thrown.
    /// </summary>
    public static void Run<T>(IReadOnlyList<T> items, int workers, Func<T, int> order, Action<T> body)
    {
        workers = Math.Clamp(workers, 1, Math.Max(1, items.Count));
        int threads = NnViz.Engine.ComputeOptions.Default.MaxThreads;
        if (workers > 1) NnViz.Engine.ComputeOptions.LimitDefaultThreads(Environment.ProcessorCount / workers);
        try { RunOn(items, workers, order, body); }
        finally { if (workers > 1) NnViz.Engine.ComputeOptions.LimitDefaultThreads(threads); }
    }

    private static void RunOn<T>(IReadOnlyList<T> items, int workers, Func<T, int> order, Action<T> body)
    {
        int next = -1;
        var failures = new List<(int Order, System.Runtime.ExceptionServices.ExceptionDispatchInfo Error)>();
        void Work()
        {
            while (true)
            {
                lock (failures) if (failures.Count > 0) return;
                int i = Interlocked.Increment(ref next);
                if (i >= items.Count) return;
                try { body(items[i]); }
                catch (Exception e)
                {
                    lock (failures) failures.Add((order(items[i]), System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e)));
                }
            }
        }
        if (workers <= 1) Work();
        else
        {
            var threads = Enumerable.Range(1, workers).Select(n => new Thread(Work, StackBytes) { Name = $"nnviz job {n}", IsBackground = true }).ToList();
            foreach (var t in threads) t.Start();
            foreach (var t in threads) t.Join();
        }
        if (failures.Count > 0) failures.MinBy(f => f.Order).Error.Throw();
    }
}
