using System.Runtime.Intrinsics;

namespace NnViz.Projection.Tsne;

/// <summary>
/// The grouped Barnes-Hut sums of <see cref="GroupedRepulsion"/> in single precision, 8 lanes per vector in a fixed
/// lane order (same bits with any thread count and with or without AVX-512), used for large layouts. Coordinates are
/// taken relative to the group's centre before rounding to float, so points near the group keep their small offsets
/// to full float precision: a cell holding only point i then sits at offset exactly 0 from it (i's own leaf is
/// recognised as in the double sums), and two distinct nearby points do not collapse onto one float position.
/// Each lane accumulates in float; the lanes are added in double.
/// </summary>
internal static class SingleRepulsion
{
    [ThreadStatic] private static float[]? _x, _y, _m, _leaf;

    public static void SumList(double[] y, int[] order, int a, int b, double bx, double by,
        List<double> lx, List<double> ly, List<double> lm, List<double> leaf, double[] rep, double[] rowZ)
    {
        int len = (lx.Count + 7) & ~7;
        if (_x is null || _x.Length < len)
        {
            int cap = Math.Max(len, 1024);
            _x = new float[cap]; _y = new float[cap]; _m = new float[cap]; _leaf = new float[cap];
        }
        float[] sx = _x, sy = _y!, sm = _m!, sl = _leaf!;
        for (int e = 0; e < lx.Count; e++)
        {
            sx[e] = (float)(lx[e] - bx); sy[e] = (float)(ly[e] - by); sm[e] = (float)lm[e]; sl[e] = (float)leaf[e];
        }
        // Padding: zero mass at the group's centre, so it adds nothing (d2 > 0 keeps the self test off for it too
        // unless a point sits exactly at the centre, where mass 0 minus leaf flag 0 is still 0).
        for (int e = lx.Count; e < len; e++) { sx[e] = 0; sy[e] = 0; sm[e] = 0; sl[e] = 0; }
        var one = Vector256.Create(1f);
        for (int s = a; s < b; s++)
        {
            int i = order[s];
            var px = Vector256.Create((float)(y[2 * i] - bx));
            var py = Vector256.Create((float)(y[2 * i + 1] - by));
            var z = Vector256<float>.Zero; var fx = Vector256<float>.Zero; var fy = Vector256<float>.Zero;
            for (int e = 0; e < len; e += 8)
            {
                var dx = px - Vector256.Create(sx.AsSpan(e, 8));
                var dy = py - Vector256.Create(sy.AsSpan(e, 8));
                var d2 = dx * dx + dy * dy;
                var w = one / (one + d2);
                var self = Vector256.ConditionalSelect(Vector256.Equals(d2, Vector256<float>.Zero), Vector256.Create(sl.AsSpan(e, 8)), Vector256<float>.Zero);
                var mw = (Vector256.Create(sm.AsSpan(e, 8)) - self) * w;
                z += mw;
                var mww = mw * w;
                fx += mww * dx; fy += mww * dy;
            }
            rowZ[i] = Lanes(z); rep[2 * i] = Lanes(fx); rep[2 * i + 1] = Lanes(fy);
        }
    }

    /// <summary>The 8 lanes added in double, pairwise in a fixed order.</summary>
    private static double Lanes(Vector256<float> v)
    {
        double s0 = (double)v.GetElement(0) + v.GetElement(1), s1 = (double)v.GetElement(2) + v.GetElement(3);
        double s2 = (double)v.GetElement(4) + v.GetElement(5), s3 = (double)v.GetElement(6) + v.GetElement(7);
        return (s0 + s1) + (s2 + s3);
    }
}
