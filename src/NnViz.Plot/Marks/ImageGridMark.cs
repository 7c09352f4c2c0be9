using ScottPlot;

namespace NnViz.Plot;

/// <summary>
/// Many small images in a grid, e.g. each first-layer neuron's 784 weights as a 28x28 picture:
/// <c>Pixels[(n * ImageHeight + y) * ImageWidth + x]</c> for image n. Colours come from <see cref="Scale"/>; for weights
/// use <see cref="ColorScale.Symmetric"/> with a diverging map so white is 0, and keep its range fixed across
/// frames (<see cref="MaxAbs"/> over all frames) when brightness changes should mean something.
/// Drawn as one ScottPlot heatmap holding every tile (one embedded image in SVG, each pixel 3 x 3 so it stays sharp), one-pixel gaps between
/// tiles, square image pixels, captions as texts and a labelled colour bar below. Fills its panel.
/// NaN pixels show the background, like the gaps.
/// </summary>
public sealed record ImageGridMark(float[] Pixels, int Count, int ImageHeight, int ImageWidth, ColorScale Scale) : Mark
{
    /// <summary>Tiles per row; 0 picks a near-square grid.</summary>
    public int Columns { get; init; }
    /// <summary>Optional caption under each tile (e.g. the class a second-layer unit looks for).</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>The largest |pixel| (for a symmetric scale), ignoring NaN; 1 when all are zero.</summary>
    public static double MaxAbs(ReadOnlySpan<float> pixels)
    {
        double m = 0;
        foreach (float p in pixels) if (float.IsFinite(p)) m = Math.Max(m, Math.Abs(p));
        return m > 0 ? m : 1;
    }

    internal override bool FillsPanel => true;

    /// <summary>Tile columns and rows of the grid.</summary>
    public (int Columns, int Rows) Layout()
    {
        int cols = Columns > 0 ? Columns : (int)Math.Ceiling(Math.Sqrt(Math.Max(1, Count)));
        return (cols, (Count + cols - 1) / cols);
    }

    internal override void Draw(PanelDraw draw)
    {
        var (cols, rows) = Layout();
        int gapX = 1, gapY = Labels is null ? 1 : Math.Max(2, ImageHeight / 4); // room for a caption under each tile
        int W = cols * (ImageWidth + gapX) - gapX, H = rows * (ImageHeight + gapY) - gapY;
        var cells = new double[H, W];
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) cells[y, x] = double.NaN;
        for (int n = 0; n < Count; n++)
        {
            int ox = n % cols * (ImageWidth + gapX), oy = n / cols * (ImageHeight + gapY), offset = n * ImageHeight * ImageWidth;
            for (int y = 0; y < ImageHeight; y++)
                for (int x = 0; x < ImageWidth; x++) cells[oy + y, ox + x] = Pixels[offset + y * ImageWidth + x];
        }
        var plot = draw.Plot;
        var hm = draw.Heatmap(cells, new CoordinateRect(0, W, 0, H), Scale, Colors.Transparent, upscale: 3);
        if (Labels is { } labels)
            for (int n = 0; n < Math.Min(Count, labels.Count); n++)
            {
                double cx = n % cols * (ImageWidth + gapX) + ImageWidth / 2.0, top = H - (n / cols * (ImageHeight + gapY) + ImageHeight);
                var t = plot.Add.Text(labels[n], cx, top);
                t.LabelFontName = Theme.Font;
                t.LabelFontSize = 9;
                t.LabelFontColor = Theme.Axis;
                t.LabelAlignment = Alignment.UpperCenter;
                t.OffsetY = 1;
            }
        plot.Axes.SetLimits(0, W, Labels is null ? 0 : -gapY, H); // room under the last row for its captions
        plot.Axes.SquareUnits();
        draw.ColorBar(hm, Scale.Title, Scale.LowLabel, Scale.HighLabel, Edge.Bottom);
    }
}
