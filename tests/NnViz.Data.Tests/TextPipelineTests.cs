namespace NnViz.Data.Tests;

public class TextPipelineTests
{
    [Fact]
    public void Tokenizer_lowercases_filters_keras_punctuation_and_keeps_apostrophes()
    {
        Assert.Equal(["hello", "world", "don't", "stop", "me", "now", "br", "ok"],
            Tokenizer.Keras.Tokenize("Hello, World! Don't   stop\tme-now.<br />OK"));
        Assert.Equal(["a", "b", "c"], Tokenizer.Keras.Tokenize("a\rb\u00A0c"));
        Assert.Empty(Tokenizer.Keras.Tokenize(" ,.!? "));
        Assert.Equal(["Hello", "World"], new Tokenizer(Lower: false).Tokenize("Hello World"));
    }

    [Fact]
    public void Vocabulary_orders_by_count_then_first_occurrence_with_keras_ids()
    {
        string[][] docs = [["b", "a", "a", "c"], ["c", "b", "d"]];
        Vocabulary v = Vocabulary.Build(docs);
        Assert.Equal(["<pad>", "<oov>", "b", "a", "c", "d"], v.Words);
        Assert.Equal(new long[] { 0, 0, 2, 2, 2, 1 }, v.Counts);
        Assert.Equal(6, v.Size);
        Assert.Equal([5, 3, 1], v.Encode(["d", "a", "zzz"]));

        Vocabulary top = Vocabulary.Build(docs, numWords: 4);
        Assert.Equal(4, top.Size);
        Assert.Equal([1, 3, 1, 2], top.Encode(["d", "a", "c", "b"])); // ids >= num_words become OOV
        Assert.True(top.Contains("a"));
        Assert.False(top.Contains("c"));

        Vocabulary noOov = Vocabulary.Build(docs, numWords: 3, oovToken: null);
        Assert.Equal(["<pad>", "b", "a", "c", "d"], noOov.Words);
        Assert.Equal([2, 1], noOov.Encode(["d", "a", "c", "b"])); // Keras drops unknown words without oov_token
        Assert.Equal(["a", "b"], noOov.Decode([0, 2, 1]));
    }

    [Fact]
    public void Vocabulary_min_count_drops_rare_words()
    {
        Vocabulary v = Vocabulary.Build([["x", "y", "y"]], minCount: 2);
        Assert.Equal(["<pad>", "<oov>", "y"], v.Words);
    }

    [Fact]
    public void Pad_follows_keras_pad_sequences_pre_and_post()
    {
        int[][] seqs = [[1, 2, 3], [4]];
        PaddedSequences pre = Sequences.Pad(seqs, 2);
        Assert.Equal([2, 3, 0, 4], pre.Ids);
        Assert.Equal([1f, 1f, 0f, 1f], pre.Mask);
        Assert.Equal([2, 1], pre.Lengths);

        PaddedSequences post = Sequences.Pad(seqs, 2, SequenceEnd.Post, SequenceEnd.Post);
        Assert.Equal([1, 2, 4, 0], post.Ids);
        Assert.Equal([1f, 1f, 1f, 0f], post.Mask);

        PaddedSequences longest = Sequences.Pad(seqs);
        Assert.Equal(3, longest.Length);
        Assert.Equal([1, 2, 3, 0, 0, 4], longest.Ids);
        Assert.Equal([4, 0, 0], Sequences.Pad(seqs, 3, SequenceEnd.Post).Row(1).ToArray());
    }

    [Fact]
    public void Bag_of_words_counts_or_marks_ids_below_the_size()
    {
        float[] m = Sequences.BagOfWords([[2, 2, 3, 9], [0, 1]], 4, counts: true);
        Assert.Equal([0f, 0f, 2f, 1f, 0f, 1f, 0f, 0f], m);
        Assert.Equal([0f, 0f, 1f, 1f], Sequences.BagOfWords([[2, 2, 3]], 4)[..4]);
    }
}

public class FittedPipelineTests
{
    [Fact]
    public void Pipeline_fits_on_training_texts_and_encodes_others_the_same_way()
    {
        TextPipeline p = TextPipeline.Fit(["This movie is boring.", "This movie is not boring!", "great film"],
            new TextPipelineOptions(NumWords: 6, MaxLength: 4));
        Assert.Equal(["<pad>", "<oov>", "this", "movie", "is", "boring", "not", "great", "film"], p.Vocabulary.Words);
        Assert.Equal([2, 3, 4, 1, 5], p.Encode("this movie is NOT boring")); // "not" has id 6 >= num_words: OOV
        PaddedSequences s = p.Transform(["boring", "this movie is boring indeed"]);
        Assert.Equal([0, 0, 0, 5, 3, 4, 5, 1], s.Ids);               // pre-padding, pre-truncation
        Assert.Equal([0f, 0f, 0f, 1f, 1f, 1f, 1f, 1f], s.Mask);
    }
}
