using System.Globalization;
using NnViz.Plot;

namespace NnViz.Lab.Explain;

/// <summary>
/// The word-impact rows as a Plot figure (<see cref="TokenStripMark"/>; seed 004, figures 1 and 4-7): each row is
/// labelled with its checkpoint, the true label when known, the predicted label and P(positive), then the words on
/// coloured chips (<see cref="WordImpact.Chips"/>); long texts wrap, the figure grows with them. Unknown words are
/// underlined with dots.
/// </summary>
public static class WordImpactFigure
{
    public const string Description = "Word impact rows: each word is coloured by the change in the probability of a positive review it brings when appended " +
        "(green up, red down, grey below a tenth of the largest change in its row); stronger changes are more opaque.";

    public static Figure Of(string title, IReadOnlyList<ImpactRow> rows, double width = 980)
    {
        var strip = WordImpact.Chips with
        {
            Rows = [.. rows.Select(Row)], Tooltips = true,
        };
        return Figure.Fitted(title, new Panel([strip], "words: green raises, red lowers P(pos); grey changes little; dotted = unknown word"), width, Description);
    }

    public static string Svg(string title, IReadOnlyList<ImpactRow> rows, double width = 980) => SvgRenderer.Render(Of(title, rows, width));

    /// <summary>"epoch 4 · true POS · pred NEG 0.412": the row label the old table's four columns held.</summary>
    public static string Label(ImpactRow row) =>
        string.Join(" · ", new[] { row.Checkpoint, row.TrueLabel is null ? null : "true " + row.TrueLabel, $"pred {row.Predicted} {row.Probability.ToString("0.000", CultureInfo.InvariantCulture)}" }.OfType<string>());

    private static TokenRow Row(ImpactRow row) =>
        new(Label(row), [.. row.Words.Select(w => w.Text)], [.. row.Words.Select(w => w.Impact)]) { Dotted = [.. row.Words.Select(w => !w.Known)] };
}
