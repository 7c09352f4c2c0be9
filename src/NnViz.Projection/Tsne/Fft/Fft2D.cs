using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NnViz.Projection.Tsne.Fft;

/// <summary>
/// Power-of-two 2-D complex FFT on an M x M grid (real and imaginary parts in separate row-major arrays), for the
/// interpolated t-SNE repulsion. Radix-2, decimation in time; each 1-D transform runs down a strip of 8 columns with
/// 4-wide vectors (the columns are independent, so the bits depend on neither the thread count nor the vector width
/// of the machine: only Vector256 is used, with separate multiplies and adds). Rows are transformed by transposing.
/// The forward transform leaves the spectrum transposed (S(kr, kc) at [kc, kr]); <see cref="Inverse"/> expects that
/// layout, so products of two spectra computed here line up element by element.
/// </summary>
internal sealed class Fft2D
{
    private const int Strip = 8;
    private readonly double[] _cos, _sin;
    private readonly int[] _rev;

    public Fft2D(int m)
    {
        if (m < Strip || (m & (m - 1)) != 0) throw new ArgumentException($"FFT size: expected a power of two >= {Strip}, received {m}");
        M = m;
        _cos = new double[m / 2]; _sin = new double[m / 2];
        for (int k = 0; k < m / 2; k++) { double a = -2 * Math.PI * k / m; _cos[k] = Math.Cos(a); _sin[k] = Math.Sin(a); }
        _rev = new int[m];
        int bits = System.Numerics.BitOperations.Log2((uint)m);
        for (int r = 0; r < m; r++)
        {
            int v = 0;
            for (int b = 0; b < bits; b++) if ((r & (1 << b)) != 0) v |= 1 << (bits - 1 - b);
            _rev[r] = v;
        }
    }

    public int M { get; }

    /// <summary>Forward transform of a grid whose columns from <paramref name="usedColumns"/> on are zero.</summary>
    public void Forward(double[] re, double[] im, int usedColumns)
    {
        Columns(re, im, (usedColumns + Strip - 1) / Strip, inverse: false);
        Transpose(re, im);
        Columns(re, im, M / Strip, inverse: false);
    }

    /// <summary>Inverse transform (scaled by 1 / M^2) of a transposed spectrum; only rows and columns below
    /// <paramref name="usedColumns"/> of the result are valid afterwards.</summary>
    public void Inverse(double[] re, double[] im, int usedColumns)
    {
        Columns(re, im, M / Strip, inverse: true);
        Transpose(re, im);
        Columns(re, im, (usedColumns + Strip - 1) / Strip, inverse: true);
        double scale = 1.0 / ((double)M * M);
        Parallelism.ForChunks(usedColumns, 64, (a, b) =>
        {
            for (int r = a; r < b; r++)
                for (int c = r * M, end = c + usedColumns; c < end; c++) { re[c] *= scale; im[c] *= scale; }
        });
    }

    internal void Columns(double[] re, double[] im, int strips, bool inverse) =>
        Parallelism.ForChunks(strips, 4, (a, b) => { for (int s = a; s < b; s++) StripFft(re, im, s * Strip, inverse); });

    [ThreadStatic] private static double[]? _bufRe, _bufIm;

    /// <summary>The 1-D transform down columns c0..c0+7: copied (in bit-reversed row order) into a contiguous
    /// buffer, so the butterflies do not stride by a power-of-two row length, then copied back.</summary>
    private void StripFft(double[] re, double[] im, int c0, bool inverse)
    {
        int m = M;
        if (_bufRe is null || _bufRe.Length < m * Strip) { _bufRe = new double[m * Strip]; _bufIm = new double[m * Strip]; }
        double[] br = _bufRe, bi = _bufIm!;
        for (int r = 0; r < m; r++)
        {
            re.AsSpan(_rev[r] * m + c0, Strip).CopyTo(br.AsSpan(r * Strip, Strip));
            im.AsSpan(_rev[r] * m + c0, Strip).CopyTo(bi.AsSpan(r * Strip, Strip));
        }
        // Unchecked loads below: every index stays under m * Strip, the buffers' length or less.
        double sign = inverse ? -1 : 1;
        for (int half = 1; half < m; half *= 2)
        {
            int step = m / (2 * half);
            for (int k = 0; k < half; k++)
            {
                var wr = Vector256.Create(_cos[k * step]);
                var wi = Vector256.Create(sign * _sin[k * step]);
                for (int start = 0; start < m; start += 2 * half)
                {
                    int a = (start + k) * Strip, b = a + half * Strip;
                    Butterfly(br, bi, a, b, wr, wi);
                    Butterfly(br, bi, a + 4, b + 4, wr, wi);
                }
            }
        }
        for (int r = 0; r < m; r++)
        {
            br.AsSpan(r * Strip, Strip).CopyTo(re.AsSpan(r * m + c0, Strip));
            bi.AsSpan(r * Strip, Strip).CopyTo(im.AsSpan(r * m + c0, Strip));
        }
    }

    private static void Butterfly(double[] re, double[] im, int a, int b, Vector256<double> wr, Vector256<double> wi)
    {
        ref double r0 = ref MemoryMarshal.GetArrayDataReference(re);
        ref double i0 = ref MemoryMarshal.GetArrayDataReference(im);
        var br = Vector256.LoadUnsafe(ref r0, (nuint)b); var bi = Vector256.LoadUnsafe(ref i0, (nuint)b);
        var ar = Vector256.LoadUnsafe(ref r0, (nuint)a); var ai = Vector256.LoadUnsafe(ref i0, (nuint)a);
        var tr = br * wr - bi * wi;
        var ti = br * wi + bi * wr;
        (ar - tr).StoreUnsafe(ref r0, (nuint)b); (ai - ti).StoreUnsafe(ref i0, (nuint)b);
        (ar + tr).StoreUnsafe(ref r0, (nuint)a); (ai + ti).StoreUnsafe(ref i0, (nuint)a);
    }

    /// <summary>In-place transpose by 8 x 8 blocks; block row bi swaps its blocks with block column bi (pairs bi &lt;= bj).</summary>
    internal void Transpose(double[] re, double[] im)
    {
        int m = M, blocks = m / Strip;
        Parallelism.ForChunks(blocks, 4, (a, b) =>
        {
            for (int bi = a; bi < b; bi++)
                for (int bj = bi; bj < blocks; bj++)
                    for (int r = bi * Strip; r < bi * Strip + Strip; r++)
                        for (int c = bj * Strip; c < bj * Strip + Strip; c++)
                        {
                            if (bi == bj && c <= r) continue;
                            int p = r * m + c, q = c * m + r;
                            (re[p], re[q]) = (re[q], re[p]);
                            (im[p], im[q]) = (im[q], im[p]);
                        }
        });
    }
}
