using SkiaSharp;

namespace NnViz.Plot;

/// <summary>How hard the PNG encoder works: small files for figures, fast frames for video (ffmpeg reads them once).</summary>
public enum PngEncoding { Small, Fast }

/// <summary>
/// Renders a <see cref="Figure"/> to PNG bytes (8-bit RGB, no alpha: figures have a white background) with ScottPlot
/// on a Skia raster surface (no converter program).
/// Same figure, same bytes on this machine; pixels come from Skia's native rasteriser, whose CPU-specific code paths
/// may differ in the last bit of an anti-aliased edge on another machine (see README).
/// </summary>
public static class PngRenderer
{
    public static byte[] Render(Figure figure, PngEncoding encoding = PngEncoding.Small)
    {
        lock (FigureRenderer.SkiaGate) return RenderLocked(figure, encoding);
    }

    private static byte[] RenderLocked(Figure figure, PngEncoding encoding)
    {
        var (w, h) = FigureRenderer.Size(figure);
        using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Skia could not create a {w}x{h} raster surface");
        FigureRenderer.Draw(surface.Canvas, figure);
        surface.Canvas.Flush();
        using var drawn = surface.PeekPixels();
        // The canvas starts white, so every pixel is opaque: the same pixels read as opaque make Skia's encoder write
        // RGB (colour type 2) instead of RGBA, a quarter less raw data, with the pixel values unchanged.
        using var pixmap = new SKPixmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque), drawn.GetPixels(), drawn.RowBytes);
        var options = encoding == PngEncoding.Fast
            ? new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 1)
            : new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9);
        using var data = pixmap.Encode(options) ?? throw new InvalidOperationException("Skia could not encode the figure as PNG");
        return data.ToArray();
    }
}

/// <summary>Writes a figure as SVG and PNG side by side (figures/x.svg and figures/x.png).</summary>
public static class FigureFiles
{
    /// <summary>Writes <paramref name="svgPath"/> and the PNG beside it (same name, .png); returns both paths.</summary>
    public static (string Svg, string Png) Write(Figure figure, string svgPath)
    {
        string png = Path.ChangeExtension(svgPath, ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(svgPath))!);
        File.WriteAllText(svgPath, SvgRenderer.Render(figure), new System.Text.UTF8Encoding(false));
        File.WriteAllBytes(png, PngRenderer.Render(figure));
        return (svgPath, png);
    }
}
