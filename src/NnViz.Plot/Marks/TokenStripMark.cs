namespace NnViz.Plot;

/// <summary>One row of a token strip: a label ("epoch 4 · p = 0.81"), the words, and each word's signed value.</summary>
public sealed record TokenRow(string Label, IReadOnlyList<string> Tokens, double[] Values)
{
    /// <summary>Tokens drawn with a dotted underline (words the model does not know); null = none.</summary>
    public IReadOnlyList<bool>? Dotted { get; init; }
}

/// <summary>
/// Rows of words, each word on a chip coloured by its signed value (the change in prediction it brings):
/// <see cref="Up"/> for positive, <see cref="Down"/> for negative, <see cref="Neutral"/> when
/// |value| &lt; <see cref="Threshold"/> x the largest |value| in that row; chip opacity grows from
/// <see cref="MinOpacity"/> to 1 with |value| / largest. Long rows wrap (words measured in the pinned font). Fills its
/// panel (no axes), drawn by a custom plottable (<see cref="TableCanvas"/>); sizes itself for <see cref="Figure.Fitted"/>. Defaults are Okabe-Ito bluish green and vermillion, which stay apart under
/// red-green colour blindness.
/// </summary>
public sealed record TokenStripMark(IReadOnlyList<TokenRow> Rows) : Mark
{
    public double Threshold { get; init; } = 0.1;
    public string Up { get; init; } = "#009e73";
    public string Down { get; init; } = "#d55e00";
    public string Neutral { get; init; } = "#bbbbbb";
    /// <summary>Opacity of the weakest coloured chip (the strongest is 1).</summary>
    public double MinOpacity { get; init; } = 0.15;
    public double FontSize { get; init; } = 12;
    /// <summary>Width of the row-label column in pixels (0 = fit the longest label, at most 40 % of the panel).</summary>
    public double LabelWidth { get; init; }
    /// <summary>Each chip carries a tooltip "word: +0.123" (seen when the SVG is opened on its own).</summary>
    public bool Tooltips { get; init; }

    internal override bool FillsPanel => true;
    internal override bool PixelLayout => true;

    internal override void Draw(PanelDraw draw) => draw.Plot.Add.Plottable(new TableCanvas.Plottable(Render));


    /// <summary>The chip colour and opacity of value <paramref name="v"/> in a row whose largest |value| is <paramref name="max"/>.</summary>
    public (string Color, double Opacity) Chip(double v, double max)
    {
        if (!double.IsFinite(v) || !(max > 0)) return (Neutral, 0.35);
        double strength = Math.Abs(v) / max;
        if (strength < Threshold) return (Neutral, 0.35);
        return (v > 0 ? Up : Down, Math.Round(MinOpacity + (1 - MinOpacity) * strength, 3));
    }

    /// <summary>The largest finite |value| of a row (0 when it has none).</summary>
    public static double MaxAbs(IEnumerable<double> values)
    {
        double max = 0;
        foreach (double v in values) if (double.IsFinite(v)) max = Math.Max(max, Math.Abs(v));
        return max;
    }

    private double LineHeight => FontSize * 1.9;

    private double LabelColumn(double width) => LabelWidth > 0 ? LabelWidth
        : Math.Min(width * 0.4, Rows.Select(r => TableCanvas.Measure(r.Label, FontSize * 0.9)).DefaultIfEmpty(0).Max() + 12);

    /// <summary>Lays the chips out left to right, wrapping at <paramref name="right"/>; calls <paramref name="chip"/> per token; returns the y below the last row.</summary>
    private double Flow(double left, double top, double right, Action<TokenRow, int, double, double, double>? chip, Action<TokenRow, double>? row = null)
    {
        double lineH = LineHeight, labelW = LabelColumn(right - left);
        double y = top;
        foreach (var r in Rows)
        {
            row?.Invoke(r, y);
            double x = left + labelW;
            for (int i = 0; i < r.Tokens.Count; i++)
            {
                double w = TableCanvas.Measure(r.Tokens[i], FontSize) + 8;
                if (x + w > right && x > left + labelW) { x = left + labelW; y += lineH; } // wrap
                chip?.Invoke(r, i, x, y, w);
                x += w + 3;
            }
            y += lineH + 4;
        }
        return y;
    }

    internal override double? ContentHeight(double width) => Flow(0, 0, width, null);

    private void Render(TableCanvas canvas, PlotArea a)
    {
        double lineH = LineHeight, labelW = LabelColumn(a.Width);
        canvas.OpenGroup("token-strip");
        double max = 0;
        Flow(a.Left, a.Top, a.Right, (row, i, x, y, w) =>
        {
            string word = row.Tokens[i];
            double v = i < row.Values.Length ? row.Values[i] : double.NaN;
            var (color, opacity) = Chip(v, max);
            string? tip = Tooltips ? $"{word}: {(v > 0 ? "+" : "")}{SvgText.Fixed(v, 3)}" : null;
            canvas.Rect(x, y + 2, w, lineH - 4, color, opacity, radius: 3, tooltip: tip);
            string text = opacity > 0.6 && color != Neutral ? "#ffffff" : "#111111";
            canvas.Text(x + 4, y + lineH * 0.62, word, new TextStyle(text, FontSize));
            if (row.Dotted is { } dotted && i < dotted.Count && dotted[i])
                canvas.Dotted(x + 4, x + w - 4, y + lineH * 0.62 + 2.5, text);
        }, (row, y) =>
        {
            max = MaxAbs(row.Values);
            canvas.Text(a.Left + labelW - 8, y + lineH * 0.62, row.Label, new TextStyle("#333333", FontSize * 0.9, TextAnchor.End));
        });
        canvas.CloseGroup();
    }
}
