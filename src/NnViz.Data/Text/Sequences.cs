namespace NnViz.Data;

/// <summary>Which end of a sequence padding is added to or tokens are cut from (Keras' "pre"/"post").</summary>
public enum SequenceEnd { Pre, Post }

/// <summary>
/// Sequences padded to one length: <paramref name="Ids"/> is Rows x Length row-major; <paramref name="Mask"/>
/// has 1 where a real token is and 0 at padding; <paramref name="Lengths"/> counts the real tokens per row.
/// </summary>
public sealed record PaddedSequences(int[] Ids, int Rows, int Length, float[] Mask, int[] Lengths)
{
    public ReadOnlySpan<int> Row(int i) => Ids.AsSpan(i * Length, Length);
}

public static class Sequences
{
    /// <summary>
    /// Keras' <c>pad_sequences</c>: every sequence cut or padded to <paramref name="maxLength"/> (the longest
    /// when null). Defaults are Keras': padding "pre" and truncating "pre" (the end of a long text is kept).
    /// </summary>
    public static PaddedSequences Pad(IReadOnlyList<int[]> sequences, int? maxLength = null,
        SequenceEnd padding = SequenceEnd.Pre, SequenceEnd truncating = SequenceEnd.Pre, int value = Vocabulary.PadId)
    {
        int len = maxLength ?? (sequences.Count == 0 ? 0 : sequences.Max(s => s.Length));
        if (len < 0) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "must be >= 0");
        int n = sequences.Count;
        var ids = new int[n * len];
        var mask = new float[n * len];
        var lengths = new int[n];
        Array.Fill(ids, value);
        for (int r = 0; r < n; r++)
        {
            int[] s = sequences[r];
            int keep = Math.Min(s.Length, len);
            int from = truncating == SequenceEnd.Pre ? s.Length - keep : 0;
            int to = padding == SequenceEnd.Pre ? len - keep : 0;
            Array.Copy(s, from, ids, r * len + to, keep);
            mask.AsSpan(r * len + to, keep).Fill(1f);
            lengths[r] = keep;
        }
        return new PaddedSequences(ids, n, len, mask, lengths);
    }

    /// <summary>
    /// Bag of words as Keras' <c>texts_to_matrix</c>: Rows x <paramref name="size"/>, binary (word present) or
    /// counts; ids at or above <paramref name="size"/> and padding are ignored.
    /// </summary>
    public static float[] BagOfWords(IReadOnlyList<int[]> sequences, int size, bool counts = false)
    {
        var m = new float[sequences.Count * size];
        for (int r = 0; r < sequences.Count; r++)
            foreach (int id in sequences[r])
                if (id > Vocabulary.PadId && id < size)
                    m[r * size + id] = counts ? m[r * size + id] + 1 : 1;
        return m;
    }
}
