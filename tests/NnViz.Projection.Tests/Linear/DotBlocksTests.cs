using NnViz.Engine;
using NnViz.Projection.Linear;

namespace NnViz.Projection.Tests.Linear;

/// <summary>The blocked dot products, the right-looking Gram-Schmidt and the blocked PCA projection against the plain
/// one-Dot-at-a-time forms they replace, bit for bit (PCA coordinates and every figure built on them depend on it).</summary>
public class DotBlocksTests
{
    private static void SameBits(double expected, double actual, string what) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{what}: {actual:R} vs {expected:R}");

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(13)]
    [InlineData(784)]
    public void FourDotsHaveTheBitsOfFourSingleDots(int d)
    {
        var rng = new Rng((ulong)d + 1);
        var rows = Enumerable.Range(0, 5).Select(_ => Synthetic.Gaussian(rng, 1, d)).ToArray();
        var s = new double[4];
        DotBlocks.FourRows(rows[0], rows[1], rows[2], rows[3], rows[4], s);
        for (int j = 0; j < 4; j++) SameBits(Distances.Dot(rows[j], rows[4]), s[j], $"FourRows d={d} j={j}");
        DotBlocks.FourAxes(rows[4], rows[0], rows[1], rows[2], rows[3], s);
        for (int j = 0; j < 4; j++) SameBits(Distances.Dot(rows[4], rows[j]), s[j], $"FourAxes d={d} j={j}");
    }

    /// <summary>The row-by-row modified Gram-Schmidt the right-looking form must reproduce.</summary>
    private static void RowByRow(double[] v, int p, int n)
    {
        for (int c = 0; c < p; c++)
        {
            var row = v.AsSpan(c * n, n);
            for (int prev = 0; prev < c; prev++)
            {
                var q = new ReadOnlySpan<double>(v, prev * n, n);
                double dot = Distances.Dot(row, q);
                for (int i = 0; i < n; i++) row[i] -= dot * q[i];
            }
            double norm = Math.Sqrt(Distances.Dot(row, row));
            if (norm < 1e-300) { row.Clear(); row[c % n] = 1; continue; }
            for (int i = 0; i < n; i++) row[i] /= norm;
        }
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(6, 9)]
    [InlineData(11, 1001)]
    [InlineData(60, 784)]
    public void GramSchmidtKeepsTheRowByRowBits(int p, int n)
    {
        var v = Synthetic.Gaussian(new Rng((ulong)(p * n)), p, n);
        if (p > 4) Array.Clear(v, 3 * n, n); // row 3 is zero: it collapses and is replaced by a unit vector
        var expected = (double[])v.Clone();
        RowByRow(expected, p, n);
        SubspaceIteration.Orthonormalise(v, p, n);
        for (int i = 0; i < v.Length; i++) SameBits(expected[i], v[i], $"p={p} n={n} element {i}");
    }

    [Fact]
    public void ProjectionKeepsTheOneDotBits()
    {
        int n = 600, d = 37, k = 7;
        var rng = new Rng(5);
        var x = Synthetic.Gaussian(rng, n, d); var mean = Synthetic.Gaussian(rng, 1, d); var axes = Synthetic.Gaussian(rng, k, d);
        var coords = Pca.Project(x, n, d, k, mean, axes);
        var row = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++) row[j] = x[i * d + j] - mean[j];
            for (int c = 0; c < k; c++) SameBits(Distances.Dot(row, new ReadOnlySpan<double>(axes, c * d, d)), coords[i * k + c], $"row {i} axis {c}");
        }
    }
}
