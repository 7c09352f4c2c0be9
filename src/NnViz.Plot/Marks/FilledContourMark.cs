using System.Globalization;

namespace NnViz.Plot;

/// <summary>
/// Filled contours of a field sampled on a regular grid (<c>Values[j * Xs.Length + i]</c> at (Xs[i], Ys[j])):
/// one band per pair of successive <see cref="Levels"/>, computed by <see cref="MarchingSquares.Band"/> and coloured by
/// <see cref="Map"/> at the band's middle on the scale [Levels[0], Levels[^1]]. <see cref="Boundary"/> draws the iso-line
/// at <see cref="BoundaryLevel"/> on top (a classifier's decision boundary). <see cref="Bar"/> adds a colour bar inside
/// the plot area, with a title and end labels that say what the colours mean.
/// </summary>
public sealed record FilledContourMark(double[] Xs, double[] Ys, double[] Values, double[] Levels, ColorMap Map) : Mark
{
    /// <summary>Fill opacity of the bands; below 1 keeps points drawn on top readable.</summary>
    public double Opacity { get; init; } = 1;
    public LineStyle? Boundary { get; init; }
    public double BoundaryLevel { get; init; } = 0.5;
    public ColorBar? Bar { get; init; }

    /// <summary>Levels lo, lo + step, ..., hi (rounded so 0.1 steps give 0.3, not 0.30000000000000004).</summary>
    public static double[] EvenLevels(double lo, double hi, double step)
    {
        int n = (int)Math.Round((hi - lo) / step);
        return [.. Enumerable.Range(0, n + 1).Select(k => Math.Round(lo + k * step, 10))];
    }

    /// <summary>The colour of band k (between Levels[k] and Levels[k + 1]).</summary>
    public Rgb BandColor(int k) => Map.At((Levels[k] + Levels[k + 1]) / 2, Levels[0], Levels[^1]);

    internal override Bounds? DataBounds() => new(Xs[0], Xs[^1], Ys[0], Ys[^1]);

    internal override void Render(RenderContext ctx)
    {
        ctx.OpenGroup(this, "contours");
        var sb = ctx.Sb;
        sb.Append("<g");
        // Group opacity composites the bands as one layer, so the seam-hiding strokes do not show through.
        if (Opacity < 1) sb.Append(" opacity=\"").AppendNum(Opacity).Append('"');
        sb.Append(">\n");
        for (int k = 0; k + 1 < Levels.Length; k++)
        {
            var polys = MarchingSquares.Band(Xs, Ys, Values, Levels[k], Levels[k + 1]);
            if (polys.Count == 0) continue;
            string color = BandColor(k).Hex;
            sb.Append("<path data-band=\"").Append(Levels[k].ToString("0.###", CultureInfo.InvariantCulture)).Append("\" d=\"");
            foreach (var (px, py) in polys)
            {
                for (int v = 0; v < px.Length; v++)
                    sb.Append(v == 0 ? 'M' : 'L').AppendNum(ctx.X.Map(px[v])).Append(',').AppendNum(ctx.Y.Map(py[v]));
                sb.Append('Z');
            }
            // A thin stroke in the fill colour hides the anti-aliasing seams between neighbouring cell polygons.
            sb.Append("\" fill=\"").Append(color).Append("\" stroke=\"").Append(color).Append("\" stroke-width=\"0.6\"/>\n");
        }
        sb.Append("</g>\n");
        if (Boundary is { } style)
        {
            sb.Append("<path class=\"boundary\" d=\"");
            foreach (var (x0, y0, x1, y1) in MarchingSquares.Line(Xs, Ys, Values, BoundaryLevel))
                sb.Append('M').AppendNum(ctx.X.Map(x0)).Append(',').AppendNum(ctx.Y.Map(y0)).Append('L').AppendNum(ctx.X.Map(x1)).Append(',').AppendNum(ctx.Y.Map(y1));
            sb.Append('"');
            ctx.StrokeAttributes(style);
            sb.Append("/>\n");
        }
        ctx.CloseGroup();
        Bar?.Render(ctx, this);
    }

    internal override IEnumerable<LegendEntry> LegendEntries() =>
        Boundary is { } b ? [new LegendEntry($"boundary ({BoundaryLevel.ToString("0.##", CultureInfo.InvariantCulture)})", b.Color, true, b.Dash)] : [];
}
