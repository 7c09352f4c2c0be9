namespace NnViz.Plot;

/// <summary>One row of a token strip: a label ("epoch 4 · p = 0.81"), the words, and each word's signed value.</summary>
public sealed record TokenRow(string Label, IReadOnlyList<string> Tokens, double[] Values);

/// <summary>
/// Rows of words, each word on a chip coloured by its signed value (the change in prediction it brings):
/// <see cref="Up"/> for positive, <see cref="Down"/> for negative, <see cref="Neutral"/> when
/// |value| &lt; <see cref="Threshold"/> x the largest |value| in that row; chip opacity = |value| / largest.
/// Long rows wrap. Fills its panel (no axes). Defaults are Okabe-Ito bluish green and vermillion, which stay
/// apart under red-green colour blindness.
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

    internal override Bounds? DataBounds() => null;

    /// <summary>The chip colour and opacity of value <paramref name="v"/> in a row whose largest |value| is <paramref name="max"/>.</summary>
    public (string Color, double Opacity) Chip(double v, double max)
    {
        if (!double.IsFinite(v) || !(max > 0)) return (Neutral, 0.35);
        double strength = Math.Abs(v) / max;
        if (strength < Threshold) return (Neutral, 0.35);
        return (v > 0 ? Up : Down, Math.Round(0.15 + 0.85 * strength, 3));
    }

    internal override void Render(RenderContext ctx)
    {
        var a = ctx.Area;
        var sb = ctx.Sb;
        double lineH = FontSize * 1.9, cw = FontSize * TextWrap.CharWidth;
        double labelW = LabelWidth > 0 ? LabelWidth
            : Math.Min(a.Width * 0.4, Rows.DefaultIfEmpty(new TokenRow("", [], [])).Max(r => r.Label.Length) * FontSize * 0.55 + 12);
        ctx.OpenGroup(this, "token-strip");
        double y = a.Top;
        foreach (var row in Rows)
        {
            double max = 0;
            foreach (double v in row.Values) if (double.IsFinite(v)) max = Math.Max(max, Math.Abs(v));
            SvgRenderer.WriteText(sb, a.Left + labelW - 8, y + lineH * 0.62, row.Label, new TextStyle("#333333", FontSize * 0.9, TextAnchor.End));
            double x = a.Left + labelW;
            for (int i = 0; i < row.Tokens.Count; i++)
            {
                string word = row.Tokens[i];
                double w = word.Length * cw + 8;
                if (x + w > a.Right && x > a.Left + labelW) { x = a.Left + labelW; y += lineH; } // wrap
                var (color, opacity) = Chip(i < row.Values.Length ? row.Values[i] : double.NaN, max);
                sb.Append("<rect x=\"").AppendNum(x).Append("\" y=\"").AppendNum(y + 2).Append("\" width=\"").AppendNum(w)
                  .Append("\" height=\"").AppendNum(lineH - 4).Append("\" rx=\"3\" fill=\"").Append(color)
                  .Append("\" fill-opacity=\"").AppendNum(opacity).Append("\"/>\n");
                string text = opacity > 0.6 && color != Neutral ? "#ffffff" : "#111111";
                SvgRenderer.WriteText(sb, x + 4, y + lineH * 0.62, word, new TextStyle(text, FontSize));
                x += w + 3;
            }
            y += lineH + 4;
        }
        ctx.CloseGroup();
    }
}
