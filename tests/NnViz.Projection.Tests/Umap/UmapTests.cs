using NnViz.Engine;
using NnViz.Projection.Neighbors;
using NnViz.Projection.Quality;
using NnViz.Projection.Umap;
using UmapFit = NnViz.Projection.Umap.Umap;

namespace NnViz.Projection.Tests.Umap;

public class UmapTests
{
    [Fact]
    public void CalibrationMatchesAHandComputedCase()
    {
        // Neighbour distances 1, 2, 3 with k = 4 (self counted): rho = 1, and sigma solves
        // 1 + exp(-1/s) + exp(-2/s) = log2(4) = 2, i.e. with u = exp(-1/s): u + u^2 = 1, u = (sqrt 5 - 1)/2.
        var (sigma, rho) = FuzzySimplicialSet.Calibrate([1.0, 2.0, 3.0], 4);
        Assert.Equal(1.0, rho);
        double u = (Math.Sqrt(5) - 1) / 2;
        Assert.Equal(-1 / Math.Log(u), sigma, 4);
    }

    [Fact]
    public void FuzzyUnionOfATinyGraphMatchesHandComputedWeights()
    {
        // Four points on a line at 0, 1, 3, 6, two neighbours each (k = 3 with self).
        double[] x = [0, 1, 3, 6];
        var knn = ExactKnn.Search(x, 4, 1, 2);
        var g = FuzzySimplicialSet.Build(knn);
        // Directed memberships: rho_i = nearest distance, nearest gets 1, second exp(-(d2 - rho)/sigma).
        // Point 0: neighbours 1 (d 1), 2 (d 3): sigma solves 1 + exp(-2/s) = log2 3.
        double s0 = -2 / Math.Log(Math.Log2(3) - 1);
        double w02 = Math.Exp(-2 / s0);
        // Point 1: neighbours 0 (d 1), 2 (d 2): 1 + exp(-1/s) = log2 3.
        double s1 = -1 / Math.Log(Math.Log2(3) - 1);
        double w12 = Math.Exp(-1 / s1);
        // Point 2: neighbours 1 (d 2), 0 (d 3): w21 = 1, w20 = exp(-1/s1) (same gap as point 1).
        double w20 = w12;
        // Point 3: neighbours 2 (d 3), 1 (d 5): w32 = 1, w31 = exp(-2/s0).
        double w31 = w02;
        var expected = new Dictionary<(int, int), double>
        {
            [(0, 1)] = 1, // 1 + 1 - 1
            [(0, 2)] = w02 + w20 - w02 * w20,
            [(1, 2)] = w12 + 1 - w12,
            [(1, 3)] = w31,
            [(2, 3)] = 1,
        };
        Assert.Equal(2 * expected.Count, g.Heads.Length);
        for (int e = 0; e < g.Heads.Length; e++)
        {
            var key = (Math.Min(g.Heads[e], g.Tails[e]), Math.Max(g.Heads[e], g.Tails[e]));
            Assert.Equal(expected[key], g.Weights[e], 4); // the binary search stops within 1e-5 of its target
        }
    }

    [Fact]
    public void CurveParametersMatchUmapLearnDefaults()
    {
        var (a, b) = CurveFit.FindAB(1.0, 0.1);
        Assert.Equal(1.577, a, 2);
        Assert.Equal(0.895, b, 2);
    }

    [Fact]
    public void SeparatedBlobsStaySeparatedDeterministically()
    {
        var rng = new Rng(30);
        int n = 600, d = 10;
        var (x, labels) = Synthetic.Blobs(rng, n / 4, 4, d, separation: 6);
        var o = new UmapOptions { Epochs = 200 };
        var r = UmapFit.Fit(x, n, d, o, new Rng(5));
        var q = NeighborhoodQuality.Compute(x, n, d, r.Coordinates, 2);
        Assert.True(q.Trustworthiness > 0.9, $"trustworthiness {q.Trustworthiness}");
        Assert.Equal(1.0, ClassSeparation.KnnAccuracy(r.Coordinates, n, 2, labels));
        Assert.Equal(r.Coordinates, UmapFit.Fit(x, n, d, o, new Rng(5)).Coordinates);
    }
}
