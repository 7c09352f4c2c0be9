namespace NnViz.Projection;

/// <summary>
/// Parallel loops split into fixed chunks chosen from the data size alone, so every chunk computes the same
/// values in the same order whatever the number of threads; callers reduce per-chunk results in chunk order.
/// </summary>
internal static class Parallelism
{
    /// <summary>At most one worker per core: the thread pool otherwise keeps adding threads to a long CPU-bound loop on a
    /// loaded machine (a 70,000-point t-SNE reached 341 threads on 2 cores), which only adds switching.</summary>
    private static readonly ParallelOptions PerCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>Runs <paramref name="body"/>(start, end) over [0, count) in chunks of <paramref name="chunkSize"/>.</summary>
    public static void ForChunks(int count, int chunkSize, Action<int, int> body)
    {
        if (count <= 0) return;
        chunkSize = Math.Max(1, chunkSize);
        int chunks = (count + chunkSize - 1) / chunkSize;
        if (chunks == 1) { body(0, count); return; }
        Parallel.For(0, chunks, PerCore, c =>
        {
            int start = c * chunkSize;
            body(start, Math.Min(count, start + chunkSize));
        });
    }

    /// <summary>Number of chunks <see cref="ForChunks"/> uses, for callers that keep one partial result per chunk.</summary>
    public static int ChunkCount(int count, int chunkSize) => count <= 0 ? 0 : (count + chunkSize - 1) / chunkSize;
}
