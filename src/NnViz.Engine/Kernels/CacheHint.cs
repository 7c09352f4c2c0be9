namespace NnViz.Engine.Kernels;

/// <summary>Software prefetch for scattered rows (an embedding's rows by token, dz's rows by position).</summary>
internal static class CacheHint
{
    /// <summary>A hint to fetch a[offset .. offset+count) into L1 (never faults, changes no value).</summary>
    public static unsafe void Fetch(float[] a, long offset, int count)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported || offset < 0 || offset + count > a.Length) return;
        fixed (float* start = &a[offset])
            for (int q = 0; q < count; q += 16) System.Runtime.Intrinsics.X86.Sse.Prefetch0(start + q);
    }
}
