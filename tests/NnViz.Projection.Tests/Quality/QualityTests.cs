using NnViz.Engine;
using NnViz.Projection.Linear;
using NnViz.Projection.Quality;

namespace NnViz.Projection.Tests.Quality;

public class QualityTests
{
    /// <summary>Trustworthiness straight from the definition with full rank matrices (as sklearn computes it).</summary>
    private static double NaiveTrustworthiness(double[] high, int dh, double[] low, int dl, int n, int k)
    {
        int[][] Order(double[] x, int d) => Enumerable.Range(0, n).Select(i =>
            Enumerable.Range(0, n).Where(j => j != i)
                .OrderBy(j => Enumerable.Range(0, d).Sum(c => (x[i * d + c] - x[j * d + c]) * (x[i * d + c] - x[j * d + c])))
                .ThenBy(j => j).ToArray()).ToArray();
        var oh = Order(high, dh);
        var ol = Order(low, dl);
        double sum = 0;
        for (int i = 0; i < n; i++)
            foreach (var j in ol[i].Take(k))
            {
                int rank = Array.IndexOf(oh[i], j) + 1;
                if (rank > k) sum += rank - k;
            }
        return 1 - 2.0 / (n * k * (2.0 * n - 3 * k - 1)) * sum;
    }

    [Fact]
    public void TrustworthinessAndContinuityMatchTheDefinition()
    {
        var rng = new Rng(6);
        int n = 60, d = 5, k = 5;
        var x = Synthetic.Gaussian(rng, n, d);
        var y = Pca.Fit(x, n, d).Coordinates;
        var q = NeighborhoodQuality.Compute(x, n, d, y, 2, k);
        Assert.Equal(NaiveTrustworthiness(x, d, y, 2, n, k), q.Trustworthiness, 12);
        Assert.Equal(NaiveTrustworthiness(y, 2, x, d, n, k), q.Continuity, 12);
        Assert.InRange(q.Trustworthiness, 0.5, 0.99);
    }

    [Fact]
    public void ALayoutEqualToTheDataScoresOneAndARandomLayoutScoresLow()
    {
        var rng = new Rng(7);
        int n = 200;
        var x = Synthetic.Gaussian(rng, n, 2);
        var same = NeighborhoodQuality.Compute(x, n, 2, x, 2);
        Assert.Equal(1.0, same.Trustworthiness);
        Assert.Equal(1.0, same.Continuity);
        Assert.Equal(1.0, same.KnnRecall);
        var random = NeighborhoodQuality.Compute(x, n, 2, Synthetic.Gaussian(rng, n, 2), 2);
        Assert.InRange(random.Trustworthiness, 0.4, 0.6); // expected 0.5 for an unrelated layout
        Assert.InRange(random.KnnRecall, 0.0, 0.15);      // expected k/(n-1) = 0.05
    }

    [Fact]
    public void SeparatedBlobsAreClassifiedAndHaveHighSilhouetteShuffledLabelsDoNot()
    {
        var rng = new Rng(8);
        var (x, labels) = Synthetic.Blobs(rng, 40, 3, 2, separation: 20);
        int n = labels.Length;
        Assert.Equal(1.0, ClassSeparation.KnnAccuracy(x, n, 2, labels));
        Assert.True(ClassSeparation.Silhouette(x, n, 2, labels) > 0.8);
        var shuffled = (int[])labels.Clone();
        rng.Shuffle<int>(shuffled);
        Assert.True(ClassSeparation.KnnAccuracy(x, n, 2, shuffled) < 0.6);
        Assert.True(Math.Abs(ClassSeparation.Silhouette(x, n, 2, shuffled)) < 0.1);
    }

    [Fact]
    public void SilhouetteOfTwoPairsMatchesHandComputation()
    {
        // Points 0, 1 (class 0) at x = 0, 1; points 2, 3 (class 1) at x = 4, 6.
        double[] x = [0, 0, 1, 0, 4, 0, 6, 0];
        int[] labels = [0, 0, 1, 1];
        double s0 = (5.0 - 1) / 5, s1 = (4.0 - 1) / 4, s2 = (3.5 - 2) / 3.5, s3 = (5.5 - 2) / 5.5;
        Assert.Equal((s0 + s1 + s2 + s3) / 4, ClassSeparation.Silhouette(x, 4, 2, labels), 12);
    }

    [Fact]
    public void StabilityIsPerfectWhenTheLayoutIsTheDataAndFalseWhenShuffled()
    {
        var rng = new Rng(9);
        int n = 100, frames = 4;
        var high = new List<double[]> { Synthetic.Gaussian(rng, n, 2) };
        for (int t = 1; t < frames; t++)
        {
            var next = (double[])high[^1].Clone();
            for (int i = 0; i < n; i++) { double step = 0.3 * rng.NextDouble() * (i % 5); next[i * 2] += step; next[i * 2 + 1] -= 0.5 * step; }
            high.Add(next);
        }
        var s = TemporalStability.Compute(high, n, 2, high, 2);
        Assert.True(s.MovementCorrelation > 0.95, $"{s.MovementCorrelation}");
        Assert.Equal(frames - 1, s.PerTransitionCorrelation.Length);

        // Every frame a fresh random layout: movement on screen is unrelated to real movement.
        var random = high.Select(_ => Synthetic.Gaussian(rng, n, 2)).ToList();
        var r = TemporalStability.Compute(high, n, 2, random, 2);
        Assert.InRange(r.MovementCorrelation, -0.3, 0.3);
        Assert.True(r.MeanDisplacement > 5 * s.MeanDisplacement);
    }

    [Fact]
    public void PearsonMatchesKnownValues()
    {
        Assert.Equal(1.0, TemporalStability.Pearson([1, 2, 3], [2, 4, 6]), 12);
        Assert.Equal(-1.0, TemporalStability.Pearson([1, 2, 3], [3, 2, 1]), 12);
        Assert.Equal(1.75 / Math.Sqrt(5 * 2.1875), TemporalStability.Pearson([1, 2, 3, 4], [1, 3, 2, 2.5]), 12);
    }
}
