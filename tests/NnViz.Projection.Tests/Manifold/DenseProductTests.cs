using NnViz.Engine;
using NnViz.Projection.Linear;
using NnViz.Projection.Manifold;

namespace NnViz.Projection.Tests.Manifold;

/// <summary>The eigen-solver's blocked B V gives every entry the bits of one <see cref="Distances.Dot"/>, for
/// lengths with and without a scalar tail and block counts that leave vectors over.</summary>
public class DenseProductTests
{
    [Theory]
    [InlineData(2, 3)]
    [InlineData(13, 7)]
    [InlineData(64, 8)]
    [InlineData(101, 5)]
    public void EveryEntryEqualsOneDotBitForBit(int n, int p)
    {
        var rng = new Rng(11);
        var b = Enumerable.Range(0, n * n).Select(_ => rng.NextGaussian() * 1e3).ToArray();
        var v = Enumerable.Range(0, p * n).Select(_ => rng.NextGaussian()).ToArray();
        var w = new double[p * n];
        Isomap.MultiplyDense(b, n, v, w, p);
        for (int c = 0; c < p; c++)
            for (int i = 0; i < n; i++)
            {
                double expected = Distances.Dot(new ReadOnlySpan<double>(b, i * n, n), new ReadOnlySpan<double>(v, c * n, n));
                Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(w[c * n + i]),
                    $"row {i}, vector {c}: {w[c * n + i]:R}, one Dot gives {expected:R}");
            }
    }
}
