using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NnViz.Projection.Tsne.Fft;

/// <summary>
/// Power-of-two 2-D complex FFT on an M x M grid (real and imaginary parts in separate row-major arrays whose rows
/// are <see cref="Stride"/> apart), for the
/// interpolated t-SNE repulsion's convolutions. Radix-2, in place, with no permutation and no transpose: the forward
/// transform is decimation in frequency (natural order in, spectrum in bit-reversed order along both axes out) and
/// the inverse is decimation in time (bit-reversed in, natural out), so a product of two spectra computed here lines
/// up element by element. Rows are transformed along their contiguous length; columns in strips of up to 32 adjacent
/// columns (one strip stays in the core's L2 cache at M = 1024), vectorised across the strip's columns. Only the
/// corner of <c>used</c> x <c>used</c> inputs may be non-zero and only that corner of the result is kept: the first
/// forward stage and the last inverse stage skip the zero / unwanted halves. Every value is computed by the same
/// operations whatever the thread count or the machine's vector width (only Vector256, separate multiplies and adds).
/// </summary>
internal sealed class Fft2D
{
    private readonly double[] _twRe, _twIm;   // stage with half-length h: W_{2h}^k = exp(-2 pi i k / 2h) at [h + k]
    private readonly int _strip;

    public Fft2D(int m)
    {
        if (m < 4 || (m & (m - 1)) != 0) throw new ArgumentException($"FFT size: expected a power of two >= 4, received {m}");
        M = m;
        Stride = m + 8;
        _strip = Math.Min(m, 32);
        var cos = new double[m / 2]; var sin = new double[m / 2];
        for (int k = 0; k < m / 2; k++) { double a = -2 * Math.PI * k / m; cos[k] = Math.Cos(a); sin[k] = Math.Sin(a); }
        _twRe = new double[m]; _twIm = new double[m];
        for (int h = 1; h < m; h *= 2)
            for (int k = 0; k < h; k++) { _twRe[h + k] = cos[k * (m / (2 * h))]; _twIm[h + k] = sin[k * (m / (2 * h))]; }
    }

    public int M { get; }

    /// <summary>Row length of the grids (M plus 8 unused values): with rows a power of two apart, a strip's rows would
    /// share a handful of cache sets and evict each other; the padding spreads them over all sets.</summary>
    public int Stride { get; }

    /// <summary>Forward transform of a grid that is zero outside rows and columns below <paramref name="used"/> (not
    /// even read there when used &lt;= M / 2); the whole spectrum is written, bit-reversed along both axes.</summary>
    public void Forward(double[] re, double[] im, int used)
    {
        Check(re, im, used);
        Parallelism.ForChunks(used, 16, (a, b) => { for (int r = a; r < b; r++) RowForward(re, im, r * Stride, used); });
        Parallelism.ForChunks(M / _strip, 1, (a, b) => { for (int s = a; s < b; s++) StripForward(re, im, s * _strip, used); });
    }

    /// <summary>Inverse transform (scaled by 1 / M^2) of a bit-reversed spectrum; only rows and columns below
    /// <paramref name="used"/> of the result are written, the rest of the grid is left undefined.</summary>
    public void Inverse(double[] re, double[] im, int used)
    {
        Check(re, im, used);
        Parallelism.ForChunks(M / _strip, 1, (a, b) => { for (int s = a; s < b; s++) StripInverse(re, im, s * _strip, used); });
        double scale = 1.0 / ((double)M * M);
        Parallelism.ForChunks(used, 16, (a, b) =>
        {
            for (int r = a; r < b; r++)
            {
                RowInverse(re, im, r * Stride, used);
                for (int c = r * Stride, end = c + used; c < end; c++) { re[c] *= scale; im[c] *= scale; }
            }
        });
    }

    private void Check(double[] re, double[] im, int used)
    {
        if (re.Length != M * Stride || im.Length != M * Stride) throw new ArgumentException($"FFT grid: expected {M} rows of {Stride} values, received {re.Length} and {im.Length}");
        if (used < 1 || used > M) throw new ArgumentException($"FFT used corner: expected 1..{M}, received {used}");
    }

    private Vector256<double> TwRe(int i) => Vector256.Create(_twRe, i);
    private Vector256<double> TwIm(int i) => Vector256.Create(_twIm, i);

    /// <summary>Decimation in frequency along one contiguous row of length M starting at o: stages h and h / 2
    /// fused while h / 2 holds a whole vector of butterflies, single stages below.</summary>
    private void RowForward(double[] re, double[] im, int o, int used)
    {
        int m = M, h = m / 2;
        if (used <= h) { FirstHalf(re, im, o, o + h, h, used); h /= 2; }
        for (; h >= 8; h /= 4)
        {
            int q = h / 2;
            for (int s = 0; s < m; s += 2 * h)
                for (int k = 0, a = o + s; k < q; k += 4)
                    Butterflies.Dif2(re, im, a + k, a + k + q, a + k + h, a + k + h + q,
                        TwRe(h + k), TwIm(h + k), TwRe(h + k + q), TwIm(h + k + q), TwRe(q + k), TwIm(q + k));
        }
        for (; h >= 1; h /= 2)
            for (int s = 0; s < m; s += 2 * h)
            {
                int a = o + s, b = a + h, k = 0;
                for (; h >= 4 && k < h; k += 4) Butterflies.Dif(re, im, a + k, b + k, TwRe(h + k), TwIm(h + k));
                for (; k < h; k++) Butterflies.DifScalar(re, im, a + k, b + k, _twRe[h + k], _twIm[h + k]);
            }
    }

    /// <summary>Decimation in time along one contiguous row: single stages up to a vector's width (and one more if
    /// the count left is odd), then pairs fused, then the last stage for columns below used only.</summary>
    private void RowInverse(double[] re, double[] im, int o, int used)
    {
        int m = M, top = m / 2, h = 1;
        for (; h < top && (h < 4 || int.PopCount(top / h - 1) % 2 == 1); h *= 2) RowDit(re, im, o, h, h);
        for (; h < top; h *= 4)
            for (int s = 0; s < m; s += 4 * h)
                for (int k = 0, a = o + s; k < h; k += 4)
                    Butterflies.Dit2(re, im, a + k, a + k + h, a + k + 2 * h, a + k + 3 * h,
                        TwRe(h + k), -TwIm(h + k), TwRe(2 * h + k), -TwIm(2 * h + k), TwRe(3 * h + k), -TwIm(3 * h + k));
        RowDit(re, im, o, top, Math.Min(top, used));
    }

    /// <summary>One inverse stage h along a row, butterflies k below end only (end &lt; h: their b halves unwritten).</summary>
    private void RowDit(double[] re, double[] im, int o, int h, int end)
    {
        for (int s = 0; s < M; s += 2 * h)
        {
            int a = o + s, b = a + h, k = 0;
            for (; h >= 4 && k + 4 <= end; k += 4) Butterflies.Dit(re, im, a + k, b + k, TwRe(h + k), -TwIm(h + k), end < h);
            for (; k < end; k++) Butterflies.DitScalar(re, im, a + k, b + k, _twRe[h + k], -_twIm[h + k], end < h);
        }
    }

    /// <summary>First forward stage when the upper half is zero: the lower half gets a times the twiddle; inputs at
    /// or past used are zero, so both halves are written as zero there without reading.</summary>
    private void FirstHalf(double[] re, double[] im, int a, int b, int h, int used)
    {
        for (int k = 0; k < h; k++)
        {
            if (k >= used) { re[a + k] = 0; im[a + k] = 0; re[b + k] = 0; im[b + k] = 0; continue; }
            double ar = re[a + k], ai = im[a + k], wr = _twRe[h + k], wi = _twIm[h + k];
            re[b + k] = ar * wr - ai * wi; im[b + k] = ar * wi + ai * wr;
        }
    }

    /// <summary>Decimation in frequency down the columns c0..c0+strip of every row, vectorised across the columns;
    /// stages paired as along the rows.</summary>
    private void StripForward(double[] re, double[] im, int c0, int used)
    {
        int m = M, w = _strip, st = Stride, h = m / 2;
        if (used <= h)
        {
            for (int k = 0; k < h; k++)
            {
                int a = k * st + c0, b = a + h * st;
                if (k >= used) { re.AsSpan(a, w).Clear(); im.AsSpan(a, w).Clear(); re.AsSpan(b, w).Clear(); im.AsSpan(b, w).Clear(); }
                else Rotate(re, im, a, b, w, _twRe[h + k], _twIm[h + k]);
            }
            h /= 2;
        }
        for (; h >= 2; h /= 4)
        {
            int q = h / 2;
            for (int s = 0; s < m; s += 2 * h)
                for (int k = 0; k < q; k++)
                {
                    int a = (s + k) * st + c0, dq = q * st, dh = h * st;
                    var (ar, ai, br, bi) = (Vector256.Create(_twRe[h + k]), Vector256.Create(_twIm[h + k]), Vector256.Create(_twRe[h + k + q]), Vector256.Create(_twIm[h + k + q]));
                    var (cr, ci) = (Vector256.Create(_twRe[q + k]), Vector256.Create(_twIm[q + k]));
                    for (int c = a; c < a + w; c += 4) Butterflies.Dif2(re, im, c, c + dq, c + dh, c + dh + dq, ar, ai, br, bi, cr, ci);
                }
        }
        if (h == 1)
            for (int s = 0; s < m; s += 2)
                for (int c = s * st + c0, end = c + w; c < end; c += 4) Butterflies.Dif(re, im, c, c + st, Vector256.Create(_twRe[1]), Vector256.Create(_twIm[1]));
    }

    /// <summary>Decimation in time down the strip's columns, paired stages; the last stage writes rows below used only.</summary>
    private void StripInverse(double[] re, double[] im, int c0, int used)
    {
        int m = M, top = m / 2, h = 1, st = Stride;
        if (int.PopCount(top - 1) % 2 == 1) { StripDit(re, im, c0, 1, 1); h = 2; }
        for (; h < top; h *= 4)
            for (int s = 0; s < m; s += 4 * h)
                for (int k = 0; k < h; k++)
                {
                    int a = (s + k) * st + c0, d = h * st;
                    var (gr, gi) = (Vector256.Create(_twRe[h + k]), -Vector256.Create(_twIm[h + k]));
                    var (ar, ai) = (Vector256.Create(_twRe[2 * h + k]), -Vector256.Create(_twIm[2 * h + k]));
                    var (br, bi) = (Vector256.Create(_twRe[3 * h + k]), -Vector256.Create(_twIm[3 * h + k]));
                    for (int c = a; c < a + _strip; c += 4) Butterflies.Dit2(re, im, c, c + d, c + 2 * d, c + 3 * d, gr, gi, ar, ai, br, bi);
                }
        StripDit(re, im, c0, top, Math.Min(top, used));
    }

    /// <summary>One inverse stage h down the strip, rows s + k for k below end only.</summary>
    private void StripDit(double[] re, double[] im, int c0, int h, int end)
    {
        int st = Stride;
        for (int s = 0; s < M; s += 2 * h)
            for (int k = 0; k < end; k++)
            {
                int a = (s + k) * st + c0, b = a + h * st;
                var wr = Vector256.Create(_twRe[h + k]); var wi = -Vector256.Create(_twIm[h + k]);
                for (int c = 0; c < _strip; c += 4) Butterflies.Dit(re, im, a + c, b + c, wr, wi, end < h);
            }
    }

    /// <summary>b = a * (wr + i wi) over w values (a multiple of 4), a unchanged.</summary>
    private static void Rotate(double[] re, double[] im, int a, int b, int w, double wr, double wi)
    {
        var vr = Vector256.Create(wr); var vi = Vector256.Create(wi);
        ref double r0 = ref MemoryMarshal.GetArrayDataReference(re);
        ref double i0 = ref MemoryMarshal.GetArrayDataReference(im);
        for (int c = 0; c < w; c += 4)
        {
            var ar = Vector256.LoadUnsafe(ref r0, (nuint)(a + c)); var ai = Vector256.LoadUnsafe(ref i0, (nuint)(a + c));
            (ar * vr - ai * vi).StoreUnsafe(ref r0, (nuint)(b + c)); (ar * vi + ai * vr).StoreUnsafe(ref i0, (nuint)(b + c));
        }
    }
}
