using ScottPlot;

namespace NnViz.Plot;

/// <summary>A <see cref="ColorMap"/> as a ScottPlot colormap (heatmaps, image grids and their colour bars).</summary>
internal sealed class ScottColormap(ColorMap map) : IColormap
{
    // A heatmap asks cell by cell along each row, and its cells are upscaled (each value repeated): the last position's
    // colour is kept (matched bit for bit), which cuts most lookups of a weight grid and changes no pixel. Drawing is
    // serialized (FigureRenderer.SkiaGate), so one instance is never asked from two threads at once.
    private long _lastBits = BitConverter.DoubleToInt64Bits(double.NaN);
    private Color _lastColor;
    private bool _any;

    public string Name => map.Name;

    public Color GetColor(double position)
    {
        long bits = BitConverter.DoubleToInt64Bits(position);
        if (_any && bits == _lastBits) return _lastColor;
        _lastColor = Theme.Of(map.At(position));
        _lastBits = bits;
        _any = true;
        return _lastColor;
    }
}

/// <summary>
/// The colours of filled contour bands as a step colormap, so the colour bar shows each band's flat colour between
/// its two levels rather than a smooth ramp the picture does not have.
/// </summary>
internal sealed class BandedColormap(FilledContourMark mark) : IColormap
{
    public string Name => mark.Map.Name + " bands";

    public Color GetColor(double position)
    {
        double[] lv = mark.Levels;
        double v = lv[0] + Math.Clamp(position, 0, 1) * (lv[^1] - lv[0]);
        int k = 0;
        while (k + 2 < lv.Length && v >= lv[k + 1]) k++;
        return Theme.Of(mark.BandColor(k), mark.Opacity);
    }
}
