namespace NnViz.Plot.Tests;

public class ImageGridMarkTests
{
    /// <summary>Twelve 28x28 "weights": oriented sinusoid stripes under a Gaussian window (closed form, signed).</summary>
    private static float[] Stripes(int count)
    {
        var p = new float[count * 28 * 28];
        for (int n = 0; n < count; n++)
        {
            double th = Math.PI * n / count, f = 0.25 + 0.05 * (n % 3);
            for (int y = 0; y < 28; y++)
                for (int x = 0; x < 28; x++)
                {
                    double u = x - 13.5, v = y - 13.5;
                    double g = Math.Exp(-(u * u + v * v) / 80);
                    p[(n * 28 + y) * 28 + x] = (float)(0.3 * g * Math.Cos(f * (u * Math.Cos(th) + v * Math.Sin(th))) * (1 + n / 12.0));
                }
        }
        return p;
    }

    [Fact]
    public void NeuronWeightsGrid()
    {
        float[] w = Stripes(12);
        var scale = ColorScale.Symmetric(ColorMap.RdBu, ImageGridMark.MaxAbs(w), "weight", "negative", "positive");
        var mark = new ImageGridMark(w, 12, 28, 28, scale) { Columns = 6, Labels = [.. Enumerable.Range(0, 12).Select(i => $"unit {i}")] };
        string svg = FigureSnapshot.Match(Figure.Single("First-layer weights, epoch 1", new Panel([mark]), 520, 300));
        // All twelve tiles are one embedded image at the data's own resolution (plus the colour bar's), kept sharp.
        Assert.Equal(2, svg.Split("<image ").Length - 1);
        Assert.Equal(2, svg.Split("image-rendering:pixelated").Length - 1);
        Assert.Contains("width=\"519\" height=\"189\"", svg); // (6 x 28 + 5 one-pixel gaps) x 3 wide; (2 x 28 + a 7-pixel caption gap) x 3 high
        Assert.True(svg.Length < 60_000, $"{svg.Length} bytes");
    }

    /// <summary>
    /// Tiles fill the panel and stay sharp: the grid uses all the width or all the height left beside the colour bar,
    /// tiles are square, and every screen pixel of a +-0.5 checkerboard is exactly one of its two colours or the white
    /// gap (nothing blended), each image pixel a block floor(k) or ceil(k) screen pixels wide and high.
    /// </summary>
    [Theory]
    [InlineData(520, 300, "")]
    [InlineData(480, 540, "epoch 1 · acc 0.731")]
    [InlineData(333, 211, "")]
    [InlineData(301, 200, "")] // a whole scale: (301 - 2 x 18) / 53 = 5, so 5 x 5 blocks
    public void TilesFillThePanelAsSharpSquares(int width, int height, string title)
    {
        const int count = 12, cols = 6, size = 8;
        var p = new float[count * size * size];
        for (int i = 0; i < p.Length; i++) p[i] = (i % size + i / size % size) % 2 == 0 ? 0.5f : -0.5f;
        var scale = ColorScale.Symmetric(ColorMap.RdBu, 1, "weight");
        var mark = new ImageGridMark(p, count, size, size, scale) { Columns = cols };
        using var bmp = SkiaSharp.SKBitmap.Decode(PngRenderer.Render(Figure.Single("", new Panel([mark], title), width, height)));
        Rgb plus = scale.ColorOf(0.5), minus = scale.ColorOf(-0.5), white = new(255, 255, 255);
        bool Tile(int x, int y) => Near(bmp.GetPixel(x, y), plus) || Near(bmp.GetPixel(x, y), minus);
        // The grid's box: rows and columns with many tile pixels (the colour bar below holds each colour only a few pixels wide).
        int[] rows = [.. Enumerable.Range(0, height).Where(y => Enumerable.Range(0, width).Count(x => Tile(x, y)) > 20)];
        int[] columns = [.. Enumerable.Range(0, width).Where(x => Enumerable.Range(0, rows[^1] + 1).Count(y => Tile(x, y)) > 20)];
        int left = columns[0], top = rows[0], gw = columns[^1] + 1 - left, gh = rows[^1] + 1 - top;
        var (w, h) = mark.Units();
        float below = title.Length > 0 ? 28 : 8;
        double k = mark.PixelScale(width, height - below);
        Assert.Equal((Math.Round(k * w), Math.Round(k * h)), (gw, gh));
        Assert.True(gw >= width - 36 - 1 || gh >= height - below - 50 - 1, $"{gw} x {gh} leaves room unused");
        Assert.InRange(left - (width - left - gw), -1, 1); // centred
        Assert.InRange((double)gw / w / ((double)gh / h), 0.97, 1.03); // square image pixels
        for (int y = top; y < top + gh; y++)
            for (int x = left; x < left + gw; x++)
                Assert.True(Near(bmp.GetPixel(x, y), plus) || Near(bmp.GetPixel(x, y), minus) || Near(bmp.GetPixel(x, y), white),
                    $"pixel {x},{y} is {bmp.GetPixel(x, y)}: blended");
        int yMid = top + (int)(k / 2), xMid = left + (int)(k / 2);
        var runs = Runs(Enumerable.Range(left, gw).Select(x => bmp.GetPixel(x, yMid)))
            .Concat(Runs(Enumerable.Range(top, gh).Select(y => bmp.GetPixel(xMid, y)))).ToList();
        Assert.Equal(w + h, runs.Count); // one run per image pixel (or gap) across the first row and down the first column
        Assert.All(runs, r => Assert.InRange(r, Math.Floor(k), Math.Ceiling(k)));
    }

    /// <summary>Lengths of the runs of equal colour along a line of pixels.</summary>
    private static IEnumerable<int> Runs(IEnumerable<SkiaSharp.SKColor> line)
    {
        SkiaSharp.SKColor? last = null;
        int n = 0;
        foreach (var c in line)
        {
            if (c != last && n > 0) { yield return n; n = 0; }
            last = c;
            n++;
        }
        if (n > 0) yield return n;
    }

    private static bool Near(SkiaSharp.SKColor p, Rgb c) => Math.Abs(p.Red - c.R) <= 2 && Math.Abs(p.Green - c.G) <= 2 && Math.Abs(p.Blue - c.B) <= 2;
}
