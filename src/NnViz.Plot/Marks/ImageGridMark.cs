namespace NnViz.Plot;

/// <summary>
/// Many small images in a grid, e.g. each first-layer neuron's 784 weights as a 28x28 picture:
/// <c>Pixels[(n * ImageHeight + y) * ImageWidth + x]</c> for image n. Colours come from <see cref="Scale"/>; for weights
/// use <see cref="ColorScale.Symmetric"/> with a diverging map so white is 0, and keep its range fixed across
/// frames (<see cref="MaxAbs"/> over all frames) when brightness changes should mean something.
/// Each tile is an embedded PNG (nearest-neighbour upscaled so no viewer blurs it). Fills its panel.
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

    internal override Bounds? DataBounds() => null;

    internal override void Render(RenderContext ctx)
    {
        var a = ctx.Area;
        var sb = ctx.Sb;
        int cols = Columns > 0 ? Columns : (int)Math.Ceiling(Math.Sqrt(Count));
        int rows = (Count + cols - 1) / cols;
        double barH = Scale.Height + 10, captionH = Labels is null ? 0 : 12, gap = 3;
        double tileW = (a.Width - gap * (cols - 1)) / cols;
        double tileH = (a.Height - barH - rows * captionH - gap * (rows - 1)) / Math.Max(1, rows);
        double tile = Math.Max(2, Math.Min(tileW / ImageWidth, tileH / ImageHeight)); // pixels per image pixel
        double w = tile * ImageWidth, h = tile * ImageHeight;
        double gridW = cols * w + (cols - 1) * gap, x0 = a.Left + (a.Width - gridW) / 2;
        int upscale = Math.Clamp((int)Math.Ceiling(tile), 1, 4);

        ctx.OpenGroup(this, "image-grid");
        for (int n = 0; n < Count; n++)
        {
            double x = x0 + n % cols * (w + gap), y = a.Top + n / cols * (h + gap + captionH);
            string uri = Convert.ToBase64String(TilePng(n, upscale));
            sb.Append("<image x=\"").AppendNum(x).Append("\" y=\"").AppendNum(y).Append("\" width=\"").AppendNum(w).Append("\" height=\"").AppendNum(h)
              .Append("\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" href=\"data:image/png;base64,").Append(uri).Append("\"/>\n");
            if (Labels is { } labels && n < labels.Count)
                SvgRenderer.WriteText(sb, x + w / 2, y + h + 10, labels[n], new TextStyle("#333333", 9, TextAnchor.Middle));
        }
        double barW = Math.Min(240, a.Width);
        Scale.Render(sb, a.Left + (a.Width - barW) / 2, a.Top + rows * (h + gap + captionH) - gap + 10, barW);
        ctx.CloseGroup();
    }

    /// <summary>Image n as a PNG, each pixel repeated <paramref name="k"/> x <paramref name="k"/> times.</summary>
    private byte[] TilePng(int n, int k)
    {
        int W = ImageWidth * k, H = ImageHeight * k;
        var rgb = new byte[W * H * 3];
        int offset = n * ImageHeight * ImageWidth;
        for (int y = 0; y < ImageHeight; y++)
            for (int x = 0; x < ImageWidth; x++)
            {
                float v = Pixels[offset + y * ImageWidth + x];
                Rgb c = float.IsFinite(v) ? Scale.ColorOf(v) : new Rgb(200, 200, 200);
                for (int dy = 0; dy < k; dy++)
                    for (int dx = 0; dx < k; dx++)
                    {
                        int o = (((y * k + dy) * W) + x * k + dx) * 3;
                        rgb[o] = c.R; rgb[o + 1] = c.G; rgb[o + 2] = c.B;
                    }
            }
        return Png.EncodeRgb(rgb, W, H);
    }
}
