using NnViz.Engine;
using NnViz.Projection.Tsne;
using NnViz.Projection.Tsne.Fft;

namespace NnViz.Projection.Tests.Tsne;

/// <summary>The FFT-interpolated repulsion used from BarnesHutGradient.FftMinPoints points, on small layouts.</summary>
public class FftRepulsionTests
{
    private static double[] Clusters(int n, ulong seed, double separation)
    {
        var (y, _) = Synthetic.Blobs(new Rng(seed), n / 6, 6, 2, separation: separation, sd: separation / 12);
        return y;
    }

    /// <summary>sum_{j != i} w_ij and sum_j w_ij^2 (y_i - y_j) by brute force.</summary>
    private static (double[] Rep, double[] Z) Exact(double[] y, int n)
    {
        var rep = new double[2 * n];
        var z = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                if (j == i) continue;
                double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1], w = 1 / (1 + dx * dx + dy * dy);
                z[i] += w; rep[2 * i] += w * w * dx; rep[2 * i + 1] += w * w * dy;
            }
        return (rep, z);
    }

    [Theory]
    [InlineData(3.0)]   // early exaggeration's compact layout: the minimum of 50 boxes per side
    [InlineData(40.0)]  // a spread layout (extent ~ 150 units): boxes one unit wide or less
    public void AgreesWithTheExactSums(double separation)
    {
        int n = 1800;
        var y = Clusters(n, 31, separation);
        var (re, ze) = Exact(y, n);
        var rep = new double[2 * n];
        var z = new double[n];
        new FftRepulsion(n).Compute(y, rep, z);
        var repB = new double[2 * n];
        var zB = new double[n];
        new GroupedRepulsion(n, 0.5, false).Compute(y, repB, zB);
        var (zf, ff) = Errors(rep, z, re, ze);
        var (zb, fb) = Errors(repB, zB, re, ze);
        // openTSNE's default grid (3 nodes per unit-wide box) interpolates the kernel to about 1 % for close pairs:
        // on these dense clusters its errors are ~3x Barnes-Hut's at theta 0.5 (0.3 % / 0.6 %). A wrong weight,
        // offset or self term gives errors of order one.
        string msg = $"fft: Z rms rel {zf}, force rel {ff}, total Z {z.Sum()}; barnes-hut 0.5: {zb}, {fb}, {zB.Sum()}; exact total Z {ze.Sum()}";
        Assert.True(Math.Abs(z.Sum() - ze.Sum()) < 5e-3 * ze.Sum(), msg);
        Assert.True(zf < 1.5e-2 && ff < 3e-2, msg);
    }

    private static (double Z, double Force) Errors(double[] rep, double[] z, double[] re, double[] ze)
    {
        double zs = 0, err = 0, norm = 0;
        for (int i = 0; i < z.Length; i++)
        {
            zs += (z[i] - ze[i]) * (z[i] - ze[i]) / (ze[i] * ze[i]);
            for (int c = 0; c < 2; c++) { double t = rep[2 * i + c] - re[2 * i + c]; err += t * t; norm += re[2 * i + c] * re[2 * i + c]; }
        }
        return (Math.Sqrt(zs / z.Length), Math.Sqrt(err / norm));
    }

    [Fact]
    public void IsTheSameBitsOnOneThreadAndOnAll()
    {
        int n = 2400;
        var y = Clusters(n, 32, 20);
        var (r1, z1) = (new double[2 * n], new double[n]);
        var (r2, z2) = (new double[2 * n], new double[n]);
        new FftRepulsion(n).Compute(y, r1, z1);
        try
        {
            ComputeOptions.LimitDefaultThreads(1);
            new FftRepulsion(n).Compute(y, r2, z2);
        }
        finally { ComputeOptions.LimitDefaultThreads(Environment.ProcessorCount); }
        Assert.Equal(r1, r2);
        Assert.Equal(z1, z2);
    }

    [Fact]
    public void TheGridFollowsTheLayoutsExtent()
    {
        var f = new FftRepulsion(10);
        Assert.Equal((512, 0.5, 60), f.Grid(30));      // compact: boxes halved until there are at least 50
        Assert.Equal((512, 1.0, 80), f.Grid(79.5));    // spread: one-unit boxes, 240 nodes in 512
        Assert.Equal((1024, 1.0, 90), f.Grid(90));     // wider than 85 boxes: the next power of two
        Assert.Equal((512, 1.0, 45), f.Grid(45));      // 90 half-unit boxes would need 1024: 45 one-unit boxes instead
        Assert.Equal((512, 0.25, 46), f.Grid(11.5));   // the same below a unit
        Assert.Equal((512, 2.0, 75), new FftRepulsion(10, 2.0).Grid(150));   // wider boxes allowed: 225 nodes
        Assert.Equal(int.MaxValue, f.Grid(1e10).M);                          // far too wide: no grid (the tree takes it)
        var wide = new double[20];
        for (int i = 0; i < 20; i++) wide[i] = i * 1e9;
        var e = Assert.Throws<ArgumentException>(() => f.Compute(wide, new double[20], new double[10]));
        Assert.Contains("layout spans", e.Message);
    }

    [Fact]
    public void TheGradientSwitchesToTheTreeWhenTheGridOutgrowsTheCaches()
    {
        int n = 1800;
        var y = Clusters(n, 33, 10);
        var p = NnViz.Projection.Tsne.Affinities.FromNeighbors(NnViz.Projection.Neighbors.ExactKnn.Search(y, n, 2, 30), 10);
        var withFft = new BarnesHutGradient(p, 2, 0.5, FftRepulsion.MaxBoxWidth);
        var tree = new BarnesHutGradient(p, 2, 0.5, 0);
        var (g1, g2) = (new double[2 * n], new double[2 * n]);
        double z1 = withFft.Compute(y, 1, g1), z2 = tree.Compute(y, 1, g2);
        Assert.Equal(1, withFft.FftCalls);
        Assert.True(Math.Abs(z1 - z2) < 5e-3 * z2, $"Z: fft {z1} tree {z2}");
        double err = 0, norm = 0;
        for (int i = 0; i < 2 * n; i++) { err += (g1[i] - g2[i]) * (g1[i] - g2[i]); norm += g2[i] * g2[i]; }
        Assert.True(Math.Sqrt(err / norm) < 2e-2, $"relative gradient difference {Math.Sqrt(err / norm)}");
        var wide = y.Select(v => v * 20).ToArray();   // ~ 1,000 units across: a grid of 2,048+
        withFft.Compute(wide, 1, g1);
        tree.Compute(wide, 1, g2);
        Assert.Equal(1, withFft.FftCalls);
        Assert.Equal(g2, g1);
    }
}
