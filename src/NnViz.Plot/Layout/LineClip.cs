namespace NnViz.Plot;

/// <summary>A line segment in data coordinates.</summary>
public readonly record struct Segment(double X1, double Y1, double X2, double Y2);

/// <summary>Clips the infinite line a*x + b*y + c = 0 to a rectangle (the visible part of a decision line).</summary>
public static class LineClip
{
    /// <summary>
    /// The part of a*x + b*y + c = 0 inside [x.Min, x.Max] x [y.Min, y.Max], ordered left to right (then bottom
    /// to top), or null when the line misses the rectangle, only touches a corner, or a = b = 0.
    /// </summary>
    public static Segment? Clip(double a, double b, double c, DataRange x, DataRange y)
    {
        if (!double.IsFinite(a) || !double.IsFinite(b) || !double.IsFinite(c) || (a == 0 && b == 0)) return null;
        // Tolerance relative to the box so a line through a corner is found from both edges it meets.
        double tx = 1e-12 * Math.Max(1, x.Span), ty = 1e-12 * Math.Max(1, y.Span);
        var hits = new List<(double X, double Y)>(4);
        if (b != 0)
            foreach (double xe in new[] { x.Min, x.Max })
            {
                double ye = -(a * xe + c) / b;
                if (ye >= y.Min - ty && ye <= y.Max + ty) hits.Add((xe, Math.Clamp(ye, y.Min, y.Max)));
            }
        if (a != 0)
            foreach (double ye in new[] { y.Min, y.Max })
            {
                double xe = -(b * ye + c) / a;
                if (xe >= x.Min - tx && xe <= x.Max + tx) hits.Add((Math.Clamp(xe, x.Min, x.Max), ye));
            }
        if (hits.Count < 2) return null;
        // The two hits farthest apart are the segment's ends (corner hits appear twice).
        var (p, q, best) = (hits[0], hits[1], -1.0);
        for (int i = 0; i < hits.Count; i++)
            for (int j = i + 1; j < hits.Count; j++)
            {
                double d = Sq(hits[i].X - hits[j].X) + Sq(hits[i].Y - hits[j].Y);
                if (d > best) (p, q, best) = (hits[i], hits[j], d);
            }
        if (best <= Sq(tx) + Sq(ty)) return null;
        if (q.X < p.X || (q.X == p.X && q.Y < p.Y)) (p, q) = (q, p);
        return new Segment(p.X, p.Y, q.X, q.Y);
    }

    private static double Sq(double v) => v * v;
}
