using System.Globalization;
using System.Text;

namespace NnViz.Lab.Explain;

/// <summary>
/// The word-impact rows as one SVG (seed 004, figures 1 and 4-7): checkpoint, true label, predicted label and
/// P(positive), then the words on coloured boxes. Monospace text, so a word's width is exact without font metrics;
/// long texts wrap inside the text column. Unknown words (OOV) are underlined with dots.
/// </summary>
public static class WordImpactSvg
{
    private const double CharWidth = 7.8, LineHeight = 22, Left = 12, TextLeft = 300, FontSize = 13;

    public static string Render(string title, IReadOnlyList<ImpactRow> rows, double width = 980)
    {
        var body = new StringBuilder();
        double y = 56;
        double textWidth = width - TextLeft - Left;
        foreach (var row in rows)
        {
            Text(body, Left, y, row.Checkpoint, "#333333");
            Text(body, Left + 110, y, row.TrueLabel ?? "", "#333333");
            Text(body, Left + 160, y, row.Predicted, row.Predicted == "POS" ? "#1a6e3a" : "#a11f1a", bold: true);
            Text(body, Left + 210, y, row.Probability.ToString("0.000", CultureInfo.InvariantCulture), "#333333");
            double maxAbs = WordImpact.MaxAbs(row);
            double x = TextLeft;
            foreach (var w in row.Words)
            {
                double wpx = w.Text.Length * CharWidth + 6;
                if (x + wpx > TextLeft + textWidth && x > TextLeft) { x = TextLeft; y += LineHeight; }
                var (color, opacity) = WordImpact.Encode(w.Impact, maxAbs);
                body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Num(x)}\" y=\"{Num(y - 15)}\" width=\"{Num(wpx)}\" height=\"20\" rx=\"3\" fill=\"{color}\" fill-opacity=\"{Num(opacity)}\"><title>{Esc(w.Text)}: {Signed(w.Impact)}</title></rect>\n");
                Text(body, x + 3, y, w.Text, opacity > 0.6 && color != "#9e9e9e" ? "#ffffff" : "#111111", underline: !w.Known);
                x += wpx + 4;
            }
            y += LineHeight + 8;
        }
        double height = y + 8;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Num(width)}\" height=\"{Num(height)}\" viewBox=\"0 0 {Num(width)} {Num(height)}\" role=\"img\" aria-labelledby=\"wi-title wi-desc\">\n");
        sb.Append("<title id=\"wi-title\">").Append(Esc(title)).Append("</title>\n");
        sb.Append("<desc id=\"wi-desc\">Word impact rows: each word is coloured by the change in the probability of a positive review it brings when appended (green up, red down, grey below a tenth of the largest change in its row); stronger changes are more opaque.</desc>\n");
        sb.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(width / 2)}\" y=\"20\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"15\" font-weight=\"bold\" fill=\"#111111\">{Esc(title)}</text>\n");
        foreach (var (x, h) in new[] { (Left, "checkpoint"), (Left + 110, "label"), (Left + 160, "pred"), (Left + 210, "P(pos)"), (TextLeft, "words (green raises, red lowers P(pos); dotted = unknown word)") })
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(x)}\" y=\"38\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#666666\">{Esc(h)}</text>\n");
        sb.Append(body).Append("</svg>\n");
        return sb.ToString();
    }

    private static void Text(StringBuilder sb, double x, double y, string s, string color, bool bold = false, bool underline = false) =>
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Num(x)}\" y=\"{Num(y)}\" font-family=\"monospace\" font-size=\"{Num(FontSize)}\" fill=\"{color}\"{(bold ? " font-weight=\"bold\"" : "")}{(underline ? " text-decoration=\"underline\" style=\"text-decoration-style:dotted\"" : "")}>{Esc(s)}</text>\n");

    internal static string Num(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);
    internal static string Signed(double v) => v.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);
    internal static string Esc(string s) => new string([.. s.Where(c => c >= ' ' && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF')]).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
