namespace NnViz.Data;

/// <summary>How texts become model input: tokenizer, vocabulary size, sequence length and the Keras pad/truncate ends.</summary>
public sealed record TextPipelineOptions(int? NumWords = 10000, int MaxLength = 200, string? OovToken = "<oov>",
    SequenceEnd Padding = SequenceEnd.Pre, SequenceEnd Truncating = SequenceEnd.Pre, Tokenizer? Tokenizer = null)
{
    public Tokenizer Words => Tokenizer ?? Tokenizer.Keras;
}

/// <summary>A fitted pipeline: the vocabulary learned from the training texts and the options to encode any text the same way.</summary>
public sealed record TextPipeline(Vocabulary Vocabulary, TextPipelineOptions Options)
{
    /// <summary>Learns the vocabulary from <paramref name="trainingTexts"/> only (never from test texts).</summary>
    public static TextPipeline Fit(IEnumerable<string> trainingTexts, TextPipelineOptions? options = null)
    {
        options ??= new TextPipelineOptions();
        string[][] tokens = options.Words.TokenizeAll(trainingTexts);
        return new TextPipeline(Vocabulary.Build(tokens, options.NumWords, options.OovToken), options);
    }

    /// <summary>Token ids of one text, not padded (e.g. for the word-impact prefixes of D2).</summary>
    public int[] Encode(string text) => Vocabulary.Encode(Options.Words.Tokenize(text));

    /// <summary>Texts to padded id rows with masks, as Keras' texts_to_sequences + pad_sequences.</summary>
    public PaddedSequences Transform(IEnumerable<string> texts) =>
        Sequences.Pad(texts.Select(Encode).ToArray(), Options.MaxLength, Options.Padding, Options.Truncating);
}
