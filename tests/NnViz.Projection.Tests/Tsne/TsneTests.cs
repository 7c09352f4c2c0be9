using NnViz.Engine;
using NnViz.Projection.Neighbors;
using NnViz.Projection.Quality;
using NnViz.Projection.Tsne;
using TsneFit = NnViz.Projection.Tsne.Tsne;

namespace NnViz.Projection.Tests.Tsne;

public class TsneTests
{
    [Fact]
    public void PerplexityCalibrationHitsTheTargetEntropy()
    {
        var rng = new Rng(10);
        var sq = Enumerable.Range(0, 60).Select(_ => 10 * rng.NextDouble()).ToArray();
        var p = new double[sq.Length];
        Affinities.Conditional(sq, 12, p);
        double h = -p.Where(v => v > 0).Sum(v => v * Math.Log(v));
        Assert.Equal(Math.Log(12), h, 4);
        Assert.Equal(1.0, p.Sum(), 12);
    }

    [Fact]
    public void ExactGradientMatchesFiniteDifferencesOfTheKlDivergence()
    {
        var rng = new Rng(11);
        int n = 15, d = 4, k = 2;
        var x = Synthetic.Gaussian(rng, n, d);
        var grad = new ExactGradient(Affinities.Dense(x, n, d, 4), n, k);
        var y = Synthetic.Gaussian(rng, n, k);
        var g = new double[n * k];
        grad.Compute(y, 1, g);
        const double h = 1e-6;
        for (int i = 0; i < y.Length; i++)
        {
            double keep = y[i];
            y[i] = keep + h; double up = grad.KlDivergence(y);
            y[i] = keep - h; double down = grad.KlDivergence(y);
            y[i] = keep;
            // Our gradient omits van der Maaten's constant factor 4 (bhtsne units).
            Assert.Equal((up - down) / (2 * h), 4 * g[i], 6);
        }
    }

    [Fact]
    public void BarnesHutWithThetaZeroEqualsTheExactGradientAndIsCloseAtHalf()
    {
        var rng = new Rng(12);
        int n = 40, d = 5;
        var x = Synthetic.Gaussian(rng, n, d);
        var y = Synthetic.Gaussian(rng, n, 2);
        // All n-1 neighbours: the sparse P equals the dense one.
        var sparse = Affinities.FromNeighbors(ExactKnn.Search(x, n, d, n - 1), 8);
        var exact = new double[n * 2];
        double zExact = new ExactGradient(Affinities.Dense(x, n, d, 8), n, 2).Compute(y, 3, exact);
        var bh0 = new double[n * 2];
        double z0 = new BarnesHutGradient(sparse, 2, 0).Compute(y, 3, bh0);
        Assert.Equal(zExact, z0, 9);
        for (int i = 0; i < exact.Length; i++) Assert.Equal(exact[i], bh0[i], 10);

        var bh5 = new double[n * 2];
        new BarnesHutGradient(sparse, 2, 0.5).Compute(y, 3, bh5);
        double err = 0, norm = 0;
        for (int i = 0; i < exact.Length; i++) { err += (bh5[i] - exact[i]) * (bh5[i] - exact[i]); norm += exact[i] * exact[i]; }
        Assert.True(Math.Sqrt(err / norm) < 0.05, $"relative error {Math.Sqrt(err / norm)}");
    }

    [Theory]
    [InlineData(TsneMethod.Exact, 300)]
    [InlineData(TsneMethod.BarnesHut, 1000)]
    public void SeparatedBlobsStaySeparatedAndNeighbourhoodsAreTrustworthy(TsneMethod method, int n)
    {
        var rng = new Rng(13);
        int blobs = 5, d = 10;
        var (x, labels) = Synthetic.Blobs(rng, n / blobs, blobs, d, separation: 6);
        var r = TsneFit.Fit(x, n, d, new TsneOptions { Method = method, Iterations = 500 }, rng.Fork("tsne"));
        Assert.Equal(method, r.Method);
        Assert.True(double.IsFinite(r.KlDivergence) && r.KlDivergence > 0);
        var q = NeighborhoodQuality.Compute(x, n, d, r.Coordinates, 2);
        Assert.True(q.Trustworthiness > 0.95, $"trustworthiness {q.Trustworthiness}");
        Assert.Equal(1.0, ClassSeparation.KnnAccuracy(r.Coordinates, n, 2, labels));
    }

    [Fact]
    public void SameSeedGivesTheSameBits()
    {
        int n = 900, d = 6;
        var (x, _) = Synthetic.Blobs(new Rng(14), n / 3, 3, d);
        var o = new TsneOptions { Iterations = 60, EarlyIterations = 30 };
        var a = TsneFit.Fit(x, n, d, o, new Rng(1));
        var b = TsneFit.Fit(x, n, d, o, new Rng(1));
        Assert.Equal(TsneMethod.BarnesHut, a.Method);
        Assert.Equal(a.Coordinates, b.Coordinates);
    }
}
