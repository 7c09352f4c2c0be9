using SkiaSharp;
using ScottPlot;

namespace NnViz.Plot;

/// <summary>
/// The common part of NnVizRepro's custom ScottPlot plottables (what ScottPlot has no plottable for): visible,
/// on the default axes, with optional legend rows. Subclasses say their data extent and draw on the render pack's
/// canvas, in ScottPlot's pixel space, with <see cref="Theme"/>'s font.
/// </summary>
internal abstract class PlottableBase : IPlottable
{
    public bool IsVisible { get; set; } = true;
    public IAxes Axes { get; set; } = new ScottPlot.Axes();
    public List<LegendItem> Legend { get; } = [];
    public IEnumerable<LegendItem> LegendItems => Legend;

    public abstract AxisLimits GetAxisLimits();
    public abstract void Render(RenderPack rp);

    /// <summary>A legend row with a line swatch.</summary>
    public static LegendItem LineItem(string label, Color color, float width = 2, LinePattern? pattern = null) => new()
    {
        LabelText = label, LineColor = color, LineWidth = width, LinePattern = pattern ?? LinePattern.Solid, MarkerShape = ScottPlot.MarkerShape.None,
    };

    /// <summary>A legend row with a marker swatch.</summary>
    public static LegendItem MarkerItem(string label, Color color, ScottPlot.MarkerShape shape) => new()
    {
        LabelText = label, MarkerShape = shape, MarkerFillColor = color, MarkerLineColor = color, MarkerSize = 8, LineWidth = 0,
    };

    protected static SKPaint Fill(Color c) => new() { Color = c.ToSKColor(), Style = SKPaintStyle.Fill, IsAntialias = true };

    protected static SKPaint Stroke(Color c, float width, LinePattern? pattern = null)
    {
        var p = new SKPaint { Color = c.ToSKColor(), Style = SKPaintStyle.Stroke, StrokeWidth = width, IsAntialias = true,
            StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Round };
        if (pattern is { Intervals.Length: > 0 } lp) p.PathEffect = SKPathEffect.CreateDash(lp.Intervals, lp.Phase);
        return p;
    }

    /// <summary>Draws text in the figures' font with its anchor at <paramref name="at"/>.</summary>
    protected static void Text(RenderPack rp, string text, Pixel at, float size, Color color, Alignment alignment, bool bold = false)
    {
        using var paint = Paint.NewDisposablePaint();
        Theme.Label(size, color, bold, alignment).Render(rp.Canvas, at, paint, SvgText.Clean(text), bottom: true);
    }

    protected static float Measure(string text, float size, bool bold = false)
    {
        using var paint = Paint.NewDisposablePaint();
        return Theme.Label(size, Colors.Black, bold).Measure(SvgText.Clean(text), paint).Width;
    }
}
