using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NnViz.Projection.Tsne.Fft;

/// <summary>
/// The radix-2 butterflies of <see cref="Fft2D"/> on split real / imaginary arrays, 4 lanes at a time (Vector256,
/// separate multiplies and adds, so the bits do not depend on the machine's vector width). The two-stage forms apply
/// two consecutive radix-2 stages to 4 values in registers: the same operations on every value as two single stages,
/// so the same bits, with half the passes over memory. Callers keep every index + 3 inside the arrays.
/// </summary>
internal static class Butterflies
{
    private static ref double At(double[] a) => ref MemoryMarshal.GetArrayDataReference(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double>, Vector256<double>) Load(double[] re, double[] im, int i) =>
        (Vector256.LoadUnsafe(ref At(re), (nuint)i), Vector256.LoadUnsafe(ref At(im), (nuint)i));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(double[] re, double[] im, int i, Vector256<double> r, Vector256<double> m)
    {
        r.StoreUnsafe(ref At(re), (nuint)i); m.StoreUnsafe(ref At(im), (nuint)i);
    }

    /// <summary>Decimation in frequency: a = a + b, b = (a - b) w.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dif(double[] re, double[] im, int a, int b, Vector256<double> wr, Vector256<double> wi)
    {
        var (ar, ai) = Load(re, im, a); var (br, bi) = Load(re, im, b);
        Store(re, im, a, ar + br, ai + bi);
        var dr = ar - br; var di = ai - bi;
        Store(re, im, b, dr * wr - di * wi, dr * wi + di * wr);
    }

    /// <summary>Decimation in time: t = b w, a = a + t, b = a - t (b not written when onlyA).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dit(double[] re, double[] im, int a, int b, Vector256<double> wr, Vector256<double> wi, bool onlyA)
    {
        var (br, bi) = Load(re, im, b); var (ar, ai) = Load(re, im, a);
        var tr = br * wr - bi * wi; var ti = br * wi + bi * wr;
        Store(re, im, a, ar + tr, ai + ti);
        if (!onlyA) Store(re, im, b, ar - tr, ai - ti);
    }

    /// <summary>Forward stages h and h / 2 on x0..x3 at p0 + {0, h/2, h, 3h/2} (strides folded into the indices):
    /// pairs (0, 2) by twiddle A and (1, 3) by B, then (0, 1) and (2, 3) by C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dif2(double[] re, double[] im, int p0, int p1, int p2, int p3,
        Vector256<double> ar, Vector256<double> ai, Vector256<double> br, Vector256<double> bi, Vector256<double> cr, Vector256<double> ci)
    {
        var (x0r, x0i) = Load(re, im, p0); var (x1r, x1i) = Load(re, im, p1);
        var (x2r, x2i) = Load(re, im, p2); var (x3r, x3i) = Load(re, im, p3);
        var (dr, di) = (x0r - x2r, x0i - x2i);
        (x0r, x0i) = (x0r + x2r, x0i + x2i);
        (x2r, x2i) = (dr * ar - di * ai, dr * ai + di * ar);
        (dr, di) = (x1r - x3r, x1i - x3i);
        (x1r, x1i) = (x1r + x3r, x1i + x3i);
        (x3r, x3i) = (dr * br - di * bi, dr * bi + di * br);
        (dr, di) = (x0r - x1r, x0i - x1i);
        Store(re, im, p0, x0r + x1r, x0i + x1i);
        Store(re, im, p1, dr * cr - di * ci, dr * ci + di * cr);
        (dr, di) = (x2r - x3r, x2i - x3i);
        Store(re, im, p2, x2r + x3r, x2i + x3i);
        Store(re, im, p3, dr * cr - di * ci, dr * ci + di * cr);
    }

    /// <summary>Inverse stages g and 2g on x0..x3 at p0 + {0, g, 2g, 3g}: pairs (0, 1) and (2, 3) by twiddle G,
    /// then (0, 2) by A and (1, 3) by B.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dit2(double[] re, double[] im, int p0, int p1, int p2, int p3,
        Vector256<double> gr, Vector256<double> gi, Vector256<double> ar, Vector256<double> ai, Vector256<double> br, Vector256<double> bi)
    {
        var (x0r, x0i) = Load(re, im, p0); var (x1r, x1i) = Load(re, im, p1);
        var (x2r, x2i) = Load(re, im, p2); var (x3r, x3i) = Load(re, im, p3);
        var (tr, ti) = (x1r * gr - x1i * gi, x1r * gi + x1i * gr);
        (x1r, x1i) = (x0r - tr, x0i - ti); (x0r, x0i) = (x0r + tr, x0i + ti);
        (tr, ti) = (x3r * gr - x3i * gi, x3r * gi + x3i * gr);
        (x3r, x3i) = (x2r - tr, x2i - ti); (x2r, x2i) = (x2r + tr, x2i + ti);
        (tr, ti) = (x2r * ar - x2i * ai, x2r * ai + x2i * ar);
        Store(re, im, p0, x0r + tr, x0i + ti); Store(re, im, p2, x0r - tr, x0i - ti);
        (tr, ti) = (x3r * br - x3i * bi, x3r * bi + x3i * br);
        Store(re, im, p1, x1r + tr, x1i + ti); Store(re, im, p3, x1r - tr, x1i - ti);
    }

    public static void DifScalar(double[] re, double[] im, int a, int b, double wr, double wi)
    {
        double ar = re[a], ai = im[a], br = re[b], bi = im[b];
        re[a] = ar + br; im[a] = ai + bi;
        double dr = ar - br, di = ai - bi;
        re[b] = dr * wr - di * wi; im[b] = dr * wi + di * wr;
    }

    public static void DitScalar(double[] re, double[] im, int a, int b, double wr, double wi, bool onlyA)
    {
        double br = re[b], bi = im[b], ar = re[a], ai = im[a];
        double tr = br * wr - bi * wi, ti = br * wi + bi * wr;
        re[a] = ar + tr; im[a] = ai + ti;
        if (onlyA) return;
        re[b] = ar - tr; im[b] = ai - ti;
    }
}
