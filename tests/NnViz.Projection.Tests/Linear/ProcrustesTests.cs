using NnViz.Engine;
using NnViz.Projection.Linear;

namespace NnViz.Projection.Tests.Linear;

public class ProcrustesTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RecoversAKnownSimilarityTransform(bool mirrored)
    {
        var rng = new Rng(4);
        int n = 50;
        var a = Synthetic.Gaussian(rng, n, 2);
        double angle = 1.1, s = 3.5, c = Math.Cos(angle), sn = Math.Sin(angle);
        var b = new double[n * 2];
        for (int i = 0; i < n; i++)
        {
            double x = a[i * 2], y = mirrored ? -a[i * 2 + 1] : a[i * 2 + 1];
            b[i * 2] = s * (c * x - sn * y) + 7;
            b[i * 2 + 1] = s * (sn * x + c * y) - 2;
        }
        var r = Procrustes.Align(a, b, n, 2);
        Assert.True(r.Residual < 1e-16, $"residual {r.Residual}");
        Assert.Equal(1 / s, r.Scale, 10);
        for (int i = 0; i < a.Length; i++) Assert.Equal(a[i], r.Aligned[i], 9);

        var proper = Procrustes.Align(a, b, n, 2, allowReflection: false);
        if (mirrored) Assert.True(proper.Residual > 1);
        else Assert.True(proper.Residual < 1e-12);
    }

    [Fact]
    public void ThreeDimensionalRotationIsRecovered()
    {
        var rng = new Rng(5);
        int n = 40;
        var a = Synthetic.Gaussian(rng, n, 3);
        // Rotation about z by 0.7 then about x by -0.4.
        double cz = Math.Cos(0.7), sz = Math.Sin(0.7), cx = Math.Cos(-0.4), sx = Math.Sin(-0.4);
        var b = new double[n * 3];
        for (int i = 0; i < n; i++)
        {
            double x = a[i * 3], y = a[i * 3 + 1], z = a[i * 3 + 2];
            double x1 = cz * x - sz * y, y1 = sz * x + cz * y;
            b[i * 3] = x1; b[i * 3 + 1] = cx * y1 - sx * z; b[i * 3 + 2] = sx * y1 + cx * z;
        }
        var r = Procrustes.Align(a, b, n, 3, allowReflection: false);
        for (int i = 0; i < a.Length; i++) Assert.Equal(a[i], r.Aligned[i], 9);
        Assert.Equal(1, r.Scale, 10);
    }
}
