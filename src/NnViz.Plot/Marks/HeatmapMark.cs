namespace NnViz.Plot;

/// <summary>
/// A table of coloured cells, <c>Values[r * Columns + c]</c>, with row and column labels (wrapped when long) and a
/// colour bar under it. For probabilities use <see cref="ColorScale"/> RdBu on a fixed 0..1 scale, so white is
/// exactly 0.5 and colours mean the same in every figure (the occlusion heatmap of title x abstract prefixes).
/// Fills its panel (no axes). NaN cells are grey.
/// </summary>
public sealed record HeatmapMark(double[] Values, int Rows, int Columns, IReadOnlyList<string> RowLabels,
    IReadOnlyList<string> ColumnLabels, ColorScale Scale) : Mark
{
    public bool ShowValues { get; init; }
    public int Decimals { get; init; } = 2;

    public static ColorScale Probability(string title, string? low = null, string? high = null) =>
        new(ColorMap.RdBu, 0, 1, title, low, high);

    internal override bool FillsPanel => true;

    internal override Bounds? DataBounds() => null;

    internal override void Render(RenderContext ctx)
    {
        var a = ctx.Area;
        var sb = ctx.Sb;
        const double font = 10, line = 12;
        double barH = Scale.Height + 10;
        double rowLabelW = Math.Min(a.Width * 0.35, RowLabels.DefaultIfEmpty("").Max(l => l.Length) * font * TextWrap.CharWidth + 10);
        double cellW = (a.Width - rowLabelW) / Math.Max(1, Columns);
        var headers = ColumnLabels.Select(l => TextWrap.Wrap(l, (int)(cellW / (font * TextWrap.CharWidth)), 3)).ToList();
        double headerH = headers.DefaultIfEmpty([]).Max(h => h.Count) * line + 4;
        double cellH = Math.Max(4, (a.Height - headerH - barH) / Math.Max(1, Rows));
        double gx = a.Left + rowLabelW, gy = a.Top + headerH;

        ctx.OpenGroup(this, "heatmap");
        var label = new TextStyle("#222222", font, TextAnchor.Middle);
        for (int c = 0; c < Math.Min(Columns, headers.Count); c++)
            for (int k = 0; k < headers[c].Count; k++)
                SvgRenderer.WriteText(sb, gx + (c + 0.5) * cellW, gy - 4 - (headers[c].Count - 1 - k) * line, headers[c][k], label);
        int rowChars = (int)((rowLabelW - 8) / (font * TextWrap.CharWidth));
        int rowLines = Math.Max(1, Math.Min(2, (int)(cellH / line)));
        for (int r = 0; r < Math.Min(Rows, RowLabels.Count); r++)
        {
            var lines = TextWrap.Wrap(RowLabels[r], rowChars, rowLines);
            double top = gy + (r + 0.5) * cellH - (lines.Count - 1) * line / 2 + 3.5;
            for (int k = 0; k < lines.Count; k++)
                SvgRenderer.WriteText(sb, gx - 6, top + k * line, lines[k], label with { Anchor = TextAnchor.End });
        }
        bool numbers = ShowValues && cellW >= Decimals * 7 + 14 && cellH >= 11;
        double valueFont = Math.Min(11, cellH * 0.6);
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Columns; c++)
            {
                double v = Values[r * Columns + c];
                Rgb color = double.IsFinite(v) ? Scale.ColorOf(v) : new Rgb(200, 200, 200);
                double x = gx + c * cellW, y = gy + r * cellH;
                sb.Append("<rect x=\"").AppendNum(x).Append("\" y=\"").AppendNum(y).Append("\" width=\"").AppendNum(cellW)
                  .Append("\" height=\"").AppendNum(cellH).Append("\" fill=\"").Append(color.Hex).Append("\" stroke=\"#ffffff\" stroke-width=\"0.5\"/>\n");
                if (numbers && double.IsFinite(v))
                    SvgRenderer.WriteText(sb, x + cellW / 2, y + cellH / 2 + valueFont * 0.35, SvgText.Fixed(v, Decimals),
                        new TextStyle(Luminance(color) < 0.45 ? "#ffffff" : "#111111", valueFont, TextAnchor.Middle));
            }
        double barW = Math.Min(260, a.Width - rowLabelW);
        Scale.Render(sb, gx + (a.Width - rowLabelW - barW) / 2, gy + Rows * cellH + 10, barW);
        ctx.CloseGroup();
    }

    /// <summary>Relative luminance (sRGB weights, no gamma: good enough to choose black or white text).</summary>
    internal static double Luminance(Rgb c) => (0.2126 * c.R + 0.7152 * c.G + 0.0722 * c.B) / 255;
}
