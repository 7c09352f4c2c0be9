using NnViz.Data;
using NnViz.Engine;
using NnViz.Lab.Explain.Baselines;

namespace NnViz.Lab.Tests;

/// <summary>ML.NET's bag-of-words baseline and scores: deterministic, and they measure what they say.</summary>
public class TextBaselineTests
{
    private static (string[] Texts, bool[] Labels) Reviews(ulong seed, int n)
    {
        var corpus = GeneratedText.Reviews(new Rng(seed), n, ReviewGrammar.Restaurant, labelNoise: 0);
        return ([.. corpus.Texts], [.. Enumerable.Range(0, corpus.Count).Select(i => corpus.Label(i, 0) >= 0.5f)]);
    }

    [Fact]
    public void Bag_of_words_learns_generated_sentiment_and_gives_the_same_bits_twice()
    {
        var (trainX, trainY) = Reviews(1, 400);
        var (testX, testY) = Reviews(2, 200);
        var a = TextBaseline.BagOfWords(trainX, trainY, testX, testY, seed: 7);
        var b = TextBaseline.BagOfWords(trainX, trainY, testX, testY, seed: 7);
        Assert.Equal(a, b);
        Assert.True(a.Accuracy > 0.8 && a.RocAuc > 0.85, $"{a}");
        // Shuffled training labels carry no signal: the held-out AUC falls towards chance.
        var shuffled = trainY.ToArray();
        new Rng(3).Shuffle<bool>(shuffled);
        var chance = TextBaseline.BagOfWords(trainX, shuffled, testX, testY, seed: 7);
        Assert.True(chance.RocAuc < a.RocAuc - 0.2, $"{chance} vs {a}");
    }

    [Fact]
    public void Scores_of_probabilities_are_accuracy_auc_and_f1()
    {
        bool[] y = [true, true, false, false, true];
        float[] p = [0.9f, 0.4f, 0.3f, 0.6f, 0.8f];
        var s = TextBaseline.Of(p, y);
        Assert.Equal(0.6, s.Accuracy, 6);            // 3 of 5 right at 0.5
        Assert.Equal(5.0 / 6, s.RocAuc, 6);          // 5 of the 6 positive-negative pairs ordered
        Assert.Equal(2.0 / 3, s.F1, 6);              // precision 2/3, recall 2/3
        Assert.Throws<ArgumentException>(() => TextBaseline.Of([0.5f], [true]));
    }
}
