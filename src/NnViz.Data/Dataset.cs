namespace NnViz.Data;

/// <summary>
/// A numeric data set as plain arrays: <paramref name="X"/> is <paramref name="Rows"/> x <paramref name="Cols"/>
/// row-major, <paramref name="Y"/> is <paramref name="Rows"/> x <paramref name="YCols"/> row-major (a regression
/// target, a 0/1 label for binary sets, or one-hot rows for several classes). <paramref name="Labels"/> holds the
/// class index of every row where the set has classes (null for regression).
/// </summary>
public sealed record Dataset(string Name, float[] X, int Rows, int Cols, float[] Y, int YCols, int[]? Labels = null)
{
    /// <summary>Number of classes (max label + 1), or 0 for a regression set.</summary>
    public int ClassCount => Labels is null || Labels.Length == 0 ? 0 : Labels.Max() + 1;

    /// <summary>Row <paramref name="i"/> of X as a span (no copy).</summary>
    public ReadOnlySpan<float> Row(int i) => X.AsSpan(i * Cols, Cols);

    /// <summary>Rows [start, start + count) as a new set (e.g. a train/validation split of an already shuffled set).</summary>
    public Dataset Slice(int start, int count)
    {
        if (start < 0 || count < 0 || start + count > Rows) throw new ArgumentOutOfRangeException(nameof(count), $"rows [{start}, {start + count}) outside 0..{Rows}");
        return this with
        {
            X = X[(start * Cols)..((start + count) * Cols)],
            Rows = count,
            Y = Y[(start * YCols)..((start + count) * YCols)],
            Labels = Labels?[start..(start + count)],
        };
    }

    /// <summary>Throws when the arrays disagree with the declared shape (callers building sets by hand).</summary>
    public Dataset Validated()
    {
        if (Rows < 0 || Cols < 0 || YCols < 0) throw new ArgumentException($"{Name}: negative dimension");
        if (X.Length != Rows * Cols) throw new ArgumentException($"{Name}: X has {X.Length} values, expected {Rows}x{Cols}");
        if (Y.Length != Rows * YCols) throw new ArgumentException($"{Name}: Y has {Y.Length} values, expected {Rows}x{YCols}");
        if (Labels is not null && Labels.Length != Rows) throw new ArgumentException($"{Name}: {Labels.Length} labels for {Rows} rows");
        return this;
    }
}
