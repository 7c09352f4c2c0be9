using ScottPlot;
using SkiaSharp;

namespace NnViz.Plot;

/// <summary>
/// Draws a <see cref="Figure"/> on any Skia canvas (the SVG writer's or a PNG raster): white background, the figure
/// title, then each panel's ScottPlot plot in its cell of the small-multiple grid. Both outputs come from this one
/// drawing, so the SVG and the PNG of a figure show the same thing.
/// </summary>
internal static class FigureRenderer
{
    public const float TitleHeight = 30;

    /// <summary>
    /// One figure is drawn at a time in a process. Drawing frames two at a time crashed the process now and then
    /// (SIGSEGV inside libSkiaSharp, seen in moons' quick run and in test runs drawing from parallel test classes);
    /// ScottPlot does not promise thread safety and the shared typefaces are Skia objects, so every entry point that
    /// touches Skia (PNG, SVG, text measuring) takes this lock. Drawing is a small share of a run (about a fifth).
    /// </summary>
    internal static readonly object SkiaGate = new();

    public static (int Width, int Height) Size(Figure f) =>
        (Math.Max(1, (int)Math.Round(f.Width)), Math.Max(1, (int)Math.Round(f.Height)));

    public static void Draw(SKCanvas canvas, Figure figure)
    {
        Theme.EnsureFont();
        var (w, h) = Size(figure);
        using (var bg = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill })
            canvas.DrawRect(0, 0, w, h, bg);
        float top = 0;
        if (figure.Title.Length > 0)
        {
            var style = Theme.Label((float)SvgRenderer.TitleSize(figure.Title, w), Theme.Ink, bold: true, Alignment.UpperCenter);
            using var paint = Paint.NewDisposablePaint();
            style.Render(canvas, new Pixel(w / 2f, 8), paint, SvgText.Clean(figure.Title), bottom: true);
            top = TitleHeight;
        }
        var (cols, rows) = SvgRenderer.Grid(figure.Panels.Count, figure.Columns);
        float cw = (float)w / cols, ch = (h - top) / rows;
        for (int i = 0; i < figure.Panels.Count; i++)
        {
            float left = i % cols * cw, y0 = top + i / cols * ch;
            var rect = new PixelRect(left, left + cw, y0 + ch, y0);
            using var plot = PanelBuilder.Build(figure.Panels[i], rect);
            // ScottPlot renders again while the axis limits still move (autoscale, equal units); a raster hides the
            // overdraw but an SVG would keep every pass. Settle the layout on a canvas that draws nothing, then draw once.
            using (var settle = new SKNoDrawCanvas(w, h)) plot.Render(settle, rect);
            plot.Render(canvas, rect);
        }
    }

    /// <summary>The title's width in pixels at <paramref name="size"/>, measured with the pinned bold font.</summary>
    public static float MeasureTitle(string title, float size)
    {
        lock (SkiaGate)
        {
            Theme.EnsureFont();
            using var paint = Paint.NewDisposablePaint();
            return Theme.Label(size, Theme.Ink, bold: true).Measure(title, paint).Width;
        }
    }
}
