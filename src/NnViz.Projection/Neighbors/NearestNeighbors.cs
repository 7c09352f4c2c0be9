using NnViz.Engine;

namespace NnViz.Projection.Neighbors;

/// <summary>kNN search: exact brute force (fast enough up to tens of thousands of points; see ExactKnn).</summary>
public static class NearestNeighbors
{
    public static KnnGraph Search(double[] x, int n, int d, int k, Rng rng)
    {
        _ = rng; // reserved for an approximate method on very large inputs
        return ExactKnn.Search(x, n, d, k);
    }
}
