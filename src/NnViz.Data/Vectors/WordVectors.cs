namespace NnViz.Data;

/// <summary>Pre-trained word vectors: <paramref name="Vectors"/> is Words.Length x Dim row-major.</summary>
public sealed record WordVectors(string[] Words, float[] Vectors, int Dim)
{
    public int Count => Words.Length;

    /// <summary>
    /// What the reader accepted but a user should know (e.g. words that were not UTF-8 and were read as Latin-1),
    /// each naming the file and where; a run prints them as warnings and shows them on its page.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public ReadOnlySpan<float> Vector(int i) => Vectors.AsSpan(i * Dim, Dim);

    /// <summary>Word -> row; the first occurrence wins when a file repeats a word.</summary>
    public Dictionary<string, int> Index()
    {
        var index = new Dictionary<string, int>(Words.Length, StringComparer.Ordinal);
        for (int i = 0; i < Words.Length; i++) index.TryAdd(Words[i], i);
        return index;
    }
}
