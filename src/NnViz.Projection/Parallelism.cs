namespace NnViz.Projection;

/// <summary>
/// Parallel loops split into fixed chunks chosen from the data size alone, so every chunk computes the same
/// values in the same order whatever the number of threads; callers reduce per-chunk results in chunk order.
/// </summary>
internal static class Parallelism
{
    private static readonly ParallelOptions Options = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>Runs <paramref name="body"/>(start, end) over [0, count) in chunks of <paramref name="chunkSize"/>.</summary>
    public static void ForChunks(int count, int chunkSize, Action<int, int> body) => ForChunks(count, chunkSize, body, Options);

    /// <summary>As above on at most <paramref name="workers"/> threads (the chunks, hence the values, are the same).</summary>
    public static void ForChunks(int count, int chunkSize, Action<int, int> body, int workers) =>
        ForChunks(count, chunkSize, body, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) });

    private static void ForChunks(int count, int chunkSize, Action<int, int> body, ParallelOptions options)
    {
        if (count <= 0) return;
        chunkSize = Math.Max(1, chunkSize);
        int chunks = (count + chunkSize - 1) / chunkSize;
        if (chunks == 1) { body(0, count); return; }
        // At most one worker per core: on a loaded machine the thread pool otherwise keeps injecting threads into a
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
