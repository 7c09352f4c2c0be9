using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace NnViz.Plot;

/// <summary>
/// Filled contours of a field sampled on a regular grid (<c>Values[j * Xs.Length + i]</c> at (Xs[i], Ys[j])):
/// one band per pair of successive <see cref="Levels"/>, computed by <see cref="MarchingSquares.Band"/> and coloured by
/// <see cref="Map"/> at the band's middle on the scale [Levels[0], Levels[^1]]. <see cref="Boundary"/> draws the iso-line
/// at <see cref="BoundaryLevel"/> on top (a classifier's decision boundary). <see cref="Bar"/> adds a labelled colour bar.
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

    internal override void Draw(PanelDraw draw)
    {
        var bands = new ContourBandsPlottable(this);
        draw.Plot.Add.Plottable(bands);
        if (Bar is { } bar) draw.ColorBar(bands, bar.Title, bar.LowLabel, bar.HighLabel, PanelDraw.EdgeOf(bar.Side));
        if (Boundary is { } b)
            draw.LegendRows.Add(PlottableBase.LineItem($"boundary ({BoundaryLevel.ToString("0.##", CultureInfo.InvariantCulture)})",
                Theme.Of(b.Color, b.Opacity), 2, Theme.Pattern(b.Dash)));
    }
}

/// <summary>The bands (one path per band) and the boundary iso-line of a <see cref="FilledContourMark"/>.</summary>
internal sealed class ContourBandsPlottable(FilledContourMark mark) : PlottableBase, IHasColorAxis
{
    public IColormap Colormap { get; } = new BandedColormap(mark);

    public ScottPlot.Range GetRange() => new(mark.Levels[0], mark.Levels[^1]);

    public override AxisLimits GetAxisLimits() => new(mark.Xs[0], mark.Xs[^1], mark.Ys[0], mark.Ys[^1]);

    public override void Render(RenderPack rp)
    {
        bool opaque = mark.Opacity >= 1;
        for (int k = 0; k + 1 < mark.Levels.Length; k++)
        {
            var polys = MarchingSquares.Band(mark.Xs, mark.Ys, mark.Values, mark.Levels[k], mark.Levels[k + 1]);
            if (polys.Count == 0) continue;
            using var path = new SKPath();
            foreach (var (px, py) in polys)
            {
                for (int v = 0; v < px.Length; v++)
                    if (v == 0) path.MoveTo(Axes.GetPixelX(px[v]), Axes.GetPixelY(py[v]));
                    else path.LineTo(Axes.GetPixelX(px[v]), Axes.GetPixelY(py[v]));
                path.Close();
            }
            var color = Theme.Of(mark.BandColor(k), mark.Opacity);
            // Opaque bands: a thin stroke in the fill colour hides anti-aliasing seams between cell polygons. Translucent
            // bands are filled without anti-aliasing instead, so neighbouring cells tile exactly and never overlap.
            using var fill = Fill(color);
            fill.IsAntialias = opaque;
            rp.Canvas.DrawPath(path, fill);
            if (!opaque) continue;
            using var seam = Stroke(color, 0.6f);
            rp.Canvas.DrawPath(path, seam);
        }
        if (mark.Boundary is not { } style) return;
        using var line = new SKPath();
        foreach (var (x0, y0, x1, y1) in MarchingSquares.Line(mark.Xs, mark.Ys, mark.Values, mark.BoundaryLevel))
        {
            line.MoveTo(Axes.GetPixelX(x0), Axes.GetPixelY(y0));
            line.LineTo(Axes.GetPixelX(x1), Axes.GetPixelY(y1));
        }
        using var stroke = Stroke(Theme.Of(style.Color, style.Opacity), (float)style.Width, Theme.Pattern(style.Dash));
        rp.Canvas.DrawPath(line, stroke);
    }
}
