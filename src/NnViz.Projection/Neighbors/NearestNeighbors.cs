using NnViz.Engine;

namespace NnViz.Projection.Neighbors;

/// <summary>kNN search for the projections: exact brute force (see ExactKnn) below
/// <see cref="ApproximateMinPoints"/> points, the seeded, deterministic approximate search (see ApproximateKnn) from there,
/// where the exact search's n^2 cost would dominate a projection.</summary>
public static class NearestNeighbors
{
    /// <summary>From this many points the search is approximate: far above the ci and quick profiles' sizes, so their
    /// bits come from the exact search.</summary>
    public const int ApproximateMinPoints = 20_000;

    public static KnnGraph Search(double[] x, int n, int d, int k, Rng rng) =>
        n >= ApproximateMinPoints ? ApproximateKnn.Search(x, n, d, k, rng) : ExactKnn.Search(x, n, d, k);
}
