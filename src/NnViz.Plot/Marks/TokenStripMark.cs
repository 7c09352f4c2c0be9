using ScottPlot;

namespace NnViz.Plot;

/// <summary>One row of a token strip: a label ("epoch 4 · p = 0.81"), the words, and each word's signed value.</summary>
public sealed record TokenRow(string Label, IReadOnlyList<string> Tokens, double[] Values);

/// <summary>
/// Rows of words, each word on a chip coloured by its signed value (the change in prediction it brings):
/// <see cref="Up"/> for positive, <see cref="Down"/> for negative, <see cref="Neutral"/> when
/// |value| &lt; <see cref="Threshold"/> x the largest |value| in that row; chip opacity = |value| / largest.
/// Long rows wrap. Fills its panel (no axes); drawn by a custom plottable that measures each word in the pinned font.
/// Defaults are Okabe-Ito bluish green and vermillion, which stay apart under red-green colour blindness.
/// </summary>
public sealed record TokenStripMark(IReadOnlyList<TokenRow> Rows) : Mark
{
    public double Threshold { get; init; } = 0.1;
    public string Up { get; init; } = "#009e73";
    public string Down { get; init; } = "#d55e00";
    public string Neutral { get; init; } = "#bbbbbb";
    public double FontSize { get; init; } = 12;
    /// <summary>Width of the row-label column in pixels (0 = fit the longest label, at most 40 % of the panel).</summary>
    public double LabelWidth { get; init; }

    internal override bool FillsPanel => true;

    /// <summary>The chip colour and opacity of value <paramref name="v"/> in a row whose largest |value| is <paramref name="max"/>.</summary>
    public (string Color, double Opacity) Chip(double v, double max)
    {
        if (!double.IsFinite(v) || !(max > 0)) return (Neutral, 0.35);
        double strength = Math.Abs(v) / max;
        if (strength < Threshold) return (Neutral, 0.35);
        return (v > 0 ? Up : Down, Math.Round(0.15 + 0.85 * strength, 3));
    }

    internal override void Draw(PanelDraw draw) => draw.Plot.Add.Plottable(new TokenStripPlottable(this));
}

/// <summary>Lays out a <see cref="TokenStripMark"/> in the panel's pixel rectangle: label column, then wrapped chips.</summary>
internal sealed class TokenStripPlottable(TokenStripMark mark) : PlottableBase
{
    public override AxisLimits GetAxisLimits() => new(0, 1, 0, 1);

    public override void Render(RenderPack rp)
    {
        var a = rp.DataRect;
        float font = (float)mark.FontSize, lineH = font * 1.9f;
        float labelW = mark.LabelWidth > 0 ? (float)mark.LabelWidth
            : Math.Min(a.Width * 0.4f, mark.Rows.Select(r => Measure(r.Label, font * 0.9f)).DefaultIfEmpty(0).Max() + 12);
        float y = a.Top;
        foreach (var row in mark.Rows)
        {
            double max = 0;
            foreach (double v in row.Values) if (double.IsFinite(v)) max = Math.Max(max, Math.Abs(v));
            Text(rp, row.Label, new Pixel(a.Left + labelW - 8, y + lineH / 2), font * 0.9f, Theme.Axis, Alignment.MiddleRight);
            float x = a.Left + labelW;
            for (int i = 0; i < row.Tokens.Count; i++)
            {
                string word = row.Tokens[i];
                float w = Measure(word, font) + 8;
                if (x + w > a.Right && x > a.Left + labelW) { x = a.Left + labelW; y += lineH; } // wrap
                var (color, opacity) = mark.Chip(i < row.Values.Length ? row.Values[i] : double.NaN, max);
                using (var chip = Fill(Theme.Of(color, opacity)))
                    rp.Canvas.DrawRoundRect(x, y + 2, w, lineH - 4, 3, 3, chip);
                var ink = opacity > 0.6 && color != mark.Neutral ? Colors.White : Color.FromHex("#111111");
                Text(rp, word, new Pixel(x + 4, y + lineH / 2), font, ink, Alignment.MiddleLeft);
                x += w + 3;
            }
            y += lineH + 4;
        }
    }
}
