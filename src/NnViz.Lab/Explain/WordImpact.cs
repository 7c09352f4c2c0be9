using NnViz.Data;
using NnViz.Engine.Nn;
using NnViz.Lab.Text;
using NnViz.Plot;

namespace NnViz.Lab.Explain;

/// <summary>A word as typed, the change in P(positive) it brings, and whether the vocabulary knows all its tokens.</summary>
public sealed record WordPiece(string Text, double Impact, bool Known);

/// <summary>One row of the word-impact view: whose model, the true label if known, P(positive) of the whole text, and the words.</summary>
public sealed record ImpactRow(string Checkpoint, string? TrueLabel, double Probability, double EmptyProbability, IReadOnlyList<WordPiece> Words)
{
    public string Predicted => Probability >= 0.5 ? "POS" : "NEG";
}

/// <summary>
/// Word impact as the write-up defines it (seed 004, section 3): evaluate every prefix ("I", "I like", "I like Machine",
/// ...) and take the change in prediction each word brings. The prefixes come from one forward pass
/// (<see cref="PrefixEvaluation"/>): a unidirectional LSTM's state after word t is the state of the prefix ending there.
/// A whitespace piece that the tokenizer splits ("cheese-curds") gets the sum of its tokens' changes.
/// </summary>
public static class WordImpact
{
    /// <summary>Pieces beyond this many are dropped (the explorer answers long input truncated, not slowly).</summary>
    public const int MaxPieces = 400;

    /// <summary>Token ids read at most (junk can split one piece into many tokens).</summary>
    public const int MaxTokens = 800;

    public static ImpactRow Explain(Sequential model, TextEncoder encoder, string text, string checkpoint, string? trueLabel = null)
    {
        var pieces = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(MaxPieces).ToArray();
        var tokenCounts = new int[pieces.Length];
        var ids = new List<int>();
        var known = new bool[pieces.Length];
        for (int i = 0; i < pieces.Length; i++)
        {
            var tokens = Tokenizer.Keras.Tokenize(pieces[i]);
            if (ids.Count + tokens.Length > MaxTokens) { pieces = pieces[..i]; tokenCounts = tokenCounts[..i]; known = known[..i]; break; }
            tokenCounts[i] = tokens.Length;
            known[i] = tokens.All(encoder.Vocabulary.Contains);
            ids.AddRange(encoder.Vocabulary.Encode(tokens));
        }
        double empty = EmptyPrediction(model);
        float[] prefix = ids.Count == 0 ? [] : model.PredictPrefixes([.. ids.Select(i => (float)i)], ids.Count);
        var words = new WordPiece[pieces.Length];
        double before = empty;
        int t = 0;
        for (int i = 0; i < pieces.Length; i++)
        {
            t += tokenCounts[i];
            double after = tokenCounts[i] == 0 ? before : prefix[t - 1];
            words[i] = new WordPiece(pieces[i], after - before, known[i]);
            before = after;
        }
        return new ImpactRow(checkpoint, trueLabel, before, empty, words);
    }

    /// <summary>The output for an empty text: an all-padding row leaves the LSTM state at zero (the mask skips every step).</summary>
    public static double EmptyPrediction(Sequential model) => model.Predict(new float[model.InputWidth], 1)[0];

    /// <summary>
    /// The write-up's encoding, shared by the figures and the explorer page: green up, red down, grey when
    /// |impact| &lt; 0.1 x the largest |impact| in that text; opacity grows with strength (0.25 for the weakest
    /// coloured word, 1 for the largest), rounded to 3 decimals.
    /// </summary>
    public static TokenStripMark Chips { get; } = new([]) { Up = "#1a9850", Down = "#d73027", Neutral = "#9e9e9e", Threshold = 0.1, MinOpacity = 0.25 };

    public static (string Color, double Opacity) Encode(double impact, double maxAbs) => Chips.Chip(impact, maxAbs);

    public static double MaxAbs(ImpactRow row) => row.Words.Count == 0 ? 0 : row.Words.Max(w => Math.Abs(w.Impact));
}
