using NnViz.Data;

namespace NnViz.Lab.Text;

/// <summary>
/// Text to token ids the way the model was trained (Keras tokenizer, frequency vocabulary with an OOV id, pre-padding
/// and pre-truncation to <see cref="MaxLength"/>). Its word list is saved with the checkpoints so the explorer
/// encodes a typed sentence exactly as training did.
/// </summary>
public sealed class TextEncoder
{
    public TextEncoder(Vocabulary vocabulary, int maxLength)
    {
        Vocabulary = vocabulary;
        MaxLength = maxLength;
    }

    public Vocabulary Vocabulary { get; }
    public int MaxLength { get; }

    /// <summary>The words by id (index 0 = pad, 1 = OOV), as saved next to the checkpoints.</summary>
    public IReadOnlyList<string> Words => [.. Vocabulary.Words.Take(Vocabulary.Size)];

    /// <summary>Rebuilds the encoder from a saved word list: equal counts keep first-occurrence order, so ids are preserved.</summary>
    public static TextEncoder FromWords(IReadOnlyList<string> words, int maxLength)
    {
        if (words.Count < 2 || words[0] != Vocabulary.PadToken) throw new ArgumentException("a saved word list starts with the pad and OOV tokens");
        return new TextEncoder(Vocabulary.Build([words.Skip(2).ToArray()], null, words[1]), maxLength);
    }

    public int[] Ids(string text) => Vocabulary.Encode(Tokenizer.Keras.Tokenize(text));

    /// <summary>Rows x MaxLength ids as floats (the engine's sequence input), pre-padded and pre-truncated like Keras.</summary>
    public float[] Batch(IReadOnlyList<string> texts)
    {
        var padded = Sequences.Pad(texts.Select(Ids).ToArray(), MaxLength, SequenceEnd.Pre, SequenceEnd.Pre);
        return Array.ConvertAll(padded.Ids, i => (float)i);
    }
}
