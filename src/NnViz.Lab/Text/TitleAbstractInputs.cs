using NnViz.Data;

namespace NnViz.Lab.Text;

/// <summary>
/// The inputs of seed 001's two-input classifier (Experiments/Common/TitleAbstractModel): one vocabulary over titles
/// and abstracts, each side pre-padded to its own length, the two side by side in one row.
/// </summary>
public sealed class TitleAbstractInputs(TextEncoder title, TextEncoder @abstract)
{
    public TextEncoder Title { get; } = title;
    public TextEncoder Abstract { get; } = @abstract;
    public int Width => Title.MaxLength + Abstract.MaxLength;

    public static TitleAbstractInputs Build(TitleAbstractCorpus corpus, int titleLength, int abstractLength, int numWords)
    {
        var tokens = Tokenizer.Keras.TokenizeAll(corpus.Titles.Concat(corpus.Abstracts));
        var vocab = Vocabulary.Build(tokens, numWords);
        return new TitleAbstractInputs(new TextEncoder(vocab, titleLength), new TextEncoder(vocab, abstractLength));
    }

    /// <summary>Rows of [title ids | abstract ids], the GraphModel's input layout (inputs side by side, in order).</summary>
    public float[] Batch(IReadOnlyList<string> titles, IReadOnlyList<string> abstracts)
    {
        var t = Title.Batch(titles);
        var a = Abstract.Batch(abstracts);
        int n = titles.Count;
        var x = new float[n * Width];
        for (int i = 0; i < n; i++)
        {
            Array.Copy(t, i * Title.MaxLength, x, i * Width, Title.MaxLength);
            Array.Copy(a, i * Abstract.MaxLength, x, i * Width + Title.MaxLength, Abstract.MaxLength);
        }
        return x;
    }
}
