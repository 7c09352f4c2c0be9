using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NnViz.Engine.Kernels;

/// <summary>
/// The forward's input products b + x_t·W computed once per distinct input row. An LSTM behind an Embedding sees the
/// same token's vector wherever the token occurs (and the padding id's vector at every padded step): 12,800 tokens of a
/// 64 x 200 batch hold ~7,200 distinct rows with a uniform 10,000-word vocabulary, far fewer with real text. Rows are
/// matched by their exact bits, and each distinct row's gates run the chain of the per-step path (bias, then x·W over k
/// in increasing order on W packed once), so every gate has the same bits as computing it in place: only repeated work
/// is dropped. Rows are numbered in order of first occurrence, so the result never depends on threads.
/// </summary>
internal sealed class LstmInput : IDisposable
{
    /// <summary>Distinct rows per parallel block of the product: fixed, never from the thread count.</summary>
    private const int BlockRows = 128;

    /// <summary>Leading rows numbered first to see whether the whole batch is worth numbering.</summary>
    private const int SampleRows = 2048;

    private readonly int[] _index;
    private readonly float[] _products;
    private readonly int _g4;

    private LstmInput(int[] index, float[] products, int g4) { _index = index; _products = products; _g4 = g4; }

    /// <summary>The distinct rows' products, or null when more than half the rows are distinct: then the per-step path,
    /// which writes the gates while they are in cache, costs about as much as the copies and the numbering (measured
    /// with uniformly drawn tokens, ~56 % distinct: no gain; real IMDB batches of 64 x 200 are ~18 % distinct).</summary>
    public static LstmInput? TryCreate(float[] xt, int n, int inDim, float[] bias, float[] packedW, int g4, ComputeOptions options)
    {
        var index = ArrayPool<int>.Shared.Rent(n);
        // A first look at the leading rows: when more than three quarters of them are distinct (uniformly drawn tokens:
        // ~90 % of 2,048; real text far fewer), numbering the whole batch would only find it above the half and be thrown
        // away (2 % of an IMDB-shaped batch on uniform tokens). Either path gives the same bits; this only picks one.
        if (n >= 4 * SampleRows && Number(xt, SampleRows, inDim, index, SampleRows * 3 / 4, out _, options) < 0)
        {
            ArrayPool<int>.Shared.Return(index);
            return null;
        }
        int distinct = Number(xt, n, inDim, index, n / 2, out var first, options);
        if (distinct < 0) { ArrayPool<int>.Shared.Return(index); return null; }
        var rowsIn = ArrayPool<float>.Shared.Rent(distinct * inDim);
        var products = ArrayPool<float>.Shared.Rent(distinct * g4);
        try
        {
            for (int d = 0; d < distinct; d++)
            {
                xt.AsSpan(first[d] * inDim, inDim).CopyTo(rowsIn.AsSpan(d * inDim, inDim));
                bias.AsSpan(0, g4).CopyTo(products.AsSpan(d * g4, g4));
            }
            options.For((distinct + BlockRows - 1) / BlockRows, (long)distinct * inDim * g4, block =>
            {
                int r0 = block * BlockRows, rc = Math.Min(BlockRows, distinct - r0);
                LstmGemm.MultiplyPacked(rowsIn.AsSpan(r0 * inDim, rc * inDim), inDim, 1, packedW,
                    products.AsSpan(r0 * g4, rc * g4), g4, rc, inDim, g4, accumulate: true);
            });
        }
        finally { ArrayPool<float>.Shared.Return(rowsIn); }
        return new LstmInput(index, products, g4);
    }

    /// <summary>Row p's gates before h·U: b + x_p·W.</summary>
    public ReadOnlySpan<float> Products(int p) => _products.AsSpan(_index[p] * _g4, _g4);

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_index);
        ArrayPool<float>.Shared.Return(_products);
    }

    /// <summary>index[p] = the number of row p's bit pattern in order of first occurrence; first[d] = the row where
    /// pattern d first occurs; -1 as soon as more than limit patterns are found. An open-addressing table over a 64-bit
    /// hash, every hit confirmed by comparing the bits. The rows' hashes are computed first, in fixed blocks of rows over
    /// options' threads (each a function of its row alone); the numbering itself walks the rows in order.</summary>
    internal static int Number(float[] xt, int n, int width, int[] index, int limit, out List<int> first, ComputeOptions? options = null)
    {
        int size = 1;
        while (size < 2 * n) size <<= 1;
        var table = ArrayPool<int>.Shared.Rent(size);
        var hashes = ArrayPool<ulong>.Shared.Rent(n);
        Array.Fill(table, -1, 0, size);
        first = [];
        try
        {
            HashRows(xt, n, width, hashes, options ?? ComputeOptions.SingleThread);
            for (int p = 0; p < n; p++)
            {
                var values = xt.AsSpan(p * width, width);
                var row = MemoryMarshal.AsBytes(values);
                int slot = (int)(hashes[p] & (ulong)(size - 1));
                while (table[slot] >= 0 && !row.SequenceEqual(MemoryMarshal.AsBytes(xt.AsSpan(first[table[slot]] * width, width))))
                    slot = (slot + 1) & (size - 1);
                if (table[slot] < 0)
                {
                    if (first.Count == limit) return -1;
                    table[slot] = first.Count; first.Add(p);
                }
                index[p] = table[slot];
            }
        }
        finally { ArrayPool<int>.Shared.Return(table); ArrayPool<ulong>.Shared.Return(hashes); }
        return first.Count;
    }

    private const int HashBlock = 1024;

    private static void HashRows(float[] xt, int n, int width, ulong[] hashes, ComputeOptions options) =>
        options.For((n + HashBlock - 1) / HashBlock, (long)n * width, block =>
        {
            for (int p = block * HashBlock; p < Math.Min(n, (block + 1) * HashBlock); p++) hashes[p] = Hash(xt.AsSpan(p * width, width));
        });

    /// <summary>A 64-bit hash of all of a row's bits: two lane-wise multiply-xor chains of 8 words, folded at the end.</summary>
    private static ulong Hash(ReadOnlySpan<float> row)
    {
        var words = MemoryMarshal.Cast<float, uint>(row);
        var prime = Vector256.Create(0x9E3779B1u);
        Vector256<uint> a = Vector256.Create((uint)row.Length), b = Vector256.Create(0x85EBCA77u);
        int i = 0;
        for (; i + 16 <= words.Length; i += 16)
        {
            a = ((a ^ Vector256.Create(words.Slice(i, 8))) * prime) ^ (a >> 15);
            b = ((b ^ Vector256.Create(words.Slice(i + 8, 8))) * prime) ^ (b >> 15);
        }
        ulong h = 0xCBF29CE484222325;
        for (int q = 0; q < 8; q++) h = (h ^ a[q] ^ ((ulong)b[q] << 32)) * 0x9E3779B97F4A7C15;
        for (; i < words.Length; i++) h = (h ^ words[i]) * 0x9E3779B97F4A7C15;
        return h ^ (h >> 29);
    }
}
