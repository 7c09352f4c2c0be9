namespace NnViz.Engine;

/// <summary>
/// How much parallelism the kernels may use. Work is always split into fixed chunks chosen from the data
/// size alone (never from the thread count), and every output element is computed by exactly one chain of
/// operations, so results are bit-identical for any <see cref="MaxThreads"/>.
/// </summary>
/// <param name="MaxThreads">Upper bound on worker threads; 1 runs everything on the calling thread.</param>
/// <param name="MinParallelWork">Multiply-adds below which a kernel stays on one thread (tests set 0 to force chunks).</param>
public sealed record ComputeOptions(int MaxThreads, long MinParallelWork = 1 << 18)
{
    /// <summary>The kernels' options when a caller gives none: every core, unless <see cref="LimitDefaultThreads"/> said otherwise.</summary>
    public static ComputeOptions Default { get; private set; } = new(Environment.ProcessorCount);

    /// <summary>
    /// Caps <see cref="Default"/>'s threads for the whole process (`nnviz run --jobs N` runs N units at once, each with
    /// cores / N kernel threads). Results do not depend on it: only how many threads share the fixed chunks.
    /// </summary>
    public static void LimitDefaultThreads(int maxThreads) => Default = new(Math.Max(1, maxThreads));
    public static ComputeOptions SingleThread { get; } = new(1);

    /// <summary>Runs body(chunk) for chunk in [0, chunks); in parallel when allowed and worth it.</summary>
    internal void For(int chunks, long work, Action<int> body)
    {
        if (chunks <= 1 || MaxThreads <= 1 || work < MinParallelWork)
        {
            for (int c = 0; c < chunks; c++) body(c);
            return;
        }
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = MaxThreads }, body);
    }
}
