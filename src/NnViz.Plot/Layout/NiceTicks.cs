namespace NnViz.Plot;

/// <summary>Tick positions for one axis: the values, their spacing and how many decimals their labels need.</summary>
public sealed record TickSet(double[] Values, double Step, int Decimals)
{
    public string Label(double v) => SvgText.Fixed(v, Decimals);
}

/// <summary>
/// Heckbert's "nice numbers for graph labels" (Graphics Gems, 1990): spacings of 1, 2 or 5 times a power of ten.
/// </summary>
public static class NiceTicks
{
    /// <summary>A nice number near <paramref name="x"/>: rounded to the nearest of 1, 2, 5, 10 (round) or the next one up (ceiling).</summary>
    public static double NiceNumber(double x, bool round)
    {
        double exp = Math.Floor(Math.Log10(x));
        double f = x / Math.Pow(10, exp);
        double nf = round
            ? (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10)
            : (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10);
        return nf * Math.Pow(10, exp);
    }

    /// <summary>
    /// Heckbert's loose labelling: the range widened to multiples of a nice step, with the ticks on it.
    /// A zero-width range is widened first (by 1, or by half its magnitude) so there is always an axis to draw.
    /// </summary>
    public static (DataRange Range, TickSet Ticks) Loose(double min, double max, int targetTicks = 5)
    {
        (min, max) = Widen(min, max);
        double step = Step(min, max, targetTicks);
        double lo = Math.Floor(min / step) * step, hi = Math.Ceiling(max / step) * step;
        var range = new DataRange(lo, hi);
        return (range, Inside(range, step));
    }

    /// <summary>Ticks inside a fixed range (the range is kept as it is; ticks fall on nice multiples inside it).</summary>
    public static TickSet Tight(DataRange range, int targetTicks = 5)
    {
        var (min, max) = Widen(range.Min, range.Max);
        // The span is already fixed, so round span/(n-1) directly (nicing the span first can halve the tick count).
        double step = NiceNumber((max - min) / (Math.Max(2, targetTicks) - 1), round: true);
        return Inside(new DataRange(min, max), step);
    }

    private static (double, double) Widen(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max)) return (0, 1);
        if (max < min) (min, max) = (max, min);
        if (max > min) return (min, max);
        double d = min == 0 ? 1 : Math.Abs(min) * 0.5;
        return (min - d, max + d);
    }

    private static double Step(double min, double max, int targetTicks)
    {
        int n = Math.Max(2, targetTicks);
        double span = NiceNumber(max - min, round: false);
        return NiceNumber(span / (n - 1), round: true);
    }

    private static TickSet Inside(DataRange r, double step)
    {
        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step)));
        // Ticks as integer multiples of the step, rounded to the label precision, so 0.1 * 3 prints and sits at 0.3.
        long first = (long)Math.Ceiling(r.Min / step - 1e-9), last = (long)Math.Floor(r.Max / step + 1e-9);
        var values = new double[Math.Max(0, last - first + 1)];
        for (long k = first; k <= last; k++)
            values[k - first] = Math.Round(k * step, Math.Min(15, decimals + 2));
        return new TickSet(values, step, decimals);
    }
}
