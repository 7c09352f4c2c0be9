namespace NnViz.Data;

/// <summary>
/// Labelled grey-scale images: <paramref name="Pixels"/> is Count x Height x Width row-major, scaled to [0, 1]
/// (0 = background, 1 = ink for MNIST); <paramref name="ClassNames"/>[label] names each class.
/// </summary>
public sealed record ImageSet(string Name, float[] Pixels, int Count, int Height, int Width, int[] Labels, IReadOnlyList<string> ClassNames)
{
    public int PixelsPerImage => Height * Width;

    /// <summary>Image <paramref name="i"/> as a span of Height x Width values (no copy).</summary>
    public ReadOnlySpan<float> Image(int i) => Pixels.AsSpan(i * PixelsPerImage, PixelsPerImage);

    /// <summary>As a flat data set: X = one image per row, Y = one-hot over the classes.</summary>
    public Dataset ToDataset()
    {
        int k = ClassNames.Count;
        var y = new float[Count * k];
        for (int i = 0; i < Count; i++) y[i * k + Labels[i]] = 1f;
        return new Dataset(Name, Pixels, Count, PixelsPerImage, y, k, Labels);
    }
}
