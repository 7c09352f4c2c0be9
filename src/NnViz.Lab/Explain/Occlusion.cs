using NnViz.Data;
using System.Globalization;
using NnViz.Engine.Nn;
using NnViz.Lab.Text;

namespace NnViz.Lab.Explain;

/// <summary>
/// The occlusion grid of seed 001 (figure 2): P(positive) for every title prefix (1..all words, rows) x every abstract
/// prefix by whole sentences (1..all sentences, columns); cell [r, c] = the model on title words 0..r and sentences 0..c.
/// </summary>
public sealed record OcclusionGrid(string[] TitleWords, string[] Sentences, double[] Probabilities)
{
    public double this[int row, int column] => Probabilities[row * Sentences.Length + column];

    /// <summary>Fraction of cells whose side of 0.5 matches the known rule: positive once the title prefix reaches the trigger method and the abstract prefix the trigger sentence.</summary>
    public double Agreement(string tags)
    {
        int Tag(string name) => tags.Split(',').Where(t => t.StartsWith(name + "@", StringComparison.Ordinal)).Select(t => int.Parse(t[(name.Length + 1)..], CultureInfo.InvariantCulture)).DefaultIfEmpty(int.MaxValue).First();
        int w = Tag("title-trigger"), s = Tag("abstract-trigger");
        int right = 0, rows = TitleWords.Length, cols = Sentences.Length;
        for (int r = 0; r < rows; r++)
            for (int col = 0; col < cols; col++)
                right += (this[r, col] >= 0.5) == (r >= w && col >= s) ? 1 : 0;
        return (double)right / (rows * cols);
    }

    public static OcclusionGrid Compute(GraphModel model, TitleAbstractInputs inputs, string title, string @abstract)
    {
        var words = title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var sentences = SentenceSplitter.Split(@abstract);
        if (words.Length == 0 || sentences.Length == 0) throw new ArgumentException("occlusion needs a title word and an abstract sentence");
        var titles = new List<string>();
        var abstracts = new List<string>();
        for (int r = 0; r < words.Length; r++)
            for (int c = 0; c < sentences.Length; c++)
            {
                titles.Add(string.Join(' ', words[..(r + 1)]));
                abstracts.Add(string.Join(' ', sentences[..(c + 1)]));
            }
        var p = model.Predict(inputs.Batch(titles, abstracts), titles.Count);
        return new OcclusionGrid(words, sentences, Array.ConvertAll(p, v => (double)v));
    }
}

/// <summary>
/// Word-level occlusion (the next step seed 001 asks for): remove one word at a time and record how P(positive) falls;
/// impact = P(full) - P(without the word), so a word that supports "positive" gets a positive impact.
/// </summary>
public static class WordOcclusion
{
    public static (ImpactRow Title, ImpactRow Abstract) Compute(GraphModel model, TitleAbstractInputs inputs, string title, string @abstract, string checkpoint, string? label)
    {
        var tw = title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var aw = @abstract.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var titles = new List<string> { title };
        var abstracts = new List<string> { @abstract };
        for (int i = 0; i < tw.Length; i++) { titles.Add(Without(tw, i)); abstracts.Add(@abstract); }
        for (int i = 0; i < aw.Length; i++) { titles.Add(title); abstracts.Add(Without(aw, i)); }
        var p = model.Predict(inputs.Batch(titles, abstracts), titles.Count);
        double full = p[0];
        WordPiece Piece(string w, int k) => new(w, full - p[k], Tokenizer.Keras.Tokenize(w).All(inputs.Title.Vocabulary.Contains));
        var tr = new ImpactRow($"{checkpoint} title", label, full, double.NaN, [.. tw.Select((w, i) => Piece(w, 1 + i))]);
        var ar = new ImpactRow($"{checkpoint} abstract", label, full, double.NaN, [.. aw.Select((w, i) => Piece(w, 1 + tw.Length + i))]);
        return (tr, ar);
    }

    private static string Without(string[] words, int i) => string.Join(' ', words.Where((_, k) => k != i));
}
