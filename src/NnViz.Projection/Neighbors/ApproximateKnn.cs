using System.Runtime.Intrinsics;
using NnViz.Engine;
using NnViz.Projection.Linear;

namespace NnViz.Projection.Neighbors;

/// <summary>
/// Approximate k nearest neighbours for large inputs: a forest of random-projection trees gives each point candidate
/// neighbours (the members of its leaf in every tree), then rounds of neighbour-of-neighbour refinement in the manner
/// of NN-descent (Dong, Charikar &amp; Li 2011) improve the lists; the result is reported by its recall@k against
/// <see cref="ExactKnn"/> (bench/projection). Deterministic: the trees come from streams forked off the given seed,
/// and every list is the k smallest (single-precision distance, index) pairs (index: the seeded relabelling's, so ties at the k-th
/// place may resolve differently from the exact search) of a candidate set that depends only on the previous
/// round's graph (a "pull" round, double-buffered), so the bits do not depend on the thread count. The candidates
/// are ranked on float copies of the rows (half the memory traffic, twice the lanes); the final neighbours' distances
/// are recomputed in double.
/// It does not reproduce the exact graph, so <see cref="NearestNeighbors.Search"/> uses it only from
/// <see cref="NearestNeighbors.ApproximateMinPoints"/> points, a size the ci and quick profiles never reach.
/// </summary>
public static class ApproximateKnn
{
    public const int Trees = 6, LeafSize = 128, Rounds = 4, Fanout = 28;

    public static KnnGraph Search(double[] x, int n, int d, int k, Rng rng)
    {
        DataMatrix.Check(x, n, d, nameof(x));
        if (k < 1 || k >= n) throw new ArgumentException($"k: expected 1 <= k < n = {n}, received {k}");
        var leaves = new int[Trees][];   // per tree: the points in leaf order
        var leafOf = new int[Trees][];   // per tree and point: start of its leaf in leaves[t] (and its end after it)
        var leafEnd = new int[Trees][];
        Parallel.For(0, Trees, t =>
        {
            var order = Enumerable.Range(0, n).ToArray();
            var start = new int[n]; var end = new int[n];
            Split(x, d, order, 0, n, rng.Fork($"tree/{t}"), start, end);
            leaves[t] = order; leafOf[t] = start; leafEnd[t] = end;
        });
        // Relabel the points in the first tree's leaf order, so that near points sit near in memory (the searches
        // below then mostly touch cached rows); the graph is mapped back to the caller's labels at the end.
        var perm = (int[])leaves[0].Clone();
        var inv = new int[n];
        for (int q = 0; q < n; q++) inv[perm[q]] = q;
        var xp = new double[x.Length];
        for (int q = 0; q < n; q++) Array.Copy(x, perm[q] * d, xp, q * d, d);
        for (int t = 0; t < Trees; t++)
        {
            var ls = new int[n]; var le = new int[n];
            for (int q = 0; q < n; q++) { ls[q] = leafOf[t][perm[q]]; le[q] = leafEnd[t][perm[q]]; }
            for (int p = 0; p < n; p++) leaves[t][p] = inv[leaves[t][p]];
            leafOf[t] = ls; leafEnd[t] = le;
        }
        x = xp;
        var xf = SinglePrecision(x, n, d);
        var idx = new int[n * k];
        var dist = new double[n * k];
        Improve(xf, n, k, idx, dist, (i, c) =>
        {
            for (int t = 0; t < Trees; t++)
                for (int p = leafOf[t][i]; p < leafEnd[t][i]; p++) c.Offer(leaves[t][p]);
        });
        var next = new int[n * k];
        var nextDist = new double[n * k];
        int fan = Math.Min(k, Fanout);
        for (int round = 0; round < Rounds; round++)
        {
            var cur = idx;
            Improve(xf, n, k, next, nextDist, (i, c) =>
            {
                for (int a = 0; a < k; a++) c.Offer(cur[i * k + a]);
                for (int a = 0; a < fan; a++)
                {
                    int j = cur[i * k + a];
                    for (int b = 0; b < fan; b++) c.Offer(cur[j * k + b]);
                }
            });
            (idx, next) = (next, idx);
            (dist, nextDist) = (nextDist, dist);
        }
        return InOriginalLabels(x, d, idx, perm, n, k);
    }

    /// <summary>Row perm[q] of the result is row q of the relabelled graph, its neighbours mapped back through perm,
    /// their distances recomputed in double precision and re-sorted by (distance, original index); distances become
    /// Euclidean.</summary>
    private static KnnGraph InOriginalLabels(double[] x, int d, int[] idx, int[] perm, int n, int k)
    {
        var outIdx = new int[n * k];
        var outDist = new double[n * k];
        Parallelism.ForChunks(n, 1024, (a, b) =>
        {
            var keys = new (double, int)[k];
            for (int q = a; q < b; q++)
            {
                var xq = new ReadOnlySpan<double>(x, q * d, d);
                for (int t = 0; t < k; t++)
                {
                    int j = idx[q * k + t];
                    keys[t] = (Distances.SquaredEuclidean(xq, new ReadOnlySpan<double>(x, j * d, d)), perm[j]);
                }
                Array.Sort(keys);
                int i = perm[q];
                for (int t = 0; t < k; t++) { outIdx[i * k + t] = keys[t].Item2; outDist[i * k + t] = Math.Sqrt(keys[t].Item1); }
            }
        });
        return new KnnGraph(n, k, outIdx, outDist);
    }

    /// <summary>The rows rounded to float and zero-padded to a multiple of 8 (<see cref="FloatDistance"/>'s vectors).</summary>
    private static float[] SinglePrecision(double[] x, int n, int d)
    {
        int dp = (d + 7) & ~7;
        var xf = new float[n * dp];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) xf[i * dp + j] = (float)x[i * d + j];
        return xf;
    }

    /// <summary>For every point i (parallel over fixed chunks): the k nearest of the candidates that
    /// <paramref name="candidates"/> offers, duplicates and i itself skipped, by single-precision squared distance
    /// (the candidates' ranking only: the final graph's distances are recomputed in double).</summary>
    private static void Improve(float[] xf, int n, int k, int[] idx, double[] dist, Action<int, Collector> candidates)
    {
        Parallelism.ForChunks(n, 1024, (s, e) =>
        {
            var c = new Collector(xf, n, k);
            for (int i = s; i < e; i++)
            {
                c.Begin(i);
                candidates(i, c);
                c.Write(idx, dist);
            }
        });
    }

    /// <summary>Squared distance of two padded float rows: 8 lanes, two accumulators, a fixed reduction order (the
    /// same bits with or without AVX-512).</summary>
    private static double FloatDistance(float[] xf, int a, int b, int dp)
    {
        ref float r = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(xf);
        var acc0 = Vector256<float>.Zero; var acc1 = Vector256<float>.Zero;
        int t = 0;
        for (; t + 16 <= dp; t += 16)
        {
            var d0 = Vector256.LoadUnsafe(ref r, (nuint)(a + t)) - Vector256.LoadUnsafe(ref r, (nuint)(b + t));
            var d1 = Vector256.LoadUnsafe(ref r, (nuint)(a + t + 8)) - Vector256.LoadUnsafe(ref r, (nuint)(b + t + 8));
            acc0 += d0 * d0; acc1 += d1 * d1;
        }
        if (t < dp) { var d0 = Vector256.LoadUnsafe(ref r, (nuint)(a + t)) - Vector256.LoadUnsafe(ref r, (nuint)(b + t)); acc0 += d0 * d0; }
        var v = acc0 + acc1;
        return ((double)v.GetElement(0) + v.GetElement(1) + (v.GetElement(2) + v.GetElement(3)))
            + ((double)v.GetElement(4) + v.GetElement(5) + (v.GetElement(6) + v.GetElement(7)));
    }

    /// <summary>One thread's running top-k for the current point, with a stamp per point to skip duplicates.</summary>
    private sealed class Collector(float[] xf, int n, int k)
    {
        private readonly int _dp = xf.Length / n;
        private readonly int[] _seen = Enumerable.Repeat(-1, n).ToArray();
        private readonly double[] _bd = new double[k];
        private readonly int[] _bi = new int[k];
        private TopK _top;
        private int _i;

        public void Begin(int i) { _i = i; _seen[i] = i; _top = new TopK(_bd, _bi, k); }

        public void Offer(int j)
        {
            if (_seen[j] == _i) return;
            _seen[j] = _i;
            _top.Offer(FloatDistance(xf, _i * _dp, j * _dp, _dp), j);
        }

        public void Write(int[] idx, double[] dist)
        {
            int filled = _top.Count;
            for (int t = 0; t < k; t++)
            {
                // Fewer candidates than k (tiny inputs only): repeat the farthest found, keeping the row valid.
                int from = t < filled ? t : filled - 1;
                idx[_i * k + t] = _bi[from]; dist[_i * k + t] = _bd[from];
            }
        }
    }

    /// <summary>Splits order[lo, hi) by the hyperplane bisecting two random members until at most LeafSize remain,
    /// recording each point's leaf bounds.</summary>
    private static void Split(double[] x, int d, int[] order, int lo, int hi, Rng rng, int[] start, int[] end)
    {
        if (hi - lo <= LeafSize)
        {
            for (int p = lo; p < hi; p++) { start[order[p]] = lo; end[order[p]] = hi; }
            return;
        }
        int a = order[lo + rng.NextInt(hi - lo)], b = order[lo + rng.NextInt(hi - lo)];
        var normal = new double[d];
        double offset = 0;
        for (int j = 0; j < d; j++)
        {
            normal[j] = x[a * d + j] - x[b * d + j];
            offset += normal[j] * (x[a * d + j] + x[b * d + j]) * 0.5;
        }
        var side = new double[hi - lo];
        for (int p = lo; p < hi; p++) side[p - lo] = Distances.Dot(normal, new ReadOnlySpan<double>(x, order[p] * d, d)) - offset;
        // Stable partition: left keeps its order, right its order, so the tree is a function of the seed alone.
        var tmp = new int[hi - lo];
        int nl = 0, nr = 0;
        for (int p = lo; p < hi; p++) if (side[p - lo] < 0) tmp[nl++] = order[p];
        for (int p = lo; p < hi; p++) if (side[p - lo] >= 0) tmp[(hi - lo) - 1 - nr++] = order[p];
        Array.Reverse(tmp, nl, nr);
        Array.Copy(tmp, 0, order, lo, hi - lo);
        int mid = lo + nl;
        if (nl == 0 || nr == 0) mid = lo + (hi - lo) / 2; // duplicates or a degenerate draw: halve in order
        Split(x, d, order, lo, mid, rng, start, end);
        Split(x, d, order, mid, hi, rng, start, end);
    }

    /// <summary>recall@k: the fraction of the exact graph's neighbours that the approximate graph also lists.</summary>
    public static double Recall(KnnGraph approximate, KnnGraph exact)
    {
        if (approximate.N != exact.N || approximate.K != exact.K)
            throw new ArgumentException($"graphs differ in shape: {approximate.N}x{approximate.K} vs {exact.N}x{exact.K}");
        long hits = 0;
        int k = exact.K;
        for (int i = 0; i < exact.N; i++)
        {
            var mine = new HashSet<int>(approximate.Indices.AsSpan(i * k, k).ToArray());
            for (int t = 0; t < k; t++) if (mine.Contains(exact.Indices[i * k + t])) hits++;
        }
        return hits / (double)((long)exact.N * k);
    }
}
