using ScottPlot;

namespace NnViz.Plot;

/// <summary>
/// Bars of <see cref="Values"/> at positions 0, 1, 2, ... (or <see cref="Positions"/>), one colour, optional per-bar
/// <see cref="Colors"/>, with <see cref="CategoryLabels"/> as the x tick labels (accuracy per model, share per class).
/// A ScottPlot bar plot; the bars start at 0.
/// </summary>
public sealed record BarMark(double[] Values, string Color = "#0072b2", string? Label = null) : Mark
{
    public double[]? Positions { get; init; }
    /// <summary>Per-bar colours; a missing or null entry takes <see cref="Color"/>.</summary>
    public string?[]? Colors { get; init; }
    public IReadOnlyList<string>? CategoryLabels { get; init; }
    public double BarWidth { get; init; } = 0.8;

    internal override void Draw(PanelDraw draw)
    {
        var bars = new List<Bar>();
        for (int i = 0; i < Values.Length; i++)
        {
            double pos = Positions is { } p && i < p.Length ? p[i] : i;
            string color = Colors is { } c && i < c.Length && c[i] is { } own ? own : Color;
            bars.Add(new Bar { Position = pos, Value = double.IsFinite(Values[i]) ? Values[i] : 0, FillColor = Theme.Of(color), LineWidth = 0, Size = BarWidth });
        }
        draw.Plot.Add.Bars(bars);
        if (CategoryLabels is { } labels)
        {
            double[] at = [.. bars.Take(labels.Count).Select(b => b.Position)];
            draw.Plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(at, [.. labels.Take(at.Length)]);
        }
        if (Label is not null)
            draw.LegendRows.Add(new LegendItem { LabelText = Label, FillColor = Theme.Of(Color), LineWidth = 0, MarkerShape = ScottPlot.MarkerShape.None });
    }
}
