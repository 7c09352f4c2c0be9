namespace NnViz.Plot.Tests;

/// <summary>Same figure, same bytes: whatever was drawn before in the process, and on one thread or two at once.</summary>
public class DeterminismTests
{
    private static Figure Sample(string title) => new(title, [SampleFigures.HiddenPlane(), SampleFigures.PolyFit("1-6-1")], 800, 380, Columns: 2);

    [Fact]
    public void SvgBytesDoNotDependOnEarlierFigures()
    {
        string first = SvgRenderer.Render(Sample("same"));
        for (int i = 0; i < 3; i++) SvgRenderer.Render(Sample($"other {i}")); // moves Skia's process-wide id counter
        Assert.Equal(first, SvgRenderer.Render(Sample("same")));
        Assert.DoesNotContain("id=\"cl_", first); // every id is renumbered per document and prefixed
    }

    [Fact]
    public void SvgAndPngAreTheSameOnOneThreadOrTwo()
    {
        var figures = Enumerable.Range(0, 6).Select(i => Sample($"frame {i}")).ToArray();
        string[] svgSerial = [.. figures.Select(SvgRenderer.Render)];
        byte[][] pngSerial = [.. figures.Select(f => PngRenderer.Render(f))];
        var svgParallel = new string[figures.Length];
        var pngParallel = new byte[figures.Length][];
        Parallel.For(0, figures.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            svgParallel[i] = SvgRenderer.Render(figures[i]);
            pngParallel[i] = PngRenderer.Render(figures[i]);
        });
        Assert.Equal(svgSerial, svgParallel);
        for (int i = 0; i < figures.Length; i++) Assert.Equal(pngSerial[i], pngParallel[i]);
    }

    [Fact]
    public void PngIsTheFiguresSizeWithAWhiteBackground()
    {
        byte[] png = PngRenderer.Render(Sample("size"));
        using var bmp = SkiaSharp.SKBitmap.Decode(png);
        Assert.Equal((800, 380), (bmp.Width, bmp.Height));
        Assert.Equal("#ffffff", FigureSnapshot.PixelAt(png, 1, 1));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Theory]
    [InlineData(PngEncoding.Small)]
    [InlineData(PngEncoding.Fast)]
    public void PngIsEightBitRgbWithThePixelsOfTheDrawing(PngEncoding encoding)
    {
        var figure = Sample("rgb");
        byte[] png = PngRenderer.Render(figure, encoding);
        Assert.Equal((byte)8, png[24]);   // IHDR: bit depth 8
        Assert.Equal((byte)2, png[25]);   // colour type 2 (RGB, no alpha channel)
        Assert.Equal(png, PngRenderer.Render(figure, encoding));

        // Lossless either way: both encodings decode to the same opaque pixels, white at the corner.
        using var decoded = SkiaSharp.SKBitmap.Decode(png);
        using var other = SkiaSharp.SKBitmap.Decode(PngRenderer.Render(figure, encoding == PngEncoding.Fast ? PngEncoding.Small : PngEncoding.Fast));
        Assert.Equal(other.Pixels, decoded.Pixels);
        Assert.All(decoded.Pixels, p => Assert.Equal((byte)255, p.Alpha));
        Assert.Equal(SkiaSharp.SKColors.White, decoded.GetPixel(0, 0));
    }
}
