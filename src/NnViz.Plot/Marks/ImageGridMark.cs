using ScottPlot;

namespace NnViz.Plot;

/// <summary>
/// Many small images in a grid, e.g. each first-layer neuron's 784 weights as a 28x28 picture:
/// <c>Pixels[(n * ImageHeight + y) * ImageWidth + x]</c> for image n. Colours come from <see cref="Scale"/>; for weights
/// use <see cref="ColorScale.Symmetric"/> with a diverging map so white is 0, and keep its range fixed across
/// frames (<see cref="MaxAbs"/> over all frames) when brightness changes should mean something.
/// Drawn as one ScottPlot heatmap holding every tile (one embedded image in SVG, each pixel 3 x 3 so it stays sharp), one-pixel gaps between
/// tiles, captions as texts and a labelled colour bar below. Fills its panel (<see cref="PixelScale"/>, the same across
/// and down, so tiles are square) and is sampled nearest-neighbour on whole-pixel edges, so no pixel is blurred into its
/// neighbour: each image pixel is a block of whole screen pixels (k x k at a whole scale k, otherwise some blocks one
/// pixel wider than others).
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

    /// <summary>Room kept below the grid for the colour bar (bar, tick labels, its title), beside it for the bar's end labels, above it for a panel title.</summary>
    private const float BarRoom = 50, SideRoom = 18;

    /// <summary>Gaps between tiles in image pixels: one across, and under each tile room for its caption when there are captions.</summary>
    private (int X, int Y) Gaps() => (1, Labels is null ? 1 : Math.Max(2, ImageHeight / 4));

    /// <summary>The grid's size in image pixels, with room under the last row for its captions.</summary>
    public (int Width, int Height) Units()
    {
        var (cols, rows) = Layout();
        var (gapX, gapY) = Gaps();
        return (cols * (ImageWidth + gapX) - gapX, rows * (ImageHeight + gapY) - (Labels is null ? gapY : 0));
    }

    /// <summary>Screen pixels per image pixel in a panel area <paramref name="width"/> x <paramref name="height"/>
    /// (below its title): the largest that fits beside the colour bar's room, the same across and down.</summary>
    public double PixelScale(double width, double height)
    {
        var (w, h) = Units();
        return Math.Max(0.05, Math.Min((width - 2 * SideRoom) / w, (height - BarRoom) / h));
    }

    /// <summary>The data area of the grid: <see cref="PixelScale"/> pixels per image pixel, centred in the panel, its
    /// edges on whole pixels (so nearest-neighbour sampling draws each image pixel as a block of whole screen pixels).</summary>
    private PixelRect GridRect(PanelDraw draw)
    {
        var a = draw.Area;
        float top = PanelBuilder.TableTop(draw.Panel), height = a.Height - top;
        double k = PixelScale(a.Width, height);
        var (w, h) = Units();
        float gw = MathF.Round((float)(k * w)), gh = MathF.Round((float)(k * h));
        float left = MathF.Round(a.Left + (a.Width - gw) / 2), y = MathF.Round(a.Top + top + (height - BarRoom - gh) / 2);
        return new PixelRect(left, left + gw, y + gh, y);
    }

    internal override void Draw(PanelDraw draw)
    {
        var (cols, rows) = Layout();
        var (gapX, gapY) = Gaps();
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
        plot.Layout.Fixed(GridRect(draw));
        draw.ColorBar(hm, Scale.Title, Scale.LowLabel, Scale.HighLabel, Edge.Bottom);
    }
}
