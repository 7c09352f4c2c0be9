namespace NnViz.Plot;

/// <summary>
/// Something drawn inside a panel: its data and its style (a record the experiment kinds build), and how it becomes
/// ScottPlot plottables (<see cref="Draw"/>). <see cref="Key"/> names the mark across animation frames, so that a
/// player or a test can match "the same" mark in the next frame.
/// </summary>
public abstract record Mark
{
    public string? Key { get; init; }

    /// <summary>Adds this mark's plottables (ScottPlot's own, or NnVizRepro's custom ones) to the panel's plot.</summary>
    internal abstract void Draw(PanelDraw draw);

    /// <summary>True for marks that lay out the whole panel themselves (tables, image grids, token strips, 3-D views): no axes are drawn.</summary>
    internal virtual bool FillsPanel => false;

    /// <summary>For marks that fill the panel: the height they need in a panel area <paramref name="width"/> wide, or null when they share whatever height they get.</summary>
    internal virtual double? ContentHeight(double width) => null;

    /// <summary>Table marks that lay themselves out in pixels: their panel gets fixed margins (see <see cref="PanelBuilder"/>) so <see cref="Figure.Fitted"/> is exact.</summary>
    internal virtual bool PixelLayout => false;
}
