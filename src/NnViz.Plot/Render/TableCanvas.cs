using System.Text;
using ScottPlot;
using SkiaSharp;

namespace NnViz.Plot;

/// <summary>A rectangle in pixels (left, top, width, height) that a table mark lays itself out in.</summary>
internal readonly record struct PlotArea(double Left, double Top, double Width, double Height)
{
    public double Right => Left + Width;
    public double Bottom => Top + Height;
}

/// <summary>
/// What the table marks (<see cref="HeatmapMark"/>, <see cref="TokenStripMark"/>) draw with: cells and chips, text,
/// dotted underlines. One layout, two outputs: <see cref="SvgTableCanvas"/> writes SVG elements (each cell keeps its
/// own fill, outline and tooltip, which Skia's SVG canvas cannot write), <see cref="SkiaTableCanvas"/> draws the same
/// shapes on a raster for PNG.
/// </summary>
internal abstract class TableCanvas
{
    /// <summary>A custom plottable that lays a table mark out in the panel's pixel rectangle through a <see cref="TableCanvas"/>.</summary>
    public sealed class Plottable(Action<TableCanvas, PlotArea> draw) : PlottableBase
    {
        public override AxisLimits GetAxisLimits() => new(0, 1, 0, 1);

        public override void Render(RenderPack rp)
        {
            var a = rp.DataRect;
            Draw(rp, c => draw(c, new PlotArea(a.Left, a.Top, a.Width, a.Height)));
        }
    }

    public abstract void Rect(double x, double y, double w, double h, string fill, double opacity = 1, double radius = 0,
        string? stroke = null, double strokeWidth = 0, string? tooltip = null);

    public abstract void Text(double x, double y, string text, TextStyle style, double rotate = 0);

    public abstract void Dotted(double x1, double x2, double y, string color);

    /// <summary>The width of <paramref name="text"/> in the pinned font at <paramref name="size"/> (the same in SVG and PNG).</summary>
    public static double Measure(string text, double size)
    {
        lock (FigureRenderer.SkiaGate)
        {
            Theme.EnsureFont();
            using var font = new SKFont(Fonts.GetTypeface(Theme.Font, false, false), (float)size) { Subpixel = true };
            return font.MeasureText(SvgText.Clean(text));
        }
    }

    public virtual void OpenGroup(string cls) { }
    public virtual void CloseGroup() { }

    /// <summary>
    /// Runs <paramref name="draw"/> for a custom plottable: into an SVG fragment placed where the plottable is when an
    /// SVG is being written (<see cref="SvgOverlay"/>), otherwise on the render pack's canvas.
    /// </summary>
    public static void Draw(RenderPack rp, Action<TableCanvas> draw)
    {
        if (SvgOverlay.Active)
        {
            var svg = new SvgTableCanvas();
            draw(svg);
            SvgOverlay.Place(rp.Canvas, svg.ToString(), rp.DataRect.Left + 1, rp.DataRect.Top + 4);
        }
        else draw(new SkiaTableCanvas(rp.Canvas));
    }
}

/// <summary>Writes the table's shapes as SVG elements (coordinates to 2 decimals, text escaped and cleaned).</summary>
internal sealed class SvgTableCanvas : TableCanvas
{
    private readonly StringBuilder sb = new();

    public override void Rect(double x, double y, double w, double h, string fill, double opacity, double radius, string? stroke, double strokeWidth, string? tooltip)
    {
        sb.Append("<rect x=\"").AppendNum(x).Append("\" y=\"").AppendNum(y).Append("\" width=\"").AppendNum(w).Append("\" height=\"").AppendNum(h).Append('"');
        if (radius > 0) sb.Append(" rx=\"").AppendNum(radius).Append('"');
        sb.Append(" fill=\"").Append(fill).Append('"');
        if (opacity < 1) sb.Append(" fill-opacity=\"").AppendNum(opacity).Append('"');
        if (stroke is not null) sb.Append(" stroke=\"").Append(stroke).Append("\" stroke-width=\"").AppendNum(strokeWidth).Append('"');
        if (tooltip is not null) sb.Append("><title>").Append(SvgText.Escape(tooltip)).Append("</title></rect>\n");
        else sb.Append("/>\n");
    }

    public override void Text(double x, double y, string text, TextStyle style, double rotate)
    {
        sb.Append("<text x=\"").AppendNum(x).Append("\" y=\"").AppendNum(y).Append('"');
        if (style.Anchor != TextAnchor.Start) sb.Append(" text-anchor=\"").Append(SvgText.Anchor(style.Anchor)).Append('"');
        sb.Append(" font-size=\"").AppendNum(style.Size).Append("\" fill=\"").Append(style.Color).Append('"');
        if (style.Bold) sb.Append(" font-weight=\"bold\"");
        if (rotate != 0) sb.Append(" transform=\"rotate(").AppendNum(rotate).Append(' ').AppendNum(x).Append(' ').AppendNum(y).Append(")\"");
        sb.Append('>').Append(SvgText.Escape(text)).Append("</text>\n");
    }

    public override void Dotted(double x1, double x2, double y, string color) =>
        sb.Append("<path d=\"M").AppendNum(x1).Append(',').AppendNum(y).Append('H').AppendNum(x2)
          .Append("\" stroke=\"").Append(color).Append("\" stroke-width=\"1\" stroke-dasharray=\"1,2\"/>\n");

    public override void OpenGroup(string cls) => sb.Append("<g class=\"").Append(cls).Append("\">\n");
    public override void CloseGroup() => sb.Append("</g>\n");

    public override string ToString() => sb.ToString();
}

/// <summary>Draws the table's shapes with Skia in the pinned font (text anchored at its baseline, as in SVG).</summary>
internal sealed class SkiaTableCanvas(SKCanvas canvas) : TableCanvas
{
    public override void Rect(double x, double y, double w, double h, string fill, double opacity, double radius, string? stroke, double strokeWidth, string? tooltip)
    {
        var r = new SKRect((float)x, (float)y, (float)(x + w), (float)(y + h));
        if (fill != "none")
            using (var paint = new SKPaint { Color = Theme.Of(fill, opacity).ToSKColor(), Style = SKPaintStyle.Fill, IsAntialias = true })
                canvas.DrawRoundRect(r, (float)radius, (float)radius, paint);
        if (stroke is null || strokeWidth <= 0) return;
        using var line = new SKPaint { Color = Theme.Of(stroke).ToSKColor(), Style = SKPaintStyle.Stroke, StrokeWidth = (float)strokeWidth, IsAntialias = true };
        canvas.DrawRoundRect(r, (float)radius, (float)radius, line);
    }

    public override void Text(double x, double y, string text, TextStyle style, double rotate)
    {
        using var font = new SKFont(Fonts.GetTypeface(Theme.Font, style.Bold, false), (float)style.Size) { Subpixel = true, Edging = SKFontEdging.Antialias };
        using var paint = new SKPaint { Color = Theme.Of(style.Color).ToSKColor(), IsAntialias = true };
        var align = style.Anchor switch { TextAnchor.Middle => SKTextAlign.Center, TextAnchor.End => SKTextAlign.Right, _ => SKTextAlign.Left };
        canvas.Save();
        if (rotate != 0) canvas.RotateDegrees((float)rotate, (float)x, (float)y);
        canvas.DrawText(SvgText.Clean(text), (float)x, (float)y, align, font, paint);
        canvas.Restore();
    }

    public override void Dotted(double x1, double x2, double y, string color)
    {
        using var paint = new SKPaint { Color = Theme.Of(color).ToSKColor(), Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = true,
            PathEffect = SKPathEffect.CreateDash([1, 2], 0) };
        canvas.DrawLine((float)x1, (float)y, (float)x2, (float)y, paint);
    }
}

/// <summary>
/// SVG fragments that custom plottables write themselves while <see cref="SvgRenderer"/> draws a figure: each is
/// placed in Skia's output by a marker text (drawn where the plottable draws, so inside its panel's clip group and in
/// drawing order), and <see cref="Apply"/> swaps each marker for its fragment. Per thread: one figure at a time.
/// </summary>
internal static partial class SvgOverlay
{
    [ThreadStatic] private static List<string>? fragments;

    public static bool Active => fragments is not null;

    /// <summary>Starts collecting for one SVG on this thread; the list fills as plottables place fragments.</summary>
    public static IReadOnlyList<string> Begin() => fragments = [];

    public static void End() => fragments = null;

    /// <summary>Draws the marker at (<paramref name="x"/>, <paramref name="y"/>), inside the clip (Skia leaves out what it clips away).</summary>
    public static void Place(SKCanvas canvas, string fragment, float x, float y)
    {
        var list = fragments ?? throw new InvalidOperationException("no SVG is being written");
        using var font = new SKFont(Fonts.GetTypeface(Theme.Font, false, false), 4);
        using var paint = new SKPaint { Color = SKColors.Black };
        canvas.DrawText($"nnvizoverlay{list.Count}", x, y, SKTextAlign.Left, font, paint);
        list.Add(fragment);
    }

    /// <summary>Replaces each marker text element with its fragment.</summary>
    public static string Apply(string xml, IReadOnlyList<string> placed) =>
        placed.Count == 0 ? xml : Marker().Replace(xml, m => placed[int.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)].TrimEnd('\n'));

    [System.Text.RegularExpressions.GeneratedRegex("<text [^>]*>nnvizoverlay([0-9]+)</text>")]
    private static partial System.Text.RegularExpressions.Regex Marker();
}
