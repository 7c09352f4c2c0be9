using NnViz.Engine;
using NnViz.Projection.Tsne;

namespace NnViz.Projection.Tests.Tsne;

/// <summary>The kernels t-SNE switches to for large layouts (from GroupedRepulsion.SinglePrecisionMinPoints points),
/// exercised here on small layouts by asking for them explicitly.</summary>
public class LargeLayoutTests
{
    /// <summary>A layout of six dense clusters (a t-SNE layout's shape) spanning tens of units like a real one; n a multiple of 6.</summary>
    private static double[] Clusters(int n, ulong seed)
    {
        var (y, _) = Synthetic.Blobs(new Rng(seed), n / 6, 6, 2, separation: 25, sd: 2);
        return y;
    }

    private static (double[] Rep, double[] Z) Repulsion(double[] y, int n, bool single)
    {
        var rep = new double[2 * n];
        var z = new double[n];
        new GroupedRepulsion(n, 0.5, single).Compute(y, rep, z);
        return (rep, z);
    }

    [Fact]
    public void SinglePrecisionRepulsionAgreesWithTheDoubleSums()
    {
        int n = 3000;
        var y = Clusters(n, 21);
        var (rd, zd) = Repulsion(y, n, single: false);
        var (rs, zs) = Repulsion(y, n, single: true);
        double err = 0, norm = 0;
        for (int i = 0; i < n; i++)
        {
            Assert.True(Math.Abs(zs[i] - zd[i]) <= 1e-5 * zd[i], $"Z_{i}: single {zs[i]} vs double {zd[i]}");
            for (int c = 0; c < 2; c++) { double t = rs[2 * i + c] - rd[2 * i + c]; err += t * t; norm += rd[2 * i + c] * rd[2 * i + c]; }
        }
        Assert.True(Math.Sqrt(err / norm) < 1e-5, $"relative force error {Math.Sqrt(err / norm)}");
    }

    [Fact]
    public void SinglePrecisionLeavesEachPointItselfOutAndKeepsItsDuplicates()
    {
        // Points on an integer grid, every fourth one doubled: a point's own leaf must lose exactly its own unit of
        // mass (Z would be off by 1 otherwise) and its twin must count fully (w = 1 at distance 0).
        int m = 400, n = m + m / 4;
        var y = new double[2 * n];
        for (int i = 0; i < m; i++) { y[2 * i] = i % 20 - 9.5; y[2 * i + 1] = i / 20 - 9.5; }
        for (int t = 0; t < m / 4; t++) { y[2 * (m + t)] = y[2 * (4 * t)]; y[2 * (m + t) + 1] = y[2 * (4 * t) + 1]; }
        var (rd, zd) = Repulsion(y, n, single: false);
        var (rs, zs) = Repulsion(y, n, single: true);
        for (int i = 0; i < n; i++)
        {
            Assert.True(Math.Abs(zs[i] - zd[i]) <= 1e-5 * zd[i], $"Z_{i}: single {zs[i]} vs double {zd[i]}");
            Assert.True(Math.Abs(rs[2 * i] - rd[2 * i]) <= 1e-5 * (1 + Math.Abs(rd[2 * i])), $"force_{i}");
        }
        // Brute force for one doubled point: its twin at distance 0 adds w = 1, itself nothing.
        double z0 = 0;
        for (int j = 1; j < n; j++) { double dx = y[0] - y[2 * j], dy = y[1] - y[2 * j + 1]; z0 += 1 / (1 + dx * dx + dy * dy); }
        Assert.True(Math.Abs(zs[0] - z0) < 0.05 * z0, $"Z_0 {zs[0]} vs brute force {z0}");
    }

    [Fact]
    public void SinglePrecisionRepulsionIsTheSameBitsEveryRun()
    {
        int n = 2400;
        var y = Clusters(n, 22);
        var (r1, z1) = Repulsion(y, n, single: true);
        var (r2, z2) = Repulsion(y, n, single: true);
        Assert.Equal(r1, r2);
        Assert.Equal(z1, z2);
    }
}
