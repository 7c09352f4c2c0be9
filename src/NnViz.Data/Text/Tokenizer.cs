using System.Text;

namespace NnViz.Data;

/// <summary>
/// Word tokenizer with the behaviour of Keras' <c>text_to_word_sequence</c>: lower-case, replace every character
/// of <see cref="Filters"/> by a space, split on whitespace, drop empty pieces. The default filters are Keras'
/// (<c>!"#$%&amp;()*+,-./:;&lt;=&gt;?@[\]^_`{|}~</c> plus tab and newline); the apostrophe is kept, so "don't" is one
/// word. One deliberate difference: Keras splits on ' ' only, here every Unicode whitespace separates words
/// (so "\r" or a no-break space never glue two words together).
/// </summary>
public sealed record Tokenizer(string Filters = Tokenizer.KerasFilters, bool Lower = true)
{
    public const string KerasFilters = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n";

    /// <summary>The Keras-default tokenizer.</summary>
    public static Tokenizer Keras { get; } = new();

    public string[] Tokenize(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (char raw in text)
        {
            char c = Lower ? char.ToLowerInvariant(raw) : raw;
            if (char.IsWhiteSpace(c) || Filters.Contains(c))
            {
                if (word.Length > 0) { words.Add(word.ToString()); word.Clear(); }
            }
            else word.Append(c);
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words.ToArray();
    }

    /// <summary>Tokenizes every text, in order.</summary>
    public string[][] TokenizeAll(IEnumerable<string> texts) => texts.Select(Tokenize).ToArray();
}
