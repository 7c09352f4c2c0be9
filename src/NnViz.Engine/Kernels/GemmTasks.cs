namespace NnViz.Engine.Kernels;

/// <summary>
/// The fork-join of a parallel GEMM: a fixed list of tasks (chosen from the shape alone) in two phases, for example
/// packing B's panels and then computing C's blocks. The calling thread and up to MaxThreads - 1 pool threads claim
/// tasks in increasing index order from one shared counter, so a pool thread that wakes late simply finds fewer tasks
/// (the caller never waits for it to start) and the packing already overlaps its wake-up. A second-phase task starts
/// only when every first-phase task has finished; every first-phase task was claimed before it by a running thread,
/// so that wait is bounded. Which thread runs which task never changes a result: each task writes its own outputs.
/// The task bodies must not throw (GEMM blocks do not).
/// </summary>
public sealed class GemmTasks
{
    private readonly Action<int>? _first;
    private readonly Action<int> _second;
    private readonly int _firstCount, _total;
    private int _claimed = -1, _firstDone, _finished;

    private GemmTasks(int firstCount, Action<int>? first, int secondCount, Action<int> second)
    {
        _first = first; _second = second; _firstCount = firstCount; _total = firstCount + secondCount;
    }

    /// <summary>Runs first(0..firstCount-1), then second(0..secondCount-1), on up to options.MaxThreads threads;
    /// returns when every task has finished.</summary>
    public static void Run(ComputeOptions options, int firstCount, Action<int>? first, int secondCount, Action<int> second)
    {
        if (firstCount > 0 && first is null) throw new ArgumentNullException(nameof(first), "first-phase tasks need a body");
        var run = new GemmTasks(firstCount, first, secondCount, second);
        int helpers = Math.Min(options.MaxThreads, run._total) - 1;
        for (int h = 0; h < helpers; h++) ThreadPool.UnsafeQueueUserWorkItem(static r => r.Work(), run, preferLocal: false);
        run.Work();
        // Tasks a pool thread claimed may still be running: wait for them (at most one task each).
        var spin = new SpinWait();
        while (Volatile.Read(ref run._finished) < run._total) spin.SpinOnce(sleep1Threshold: -1);
    }

    private void Work()
    {
        int t;
        // A claim past the end touches nothing of the caller's (its pinned buffers may already be released).
        while ((t = Interlocked.Increment(ref _claimed)) < _total)
        {
            if (t < _firstCount)
            {
                _first!(t);
                Interlocked.Increment(ref _firstDone);
            }
            else
            {
                var spin = new SpinWait();
                while (Volatile.Read(ref _firstDone) < _firstCount) spin.SpinOnce(sleep1Threshold: -1);
                _second(t - _firstCount);
            }
            Interlocked.Increment(ref _finished);
        }
    }
}
