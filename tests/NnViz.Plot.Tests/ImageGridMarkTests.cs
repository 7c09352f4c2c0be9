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
}
