namespace NnViz.Data;

/// <summary>Pre-trained word vectors: <paramref name="Vectors"/> is Words.Length x Dim row-major.</summary>
public sealed record WordVectors(string[] Words, float[] Vectors, int Dim)
{
    public int Count => Words.Length;

    public ReadOnlySpan<float> Vector(int i) => Vectors.AsSpan(i * Dim, Dim);

    /// <summary>Word -> row; the first occurrence wins when a file repeats a word.</summary>
    public Dictionary<string, int> Index()
    {
        var index = new Dictionary<string, int>(Words.Length, StringComparer.Ordinal);
        for (int i = 0; i < Words.Length; i++) index.TryAdd(Words[i], i);
        return index;
    }
}
