using NnViz.Engine;
using NnViz.Projection.Neighbors;

namespace NnViz.Projection.Tests.Neighbors;

public class ApproximateKnnTests
{
    [Fact]
    public void RecallAgainstTheExactSearchIsHigh()
    {
        // 3,000 points in 12 overlapping blobs of 10-D: many leaves per blob, so the trees alone do not suffice.
        var (x, _) = Synthetic.Blobs(new Rng(11), 250, 12, 10, separation: 3);
        int n = 3000, d = 10, k = 15;
        var exact = ExactKnn.Search(x, n, d, k);
        var approx = ApproximateKnn.Search(x, n, d, k, new Rng(1));
        double recall = ApproximateKnn.Recall(approx, exact);
        Assert.InRange(recall, 0.98, 1.0);
        for (int i = 0; i < n; i++)
            for (int t = 0; t < k; t++)
            {
                int j = approx.Indices[i * k + t];
                Assert.NotEqual(i, j);
                double dd = Math.Sqrt(NnViz.Projection.Linear.Distances.SquaredEuclidean(x.AsSpan(i * d, d), x.AsSpan(j * d, d)));
                Assert.Equal(dd, approx.Distances[i * k + t]);
                if (t > 0) Assert.True(approx.Distances[i * k + t - 1] <= approx.Distances[i * k + t], "sorted nearest first");
            }
    }

    [Fact]
    public void IsDeterministicForASeed()
    {
        var (x, _) = Synthetic.Blobs(new Rng(12), 200, 5, 8, separation: 4);
        int n = 1000, d = 8, k = 10;
        var a = ApproximateKnn.Search(x, n, d, k, new Rng(3));
        var b = ApproximateKnn.Search(x, n, d, k, new Rng(3));
        Assert.Equal(a.Indices, b.Indices);
        Assert.Equal(a.Distances, b.Distances);
        Assert.Equal(1.0, ApproximateKnn.Recall(a, b));
    }

    [Fact]
    public void IsTheSameGraphOnOneThreadAndOnAll()
    {
        // 2,500 points of 13-D: several fixed chunks of queries, float rows padded to 16 (one full and one half vector).
        var (x, _) = Synthetic.Blobs(new Rng(14), 500, 5, 13, separation: 3);
        int n = 2500, d = 13, k = 12;
        var all = ApproximateKnn.Search(x, n, d, k, new Rng(4));
        KnnGraph one;
        try
        {
            ComputeOptions.LimitDefaultThreads(1);
            one = ApproximateKnn.Search(x, n, d, k, new Rng(4));
        }
        finally { ComputeOptions.LimitDefaultThreads(Environment.ProcessorCount); }
        Assert.Equal(all.Indices, one.Indices);
        Assert.Equal(all.Distances, one.Distances);
        Assert.InRange(ApproximateKnn.Recall(all, ExactKnn.Search(x, n, d, k)), 0.98, 1.0);
    }

    [Fact]
    public void SmallInputsUseTheExactSearch()
    {
        var (x, _) = Synthetic.Blobs(new Rng(13), 100, 3, 4);
        Assert.True(300 < NearestNeighbors.ApproximateMinPoints);
        var viaDispatcher = NearestNeighbors.Search(x, 300, 4, 7, new Rng(1));
        var exact = ExactKnn.Search(x, 300, 4, 7);
        Assert.Equal(exact.Indices, viaDispatcher.Indices);
        Assert.Throws<ArgumentException>(() => ApproximateKnn.Search(x, 300, 4, 300, new Rng(1)));
    }
}
