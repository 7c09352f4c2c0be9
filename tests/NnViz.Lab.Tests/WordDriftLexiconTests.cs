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

    [Fact]
    public void NeighbourShareCountsInIntegersSoEqualCountsTieExactly()
    {
        // Nine far-apart clusters on a line, each with five other words at +1..+5. Clusters 0-2 hold two set words 0.05
        // apart (each finds its partner: 1 of 5), clusters 3-8 one set word (0 of 5): 6 hits over 12 words x 5 = 0.1.
        // Summing the twelve fractions (0.2 six times) gave 0.09999999999999999, and another layout with 6 hits 0.1.
        var x = new List<float>();
        var inSet = new List<bool>();
        for (int c = 0; c < 9; c++)
        {
            x.Add(1000 * c); inSet.Add(true);
            if (c < 3) { x.Add(1000 * c + 0.05f); inSet.Add(true); }
            for (int o = 1; o <= 5; o++) { x.Add(1000 * c + o); inSet.Add(false); }
        }
        Assert.Equal(12, inSet.Count(b => b));
        Assert.Equal(0.1, WordDriftLexicon.NeighbourShare([.. x], x.Count, 1, [.. inSet], 5));
    }

    [Fact]
    public void OnRealCommentsToxicWordsAreThoseThatMarkToxicTrainingComments()
    {
        // Vocabulary: 0 pad, 1 oov, 2 "the" (everywhere), 3 "idiot" (10 comments, all toxic), 4 "rare" (3 toxic comments only),
        // 5 "thanks" (12 comments, 9 toxic: 75 %, below 90 %). One label column; two steps per comment.
        string[] words = ["<pad>", "<oov>", "the", "idiot", "rare", "thanks"];
        var ids = new List<float>();
        var labels = new List<float>();
        void Add(int w, bool toxic) { ids.AddRange([2, w]); labels.Add(toxic ? 1 : 0); }
        for (int i = 0; i < 10; i++) Add(3, true);
        for (int i = 0; i < 3; i++) Add(4, true);
        for (int i = 0; i < 12; i++) Add(5, i < 9);
        for (int i = 0; i < 20; i++) Add(1, false);
        var set = WordDriftLexicon.MarkerWords([.. ids], [.. labels], labels.Count, 2, 1, 0, words);
        Assert.Equal(["idiot"], set.ToArray());
        // A word in a comment twice counts once: "idiot idiot" in a clean comment is one clean comment more (10 of 11 = 91 %).
        ids.AddRange([3, 3]); labels.Add(0);
        Assert.Equal(["idiot"], WordDriftLexicon.MarkerWords([.. ids], [.. labels], labels.Count, 2, 1, 0, words).ToArray());
        ids.AddRange([3, 0]); labels.Add(0);   // 10 of 12 = 83 %: no longer a marker
        Assert.Empty(WordDriftLexicon.MarkerWords([.. ids], [.. labels], labels.Count, 2, 1, 0, words));
    }
}
