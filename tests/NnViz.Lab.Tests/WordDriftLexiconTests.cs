using NnViz.Lab.Experiments.EmbeddingAnimator;

namespace NnViz.Lab.Tests;

/// <summary>C5's second half: the toxic lexicon of the generated corpus and the toxic-neighbour share.</summary>
public class WordDriftLexiconTests
{
    [Fact]
    public void ToxicWordsAreTheToxicListsMinusWordsCleanCommentsUse()
    {
        var toxic = WordDriftLexicon.ToxicWords();
        foreach (var w in new[] { "idiot", "crap", "bullshit", "stupid", "shut", "up", "hurt", "regret", "vermin", "banned", "hate", "are" })
            Assert.Contains(w, toxic);
        // "you", "i", "this" and "be" occur in clean sentences; group names occur neutrally in clean comments.
        foreach (var w in new[] { "you", "i", "this", "be", "goblins", "martians", "article", "{g}" })
            Assert.DoesNotContain(w, toxic);
        Assert.Equal(toxic.Order(StringComparer.Ordinal).ToArray(), toxic.ToArray());   // deterministic (ordinal) order
    }

    [Fact]
    public void NeighbourShareCountsLexiconWordsAmongTheNearest()
    {
        // On a line: 0, 1, 2 are lexicon words at 0, 1, 2; 3 and 4 are other words at 2.5 and 10.
        float[] x = [0, 1, 2, 2.5f, 10];
        bool[] inSet = [true, true, true, false, false];
        // k = 2: word 0 -> {1, 2} both in (1); word 1 -> {0, 2} or {2, 0}: both in (1); word 2 -> {3 (0.5), 1 (1)}: one in (0.5).
        Assert.Equal((1 + 1 + 0.5) / 3, WordDriftLexicon.NeighbourShare(x, 5, 1, inSet, 2), 12);
        Assert.Equal(0.5, WordDriftLexicon.BaseRate(inSet), 12);   // (3 - 1) / (5 - 1)
        Assert.True(double.IsNaN(WordDriftLexicon.NeighbourShare(x, 5, 1, new bool[5], 2)));
    }
}
