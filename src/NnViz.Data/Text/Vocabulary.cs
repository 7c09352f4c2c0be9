namespace NnViz.Data;

/// <summary>
/// A word index built by frequency, with Keras' numbering: id 0 is padding, id 1 the OOV token when there is
/// one, then words by descending count. Ties keep the order of first occurrence in the corpus (Keras sorts its
/// insertion-ordered counts with a stable sort, so this matches it). With <see cref="NumWords"/> = n only ids
/// below n are used when encoding (the n - 1 most frequent entries, OOV included, as Keras' <c>num_words</c>);
/// rarer words become the OOV id, or are dropped when there is no OOV token (Keras without <c>oov_token</c>).
/// </summary>
public sealed class Vocabulary
{
    public const string PadToken = "<pad>";
    public const int PadId = 0;

    private readonly Dictionary<string, int> _index;

    private Vocabulary(List<string> words, List<long> counts, int? numWords, string? oovToken)
    {
        Words = words;
        Counts = counts;
        NumWords = numWords;
        OovToken = oovToken;
        _index = new Dictionary<string, int>(words.Count, StringComparer.Ordinal);
        for (int i = 0; i < words.Count; i++) _index[words[i]] = i;
    }

    /// <summary>Every known word by id (index 0 = <see cref="PadToken"/>, 1 = the OOV token if any).</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Corpus count of each id's word (0 for padding and OOV).</summary>
    public IReadOnlyList<long> Counts { get; }

    public int? NumWords { get; }
    public string? OovToken { get; }

    /// <summary>The OOV id (1), or -1 when unknown words are dropped.</summary>
    public int OovId => OovToken is null ? -1 : 1;

    /// <summary>Number of ids an embedding table needs: ids used by <see cref="Encode"/> are below this.</summary>
    public int Size => NumWords is int n ? Math.Min(n, Words.Count) : Words.Count;

    /// <summary>Builds the vocabulary from tokenized documents.</summary>
    public static Vocabulary Build(IEnumerable<IReadOnlyList<string>> documents, int? numWords = null,
        string? oovToken = "<oov>", int minCount = 1)
    {
        if (numWords is < 1) throw new ArgumentOutOfRangeException(nameof(numWords), numWords, "must be at least 1");
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (IReadOnlyList<string> doc in documents)
            foreach (string w in doc)
            {
                if (counts.TryGetValue(w, out long c)) counts[w] = c + 1;
                else { counts[w] = 1; order.Add(w); }
            }
        // Stable: equal counts keep first-occurrence order.
        IEnumerable<string> ranked = order.Where(w => counts[w] >= minCount && w != oovToken && w != PadToken)
            .OrderByDescending(w => counts[w]);
        var words = new List<string> { PadToken };
        var wordCounts = new List<long> { 0 };
        if (oovToken is not null) { words.Add(oovToken); wordCounts.Add(0); }
        foreach (string w in ranked) { words.Add(w); wordCounts.Add(counts[w]); }
        return new Vocabulary(words, wordCounts, numWords, oovToken);
    }

    /// <summary>The id of a word, honouring <see cref="NumWords"/>; OOV id or -1 when it is unknown or too rare.</summary>
    public int IdOf(string word) => _index.TryGetValue(word, out int id) && id < Size ? id : OovId;

    /// <summary>True when the word has its own id below <see cref="Size"/>.</summary>
    public bool Contains(string word) => _index.TryGetValue(word, out int id) && id < Size && id > OovId && id != PadId;

    /// <summary>Word ids of a tokenized text (unknown words: the OOV id, or dropped without an OOV token).</summary>
    public int[] Encode(IReadOnlyList<string> tokens)
    {
        var ids = new List<int>(tokens.Count);
        foreach (string t in tokens)
        {
            int id = IdOf(t);
            if (id >= 0) ids.Add(id);
        }
        return ids.ToArray();
    }

    public int[][] EncodeAll(IEnumerable<IReadOnlyList<string>> documents) => documents.Select(Encode).ToArray();

    /// <summary>The words of ids, padding skipped.</summary>
    public string[] Decode(IEnumerable<int> ids) => ids.Where(i => i != PadId).Select(i => Words[i]).ToArray();
}
