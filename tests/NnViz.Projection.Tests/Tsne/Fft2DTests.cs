using NnViz.Engine;
using NnViz.Projection.Tsne.Fft;

namespace NnViz.Projection.Tests.Tsne;

/// <summary>The 2-D FFT behind the interpolated repulsion, against a direct (O(M^3), separable) DFT.</summary>
public class Fft2DTests
{
    /// <summary>Random values in the used x used corner of an M x M grid (compact, row-major).</summary>
    private static (double[] Re, double[] Im) Corner(int m, int used, ulong seed)
    {
        var rng = new Rng(seed);
        var (re, im) = (new double[m * m], new double[m * m]);
        for (int r = 0; r < used; r++)
            for (int c = 0; c < used; c++) { re[r * m + c] = rng.NextGaussian(); im[r * m + c] = rng.NextGaussian(); }
        return (re, im);
    }

    /// <summary>The compact grid laid out with the transform's row stride (the padding filled with garbage).</summary>
    private static double[] Padded(double[] g, Fft2D f)
    {
        int m = f.M;
        var p = new double[m * f.Stride];
        Array.Fill(p, double.NaN);
        for (int r = 0; r < m; r++) Array.Copy(g, r * m, p, r * f.Stride, m);
        return p;
    }

    private static double[] Compact(double[] p, Fft2D f)
    {
        int m = f.M;
        var g = new double[m * m];
        for (int r = 0; r < m; r++) Array.Copy(p, r * f.Stride, g, r * m, m);
        return g;
    }

    /// <summary>sum_{r,c} x[r,c] exp(-2 pi i (kr r + kc c) / M), rows then columns, each by the definition.</summary>
    private static (double[] Re, double[] Im) Dft(double[] re, double[] im, int m)
    {
        var (tr, ti) = (new double[m * m], new double[m * m]);
        for (int r = 0; r < m; r++)
            for (int k = 0; k < m; k++)
                for (int c = 0; c < m; c++)
                {
                    double a = -2 * Math.PI * ((long)k * c % m) / m, cr = Math.Cos(a), ci = Math.Sin(a);
                    tr[r * m + k] += re[r * m + c] * cr - im[r * m + c] * ci;
                    ti[r * m + k] += re[r * m + c] * ci + im[r * m + c] * cr;
                }
        var (or, oi) = (new double[m * m], new double[m * m]);
        for (int k = 0; k < m; k++)
            for (int c = 0; c < m; c++)
                for (int r = 0; r < m; r++)
                {
                    double a = -2 * Math.PI * ((long)k * r % m) / m, cr = Math.Cos(a), ci = Math.Sin(a);
                    or[k * m + c] += tr[r * m + c] * cr - ti[r * m + c] * ci;
                    oi[k * m + c] += tr[r * m + c] * ci + ti[r * m + c] * cr;
                }
        return (or, oi);
    }

    private static int Reverse(int v, int m)
    {
        int bits = System.Numerics.BitOperations.Log2((uint)m), r = 0;
        for (int b = 0; b < bits; b++) if ((v & (1 << b)) != 0) r |= 1 << (bits - 1 - b);
        return r;
    }

    [Theory]
    [InlineData(4, 2)]
    [InlineData(16, 16)]    // the whole grid used (the kernel's spectrum)
    [InlineData(16, 7)]     // a zero-padded corner: first stage pruned
    [InlineData(128, 128)]  // two column strips, vector butterflies along the rows
    [InlineData(128, 61)]
    public void ForwardIsTheDftInBitReversedOrder(int m, int used)
    {
        var (re, im) = Corner(m, used, (ulong)(m * 1000 + used));
        var (dr, di) = Dft(re, im, m);
        // Garbage outside the used corner must not be read when used <= M / 2.
        if (used <= m / 2) for (int r = 0; r < m; r++) for (int c = 0; c < m; c++) if (r >= used || c >= used) re[r * m + c] = double.NaN;
        var fft = new Fft2D(m);
        var (pr, pi) = (Padded(re, fft), Padded(im, fft));
        fft.Forward(pr, pi, used);
        (re, im) = (Compact(pr, fft), Compact(pi, fft));
        double worst = 0, scale = used;
        for (int kr = 0; kr < m; kr++)
            for (int kc = 0; kc < m; kc++)
            {
                int at = Reverse(kr, m) * m + Reverse(kc, m);
                worst = Math.Max(worst, Math.Abs(re[at] - dr[kr * m + kc]) + Math.Abs(im[at] - di[kr * m + kc]));
            }
        Assert.True(worst < 1e-12 * scale * m, $"largest error {worst}");
    }

    [Theory]
    [InlineData(16, 8)]
    [InlineData(128, 45)]
    public void InverseUndoesForwardOnTheUsedCorner(int m, int used)
    {
        var (re, im) = Corner(m, used, 7);
        var (r0, i0) = ((double[])re.Clone(), (double[])im.Clone());
        var fft = new Fft2D(m);
        var (pr, pi) = (Padded(re, fft), Padded(im, fft));
        fft.Forward(pr, pi, used);
        fft.Inverse(pr, pi, used);
        (re, im) = (Compact(pr, fft), Compact(pi, fft));
        for (int r = 0; r < used; r++)
            for (int c = 0; c < used; c++)
            {
                Assert.True(Math.Abs(re[r * m + c] - r0[r * m + c]) < 1e-13, $"re at ({r}, {c})");
                Assert.True(Math.Abs(im[r * m + c] - i0[r * m + c]) < 1e-13, $"im at ({r}, {c})");
            }
    }

    [Fact]
    public void ProductOfSpectraIsTheCyclicConvolution()
    {
        int m = 32, used = 12;
        var (a, ai) = Corner(m, used, 11);
        var (k, ki) = Corner(m, m, 12);
        Array.Clear(ki);
        var direct = new double[m * m];
        for (int r = 0; r < used; r++)
            for (int c = 0; c < used; c++)
                for (int s = 0; s < used; s++)
                    for (int t = 0; t < used; t++)
                        direct[r * m + c] += a[s * m + t] * k[(r - s + m) % m * m + (c - t + m) % m];
        var fft = new Fft2D(m);
        Array.Clear(ai);
        (a, ai, k, ki) = (Padded(a, fft), Padded(ai, fft), Padded(k, fft), Padded(ki, fft));
        fft.Forward(a, ai, used);
        fft.Forward(k, ki, m);
        for (int e = 0; e < a.Length; e++)
        {
            double pr = a[e] * k[e] - ai[e] * ki[e], pi = a[e] * ki[e] + ai[e] * k[e];
            a[e] = pr; ai[e] = pi;
        }
        fft.Inverse(a, ai, used);
        a = Compact(a, fft);
        for (int r = 0; r < used; r++)
            for (int c = 0; c < used; c++)
                Assert.True(Math.Abs(a[r * m + c] - direct[r * m + c]) < 1e-11, $"({r}, {c}): fft {a[r * m + c]} direct {direct[r * m + c]}");
    }

    [Fact]
    public void IsTheSameBitsOnOneThreadAndOnAll()
    {
        int m = 256, used = 100;
        var (re, im) = Corner(m, used, 13);
        (re, im) = (Padded(re, new Fft2D(m)), Padded(im, new Fft2D(m)));
        var (re1, im1) = ((double[])re.Clone(), (double[])im.Clone());
        new Fft2D(m).Forward(re, im, used);
        try
        {
            ComputeOptions.LimitDefaultThreads(1);
            new Fft2D(m).Forward(re1, im1, used);
        }
        finally { ComputeOptions.LimitDefaultThreads(Environment.ProcessorCount); }
        Assert.Equal(re, re1);
        Assert.Equal(im, im1);
    }

    [Fact]
    public void RejectsSizesThatAreNotPowersOfTwo()
    {
        Assert.Contains("power of two", Assert.Throws<ArgumentException>(() => new Fft2D(48)).Message);
        Assert.Contains("used corner", Assert.Throws<ArgumentException>(() => new Fft2D(16).Forward(new double[16 * 24], new double[16 * 24], 17)).Message);
    }
}
