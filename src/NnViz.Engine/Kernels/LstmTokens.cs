using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NnViz.Engine.Kernels;

/// <summary>
/// The real (unmasked) steps of a batch of token sequences grouped by token id, for an LSTM that reads an Embedding's
/// output: every step of one token sees the same input row, so the input weights' gradient and the embedding's gradient
/// can be summed per token before the products instead of after them (<see cref="LstmTokens"/>).
/// Groups are the distinct ids in increasing order; a group's positions are time-major (p = t·rows + r) and increasing.
/// Built from the ids and the mask alone, so the grouping never depends on threads.
/// </summary>
public sealed class TokenGroups
{
    private TokenGroups(int count, int[] ids, int[] firstRow, int[] starts, int[] positions, int positionCount)
    {
        Count = count; Ids = ids; FirstRow = firstRow; Starts = starts; Positions = positions; PositionCount = positionCount;
    }

    /// <summary>Distinct ids with at least one real step.</summary>
    public int Count { get; }
    /// <summary>Ids[g]: group g's token id (increasing in g).</summary>
    public int[] Ids { get; }
    /// <summary>FirstRow[g]: a batch-major row (r·steps + t) of the embedding output holding group g's vector.</summary>
    public int[] FirstRow { get; }
    /// <summary>Group g's positions are Positions[Starts[g] .. Starts[g + 1]).</summary>
    public int[] Starts { get; }
    /// <summary>The real steps' time-major positions, grouped.</summary>
    public int[] Positions { get; }
    /// <summary>Real steps in the batch.</summary>
    public int PositionCount { get; }

    /// <summary>Groups the real steps of rows x steps token ids (batch-major, ids in [0, vocab)); mask rows x steps
    /// (0 = padding) or null when every step is real.</summary>
    public static TokenGroups Build(ReadOnlySpan<int> ids, ReadOnlySpan<float> mask, int rows, int steps, int vocab)
    {
        int n = rows * steps;
        if (ids.Length < n || (!mask.IsEmpty && mask.Length < n)) throw new ArgumentException($"TokenGroups: {n} ids and mask values needed");
        var groupOf = ArrayPool<int>.Shared.Rent(vocab);
        try
        {
            Array.Clear(groupOf, 0, vocab);
            int real = 0;
            for (int i = 0; i < n; i++)
            {
                if (!mask.IsEmpty && mask[i] == 0) continue;
                int id = ids[i];
                if ((uint)id >= (uint)vocab) throw new ArgumentOutOfRangeException(nameof(ids), id, $"token id outside [0, {vocab})");
                groupOf[id]++;
                real++;
            }
            // Counts to group numbers (ids in increasing order) and group starts.
            int count = 0;
            for (int v = 0; v < vocab; v++) if (groupOf[v] > 0) count++;
            var groupIds = new int[count];
            var starts = new int[count + 1];
            for (int v = 0, g = 0; v < vocab; v++)
            {
                if (groupOf[v] == 0) continue;
                groupIds[g] = v;
                starts[g + 1] = starts[g] + groupOf[v];
                groupOf[v] = g++;
            }
            var positions = new int[real];
            var firstRow = new int[count];
            var next = new int[count];
            Array.Copy(starts, next, count);
            for (int t = 0; t < steps; t++)
                for (int r = 0; r < rows; r++)
                {
                    int i = r * steps + t;
                    if (!mask.IsEmpty && mask[i] == 0) continue;
                    int g = groupOf[ids[i]];
                    if (next[g] == starts[g]) firstRow[g] = i;
                    positions[next[g]++] = t * rows + r;
                }
            return new TokenGroups(count, groupIds, firstRow, starts, positions, real);
        }
        finally { ArrayPool<int>.Shared.Return(groupOf); }
    }
}

/// <summary>
/// The input-side gradients of one LSTM direction over token inputs, per distinct token. With S_v = Σ dz_p over the real
/// steps p of token v (in increasing p), and x_v the token's input row:
/// dW += Σ_v x_vᵀ·S_v (a product over the distinct tokens instead of every step) and the embedding's gradient for v is
/// S_v·Wᵀ (one row per token instead of one per step, summed by the embedding afterwards). A 64 x 200 IMDB batch holds
/// ~18 % distinct tokens (uniformly drawn ids of 10,000: ~56 %), so both products shrink by that factor.
/// Every sum is in a fixed order (S_v over p increasing; dW's chain over v increasing, dE's over the gates), so the bits
/// do not depend on threads or vector width; they differ from summing the per-step products, which rounds differently.
/// </summary>
public static class LstmTokens
{
    /// <summary>Groups per parallel block: fixed, never from the thread count.</summary>
    private const int BlockGroups = 128;

    /// <summary>dw (in x g4) += Σ_v x_vᵀ·S_v; when dTokens is not null, dTokens (groups.Count x in) = S·Wᵀ (overwritten).
    /// x: the embedding output (batch-major rows of inDim), dz: time-major (n x g4), w: in x g4.
    /// Groups go in fixed blocks of <see cref="BlockGroups"/>: a block's sums and token rows are built in cache and feed
    /// both products at once. One thread runs the blocks in order, each adding its k-panel to dW (Gemm continues every
    /// chain from C, so the chain over all groups is the same); more threads build the blocks in parallel, keep them,
    /// and run dW as one product: the same chains, the same bits.</summary>
    public static void InputGradients(TokenGroups groups, float[] x, int inDim, float[] dz, int g4, float[] w, float[] dw,
        float[]? dTokens, ComputeOptions? options = null)
    {
        int d = groups.Count;
        if (d == 0) return;
        options ??= ComputeOptions.SingleThread;
        bool parallel = options.MaxThreads > 1;
        int blocks = (d + BlockGroups - 1) / BlockGroups;
        // Parallel: every block's sums and rows kept (d rows); one thread: one block's worth, reused.
        int kept = parallel ? d : Math.Min(d, BlockGroups);
        var sums = ArrayPool<float>.Shared.Rent(kept * g4);
        var rowsIn = ArrayPool<float>.Shared.Rent(kept * inDim);
        var wT = dTokens is null ? null : ArrayPool<float>.Shared.Rent(g4 * inDim);
        float[]? packedWT = null;
        try
        {
            if (wT is not null)
            {
                Gemm.Transpose<float>(w.AsSpan(0, inDim * g4), inDim, g4, wT);
                if (LstmGemm.CanRun)
                {
                    packedWT = ArrayPool<float>.Shared.Rent(LstmGemm.PackedLength(g4, inDim));
                    LstmGemm.Pack(wT.AsSpan(0, g4 * inDim), inDim, g4, inDim, packedWT);
                }
            }
            void Block(int block, int offset)
            {
                int g0 = block * BlockGroups, rc = Math.Min(BlockGroups, d - g0);
                var s = sums.AsSpan(offset * g4, rc * g4);
                int end = groups.Starts[g0 + rc];
                for (int q = 0; q < rc; q++)
                {
                    int g = g0 + q;
                    if (q + Ahead < rc) CacheHint.Fetch(x, groups.FirstRow[g + Ahead] * inDim, inDim);
                    x.AsSpan(groups.FirstRow[g] * inDim, inDim).CopyTo(rowsIn.AsSpan((offset + q) * inDim, inDim));
                    SumRows(dz, g4, groups.Positions, groups.Starts[g], groups.Starts[g + 1], end, s.Slice(q * g4, g4));
                }
                if (dTokens is null) return;
                var c = dTokens.AsSpan(g0 * inDim, rc * inDim);
                if (packedWT is not null) LstmGemm.MultiplyPacked(s, g4, 1, packedWT, c, inDim, rc, g4, inDim, accumulate: false);
                else Gemm.Multiply<float>(s, g4, 1, wT.AsSpan(0, g4 * inDim), inDim, c, inDim, rc, g4, inDim, accumulate: false);
            }
            if (parallel)
            {
                options.For(blocks, (long)groups.PositionCount * g4 + (long)d * g4 * inDim, block => Block(block, block * BlockGroups));
                // dW: C (in x g4) += Aᵀ·S with A the d x in token rows (a(i, v) = rowsIn[v·in + i]), k = d in increasing order.
                Gemm.Multiply<float>(rowsIn.AsSpan(0, d * inDim), 1, inDim, sums.AsSpan(0, d * g4), g4, dw, g4, inDim, d, g4, accumulate: true, options);
                return;
            }
            for (int block = 0; block < blocks; block++)
            {
                Block(block, 0);
                int rc = Math.Min(BlockGroups, d - block * BlockGroups);
                Gemm.Multiply<float>(rowsIn.AsSpan(0, rc * inDim), 1, inDim, sums.AsSpan(0, rc * g4), g4, dw, g4, inDim, rc, g4, accumulate: true, options);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(sums); ArrayPool<float>.Shared.Return(rowsIn);
            if (wT is not null) ArrayPool<float>.Shared.Return(wT);
            if (packedWT is not null) ArrayPool<float>.Shared.Return(packedWT);
        }
    }

    /// <summary>Rows fetched ahead: dz's rows are scattered (a token's steps lie anywhere in the batch), and so are the
    /// tokens' rows of x. A hint only; it changes no value.</summary>
    private const int Ahead = 8;

    /// <summary>sum = dz[p₀] + dz[p₁] + ... over positions[from .. to) in order (a running sum per element, vectorised
    /// across the row: the same additions as a scalar loop). Rows up to positions[limit) are fetched ahead, across groups.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void SumRows(float[] dz, int g4, int[] positions, int from, int to, int limit, Span<float> sum)
    {
        for (int q = from; q < Math.Min(to, limit - Ahead); q++) CacheHint.Fetch(dz, (long)positions[q + Ahead] * g4, g4);
        fixed (float* pz = dz) fixed (float* ps = sum)
        {
            float* first = pz + (long)positions[from] * g4;
            if (to - from == 1) { new ReadOnlySpan<float>(first, g4).CopyTo(sum); return; }
            // The first two rows straight into the sum (dz[p₀] + dz[p₁], as the running sum would add them).
            float* second = pz + (long)positions[from + 1] * g4;
            int k0 = 0;
            for (; k0 + 8 <= g4; k0 += 8) (Vector256.Load(first + k0) + Vector256.Load(second + k0)).Store(ps + k0);
            for (; k0 < g4; k0++) ps[k0] = first[k0] + second[k0];
            for (int q = from + 2; q < to; q++)
            {
                float* row = pz + (long)positions[q] * g4;
                int k = 0;
                for (; k + 8 <= g4; k += 8) (Vector256.Load(ps + k) + Vector256.Load(row + k)).Store(ps + k);
                for (; k < g4; k++) ps[k] += row[k];
            }
        }
    }
}
