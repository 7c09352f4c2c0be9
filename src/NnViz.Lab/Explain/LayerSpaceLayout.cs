using NnViz.Engine;
using NnViz.Projection.Linear;
using NnViz.Projection.Manifold;

namespace NnViz.Lab.Explain;

/// <summary>One checkpoint's Isomap of one layer space, rotated onto the last checkpoint's layout (so the player's frames line up).</summary>
public sealed record SpaceFrame(double[] Coordinates, IsomapModel Model, ProcrustesResult? Alignment, double PreScale = 1);

/// <summary>
/// Isomap of a layer space per checkpoint (seed 004 uses Isomap because t-SNE and UMAP were too slow to stay
/// interactive), each frame scaled to the last frame's spread and aligned to it by orthogonal Procrustes (rotation, reflection, shift) so
/// only real change moves points. New points (the explorer's sentence) go through the same model and transform.
/// </summary>
public static class LayerSpaceLayout
{
    /// <summary>features[f]: the n x d features of checkpoint f; one Rng fork per frame ("isomap/{name}/{f}").</summary>
    public static SpaceFrame[] Fit(string name, IReadOnlyList<float[]> features, int n, int d, int neighbors, Rng rng)
    {
        var fits = features.Select((x, f) => Isomap.Fit(x, n, d, new IsomapOptions(2, Math.Min(neighbors, n - 1)), rng.Fork($"isomap/{name}/{f}"))).ToArray();
        var reference = fits[^1].Coordinates;
        return [.. fits.Select((r, f) =>
        {
            if (f == fits.Length - 1) return new SpaceFrame(r.Coordinates, r.Model, null);
            // Least-squares scaling shrinks a layout that is unlike the reference (an untrained model's) towards a dot;
            // matching the spread first and then rotating keeps every frame readable.
            double pre = Spread(reference, n) / Math.Max(Spread(r.Coordinates, n), 1e-300);
            var a = Procrustes.Align(reference, Array.ConvertAll(r.Coordinates, v => v * pre), n, 2, allowReflection: true, allowScaling: false);
            return new SpaceFrame(a.Aligned, r.Model, a, pre);
        })];
    }

    /// <summary>Places m new points (m x d) into a frame: Isomap's out-of-sample step, then the frame's alignment.</summary>
    public static double[] Place(SpaceFrame frame, double[] points, int m)
    {
        var y = frame.Model.Place(points, m);
        if (frame.Alignment is not { } a) return y;
        for (int i = 0; i < y.Length; i++) y[i] *= frame.PreScale;
        var r = new double[m * 2];
        for (int i = 0; i < m; i++)
            for (int c = 0; c < 2; c++)
            {
                double s = 0;
                for (int k = 0; k < 2; k++) s += (y[i * 2 + k] - a.MovingCentre[k]) * a.Rotation[k * 2 + c];
                r[i * 2 + c] = a.Scale * s + a.ReferenceCentre[c];
            }
        return r;
    }

    /// <summary>Root-mean-square distance of the points from their centre.</summary>
    private static double Spread(double[] xy, int n)
    {
        double mx = 0, my = 0, s = 0;
        for (int i = 0; i < n; i++) { mx += xy[2 * i]; my += xy[2 * i + 1]; }
        mx /= n; my /= n;
        for (int i = 0; i < n; i++) { double dx = xy[2 * i] - mx, dy = xy[2 * i + 1] - my; s += dx * dx + dy * dy; }
        return Math.Sqrt(s / n);
    }

    public static float[] ToFloat(double[] xy) => Array.ConvertAll(xy, v => (float)v);
}
