using NnViz.Engine;
using NnViz.Projection.Linear;

namespace NnViz.Projection.Tests.Linear;

/// <summary>The randomized solver against the exact PCA on data with a decaying spectrum (a few strong directions plus
/// noise, like images): the same variances and the same subspace, deterministic for a seed.</summary>
public class RandomizedPcaTests
{
    private static double[] LowRankPlusNoise(int n, int d, int rank, ulong seed)
    {
        var rng = new Rng(seed);
        var basis = Synthetic.Gaussian(rng, rank, d);
        var x = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            for (int r = 0; r < rank; r++)
            {
                double w = rng.NextGaussian() * 10.0 / (r + 1);
                for (int j = 0; j < d; j++) x[i * d + j] += w * basis[r * d + j];
            }
            for (int j = 0; j < d; j++) x[i * d + j] += 0.1 * rng.NextGaussian() + 3;
        }
        return x;
    }

    [Fact]
    public void MatchesTheExactVariancesAndSubspace()
    {
        int n = 700, d = 150, k = 6;
        var x = LowRankPlusNoise(n, d, 12, 3);
        var exact = Pca.Fit(x, n, d, new PcaOptions(k, PcaSolver.Exact));
        var rand = Pca.Fit(x, n, d, new PcaOptions(k, PcaSolver.Randomized, Seed: 5));
        for (int c = 0; c < k; c++)
        {
            Assert.InRange(rand.ExplainedVariance[c] / exact.ExplainedVariance[c], 1 - 1e-4, 1 + 1e-4);
            Assert.InRange(rand.ExplainedVarianceRatio[c] - exact.ExplainedVarianceRatio[c], -1e-5, 1e-5);
        }
        Assert.InRange(RandomizedPca.SubspaceAngle(rand.Loadings, exact.Loadings, k, d), 0, 1e-3);
        // Same sign convention: each axis agrees with the exact one, coordinates included.
        for (int c = 0; c < k; c++)
        {
            double dot = 0;
            for (int j = 0; j < d; j++) dot += rand.Loadings[c * d + j] * exact.Loadings[c * d + j];
            Assert.True(dot > 0.999, $"axis {c}: cosine {dot}");
        }
        Assert.InRange(Math.Abs(rand.Coordinates[7 * k] - exact.Coordinates[7 * k]), 0, 1e-2 * Math.Abs(exact.Coordinates[7 * k]) + 1e-6);
    }

    [Fact]
    public void IsDeterministicForASeedAndDependsOnIt()
    {
        int n = 300, d = 60, k = 3;
        var x = LowRankPlusNoise(n, d, 8, 4);
        var a = Pca.Fit(x, n, d, new PcaOptions(k, PcaSolver.Randomized, Seed: 1));
        var b = Pca.Fit(x, n, d, new PcaOptions(k, PcaSolver.Randomized, Seed: 1));
        var c = Pca.Fit(x, n, d, new PcaOptions(k, PcaSolver.Randomized, Seed: 2));
        Assert.Equal(a.Coordinates, b.Coordinates);
        Assert.Equal(a.Loadings, b.Loadings);
        Assert.NotEqual(a.Loadings, c.Loadings);
    }

    [Fact]
    public void AutoStaysExactBelowTheThreshold()
    {
        Assert.Equal(PcaSolver.Exact, Pca.Choose(9_999, 784, 50));
        Assert.Equal(PcaSolver.Exact, Pca.Choose(70_000, 100, 2));
        Assert.Equal(PcaSolver.Exact, Pca.Choose(20_000, 784, 100));
        Assert.Equal(PcaSolver.Randomized, Pca.Choose(10_000, 784, 50));
        int n = 400, d = 30;
        var x = LowRankPlusNoise(n, d, 5, 6);
        Assert.Equal(Pca.Fit(x, n, d, new PcaOptions(2, PcaSolver.Exact)).Coordinates, Pca.Fit(x, n, d, new PcaOptions(2)).Coordinates);
    }
}
