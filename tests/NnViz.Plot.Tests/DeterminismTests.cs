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
}
