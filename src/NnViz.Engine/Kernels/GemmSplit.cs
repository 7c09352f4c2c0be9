namespace NnViz.Engine.Kernels;

/// <summary>
/// When a GEMM hands blocks to a second thread (a speed choice only: blocks are fixed by the shape, so the bits are
/// the same either way). Waking a pool thread and joining it costs tens of microseconds, more on a loaded machine,
/// so products below <see cref="MinWork"/> multiply-adds (about 50 µs on one AVX-512 core) stay on the calling
/// thread, whatever the looser general <see cref="ComputeOptions.MinParallelWork"/>; MinParallelWork = 0 (tests)
/// still forces the split so that the parallel blocks are exercised. A split product packs B inside the same parallel
/// region as its blocks (<see cref="GemmTasks"/>), so packing needs no rule of its own.
/// </summary>
internal static class GemmSplit
{
    public const long MinWork = 1L << 22;

    public static bool Worth(ComputeOptions options, long work) =>
        options.MaxThreads > 1 && work >= (options.MinParallelWork <= 0 ? 0 : Math.Max(options.MinParallelWork, MinWork));
}
