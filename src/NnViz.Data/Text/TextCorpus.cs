namespace NnViz.Data;

/// <summary>
/// Labelled texts: <paramref name="Labels"/> is Count x LabelNames.Count row-major (0/1 for classes, one column
/// per label of a multi-label set); <paramref name="Ids"/> names each text's origin (file, row id) for reports;
/// <paramref name="Generated"/> marks corpora made by a generator rather than read from real data, whose
/// <paramref name="Tags"/> give each text's ground-truth features (e.g. "negation,label-noise"; see CORPORA.md).
/// </summary>
public sealed record TextCorpus(string Name, string[] Texts, float[] Labels, IReadOnlyList<string> LabelNames, string[] Ids,
    bool Generated = false, string[]? Tags = null)
{
    public int Count => Texts.Length;
    public int LabelCols => LabelNames.Count;

    /// <summary>Label <paramref name="col"/> of text <paramref name="i"/>.</summary>
    public float Label(int i, int col = 0) => Labels[i * LabelCols + col];

    /// <summary>How many texts have label column <paramref name="col"/> equal to 1.</summary>
    public int Positives(int col = 0)
    {
        int n = 0;
        for (int i = 0; i < Count; i++) if (Label(i, col) == 1f) n++;
        return n;
    }

    /// <summary>Texts [start, start + count) as a new corpus.</summary>
    public TextCorpus Slice(int start, int count)
    {
        if (start < 0 || count < 0 || start + count > Count) throw new ArgumentOutOfRangeException(nameof(count), $"texts [{start}, {start + count}) outside 0..{Count}");
        return this with
        {
            Texts = Texts[start..(start + count)],
            Labels = Labels[(start * LabelCols)..((start + count) * LabelCols)],
            Ids = Ids[start..(start + count)],
            Tags = Tags?[start..(start + count)],
        };
    }

    /// <summary>Throws a <see cref="DataException"/> naming <paramref name="source"/> when the corpus is empty.</summary>
    public TextCorpus NonEmpty(string source, string hint) =>
        Count > 0 ? this : throw new DataException("no texts found (empty corpus)", source, hint: hint);
}

/// <summary>Records of a title and an abstract with a 0/1 label (seed 001); <see cref="SentenceSplitter"/> cuts abstracts into sentences.</summary>
public sealed record TitleAbstractCorpus(string Name, string[] Titles, string[] Abstracts, float[] Labels, string[] Ids,
    bool Generated = false, string[]? Tags = null)
{
    public int Count => Titles.Length;
}
