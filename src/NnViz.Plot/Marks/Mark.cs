namespace NnViz.Plot;

/// <summary>
/// Something drawn inside a panel's axes: its data and its style, plus how to find its extent and draw itself
/// (ScottPlot's plottable: GetAxisLimits + Render). <see cref="Key"/> names the mark across animation frames,
/// so a player can match "the same" mark in the next frame; it is written as a data-key attribute.
/// </summary>
public abstract record Mark
{
    public string? Key { get; init; }

    /// <summary>The data extent this mark needs visible, or null when it adapts to the others (a decision line).</summary>
    internal abstract Bounds? DataBounds();

    /// <summary>Writes the mark's SVG elements into the panel's plot area.</summary>
    internal abstract void Render(RenderContext ctx);

    /// <summary>True for marks that lay out the whole panel themselves (tables, image grids): no axes are drawn.</summary>
    internal virtual bool FillsPanel => false;

    /// <summary>For marks that fill the panel: the height they need in a panel area <paramref name="width"/> wide, or null when they share whatever height they get.</summary>
    internal virtual double? ContentHeight(double width) => null;

    /// <summary>Legend rows this mark contributes (none unless it is labelled).</summary>
    internal virtual IEnumerable<LegendEntry> LegendEntries() => [];
}

/// <summary>One legend row: a swatch (a line sample or a marker) and its text.</summary>
public sealed record LegendEntry(string Label, string Color, bool IsLine, double[]? Dash = null,
    MarkerShape Shape = MarkerShape.Circle, double Opacity = 1);
