using System.Text.RegularExpressions;

namespace NnViz.Plot.Tests;

public sealed class OutputFilesTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("nnviz-plot-files-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static Figure Bars() => Figure.Single("Test accuracy by model",
        new Panel([new BarMark([0.91, 0.87, 0.62], "#0072b2", "test accuracy") { CategoryLabels = ["MLP", "LSTM", "chance"], Colors = ["#0072b2", "#0072b2", "#999999"] }],
            "", new Axis("model"), new Axis("accuracy", new DataRange(0, 1))), 420, 300);

    [Fact]
    public void BarChartWithCategoryLabels()
    {
        string svg = FigureSnapshot.Match(Bars());
        foreach (string label in new[] { "MLP", "LSTM", "chance", "test accuracy", "accuracy" }) Assert.Matches($@">{label}</text>", svg);
        // Three bars as filled rectangles in their colours (the third grey), plus the legend's swatch in the mark colour.
        Assert.Equal(3, Regex.Matches(svg, "<rect fill=\"#0072B2\"").Count);
        Assert.Single(Regex.Matches(svg, "<rect fill=\"#999\""));
    }

    [Fact]
    public void FigureFilesWritesSvgAndPngSideBySide()
    {
        var (svg, png) = FigureFiles.Write(Bars(), Path.Combine(_dir.FullName, "figures", "bars.svg"));
        Assert.Equal(Path.Combine(_dir.FullName, "figures", "bars.png"), png);
        Assert.StartsWith("<svg ", File.ReadAllText(svg));
        byte[] bytes = File.ReadAllBytes(png);
        Assert.Equal(PngRenderer.Render(Bars()), bytes);
        using var bmp = SkiaSharp.SKBitmap.Decode(bytes);
        Assert.Equal((420, 300), (bmp.Width, bmp.Height));
    }

    [Fact]
    public void PngFramesAreWrittenInOrderAndReusedForTheSecondVideo()
    {
        var frames = Enumerable.Range(0, 3).Select(i => new AnimationFrame($"epoch {i}", Figure.Single($"epoch {i}",
            new Panel([new LineMark([0.0, 1.0], [0.0, i], "#0072b2")]), 160, 120))).ToList();
        var animation = new Animation("line", frames);
        var files = PngFrames.Write(animation, _dir.FullName);
        Assert.Equal(["frame_000.png", "frame_001.png", "frame_002.png"], files.Select(Path.GetFileName));
        Assert.Same(PngFrames.Render(animation), PngFrames.Render(animation)); // drawn once per animation
        Assert.Equal(PngRenderer.Render(frames[2].Figure, PngEncoding.Fast), File.ReadAllBytes(files[2]));
    }
}
