namespace NnViz.Plot;

/// <summary>Maps data values on [Domain.Min, Domain.Max] linearly to pixels on [From, To] (To &lt; From for a y axis).</summary>
public readonly record struct LinearScale(DataRange Domain, double From, double To)
{
    public double Map(double v) => From + (v - Domain.Min) / Domain.Span * (To - From);

    /// <summary>Pixels per data unit (absolute).</summary>
    public double PixelsPerUnit => Math.Abs(To - From) / Domain.Span;
}
