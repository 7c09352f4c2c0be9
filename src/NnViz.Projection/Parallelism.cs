namespace NnViz.Projection;

/// <summary>
/// Parallel loops split into fixed chunks chosen from the data size alone, so every chunk computes the same
/// values in the same order whatever the number of threads; callers reduce per-chunk results in chunk order.
/// </summary>
internal static class Parallelism
{
    /// <summary>Runs <paramref name="body"/>(start, end) over [0, count) in chunks of <paramref name="chunkSize"/>, on at most
    /// the kernels' thread count (<see cref="NnViz.Engine.ComputeOptions.Default"/>: every core, or cores / N when
    /// `nnviz run --jobs N` runs N units at once).</summary>
    public static void ForChunks(int count, int chunkSize, Action<int, int> body) =>
        ForChunks(count, chunkSize, body, NnViz.Engine.ComputeOptions.Default.MaxThreads);

    /// <summary>As above on at most <paramref name="workers"/> threads (the chunks, hence the values, are the same).</summary>
    public static void ForChunks(int count, int chunkSize, Action<int, int> body, int workers) =>
        ForChunks(count, chunkSize, body, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) });

    private static void ForChunks(int count, int chunkSize, Action<int, int> body, ParallelOptions options)
    {
        if (count <= 0) return;
        chunkSize = Math.Max(1, chunkSize);
        int chunks = (count + chunkSize - 1) / chunkSize;
        if (chunks == 1) { body(0, count); return; }
        // A bounded worker count: on a loaded machine the thread pool otherwise keeps injecting threads into a
        // loop of long chunks (hundreds of runnable threads, seen at 70,000 points); the chunks stay fixed either way.
        Parallel.For(0, chunks, options, c =>
        {
            int start = c * chunkSize;
            body(start, Math.Min(count, start + chunkSize));
        });
    }

    /// <summary>Number of chunks <see cref="ForChunks"/> uses, for callers that keep one partial result per chunk.</summary>
    public static int ChunkCount(int count, int chunkSize) => count <= 0 ? 0 : (count + chunkSize - 1) / chunkSize;
}
