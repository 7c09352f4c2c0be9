using System.Security.Cryptography;
using System.Text;
using NnViz.Engine;

namespace NnViz.Data.Tests;

/// <summary>The generated corpora: same seed same bytes, the documented ground-truth rules hold, and a linear model reaches the documented accuracy.</summary>
public class GeneratedTextTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static string Hash(TextCorpus c)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < c.Count; i++)
            sb.Append(c.Texts[i]).Append('\t').Append(string.Join(",", c.Labels[(i * c.LabelCols)..((i + 1) * c.LabelCols)])).Append('\t').Append(c.Tags![i]).Append('\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static TextCorpus Flatten(TitleAbstractCorpus t) =>
        new(t.Name, t.Titles.Zip(t.Abstracts, (a, b) => a + "\n" + b).ToArray(), t.Labels, ["label"], t.Ids, true, t.Tags);

    public static TheoryData<string> Generators => new() { "restaurant", "movie", "repetitive", "toxic", "title-abstract" };

    private static TextCorpus Make(string name, ulong seed, int n) => name switch
    {
        "restaurant" => GeneratedText.Reviews(new Rng(seed), n, ReviewGrammar.Restaurant),
        "movie" => GeneratedText.Reviews(new Rng(seed), n, ReviewGrammar.Movie),
        "repetitive" => GeneratedText.Repetitive(new Rng(seed), n),
        "toxic" => GeneratedText.Toxic(new Rng(seed), n),
        _ => Flatten(GeneratedText.TitleAbstracts(new Rng(seed), n)),
    };

    [Theory]
    [MemberData(nameof(Generators))]
    public void Same_seed_gives_the_same_bytes(string name)
    {
        TextCorpus a = Make(name, 42, 300), b = Make(name, 42, 300), c = Make(name, 43, 300);
        Assert.Equal(Hash(a), Hash(b));
        Assert.NotEqual(Hash(a), Hash(c));
        Assert.True(a.Generated);
        Assert.Equal(Make(name, 42, 100).Texts, a.Texts[..100]); // a longer corpus extends a shorter one
    }

    [Theory]
    [InlineData("restaurant", "0B50F0373B6F4913496AF68186B2C50A388810AEF09AFD0266CD80AA7A9CF4BF")]
    [InlineData("movie", "91FB4A8A07F9B4FE4528592007B60A5098363FAA11EE406C9DEAA3121AFD5DE8")]
    [InlineData("repetitive", "AA9276876C5D59D7517BA63E0E7FA33EAA1C64DF625A0798345C4CB2606090D2")]
    [InlineData("toxic", "1C9EC3069755BF9BEAD453CFFE9D01B87BB33E6DE7A20DF5E5C6A23CFA5C12B4")]
    [InlineData("title-abstract", "BB906C7F4CB56F185A4526F999AAE585DD076B8630AC6AC2677606A907BC5587")]
    public void Corpus_bytes_are_pinned_across_machines(string name, string sha256)
    {
        // Text generators use only integer and comparison draws (no libm), so their bytes must not depend on the
        // CPU, AVX-512 or the OS. A deliberate generator change updates these pins and the numbers in CORPORA.md.
        string actual = Hash(Make(name, 2026, 200));
        Assert.True(sha256 == actual, $"{name}: {actual}");
    }

    /// <summary>The documented rule, applied to the text alone: Σ weight · polarity · (−1 if "not") &gt; 0.</summary>
    private static int RuleLabel(string text, ReviewGrammar g)
    {
        int sum = 0;
        foreach (string sentence in SentenceSplitter.Split(text))
        {
            string[] w = Tokenizer.Keras.Tokenize(sentence);
            string? adjective = w.FirstOrDefault(x => g.Positive.Contains(x) || g.Negative.Contains(x));
            if (adjective is null) continue;
            int p = g.Positive.Contains(adjective) ? 1 : -1;
            if (w.Contains(ReviewGrammar.Negator)) p = -p;
            sum += p * (w.Any(g.Intensifiers.Contains) ? 2 : 1);
        }
        Assert.NotEqual(0, sum);
        return sum > 0 ? 1 : 0;
    }

    [Fact]
    public void Review_labels_follow_the_negation_and_intensifier_rule()
    {
        foreach (ReviewGrammar g in new[] { ReviewGrammar.Restaurant, ReviewGrammar.Movie })
        {
            TextCorpus c = GeneratedText.Reviews(new Rng(9), 2000, g);
            for (int i = 0; i < c.Count; i++) Assert.Equal(RuleLabel(c.Texts[i], g), (int)c.Label(i));
            Assert.InRange(c.Positives(), 900, 1100);
            Assert.InRange(c.Tags!.Count(t => t.Contains("negation")), 300, 900);
            Assert.Contains(c.Texts, t => t.Contains("not " + g.Negative[0])); // e.g. "not boring" occurs
            foreach (string topic in g.Topics.Take(6))                           // topic words carry no label
            {
                var with = Enumerable.Range(0, c.Count).Where(i => Tokenizer.Keras.Tokenize(c.Texts[i]).Contains(topic)).ToList();
                Assert.InRange(with.Average(i => c.Label(i)), 0.40, 0.60);
            }
        }
    }

    [Fact]
    public void Label_noise_flips_exactly_the_tagged_reviews()
    {
        TextCorpus c = GeneratedText.Reviews(new Rng(9), 2000, ReviewGrammar.Movie, labelNoise: 0.1);
        var flipped = Enumerable.Range(0, c.Count).Where(i => RuleLabel(c.Texts[i], ReviewGrammar.Movie) != (int)c.Label(i)).ToList();
        Assert.Equal(Enumerable.Range(0, c.Count).Where(i => c.Tags![i].Contains("label-noise")), flipped);
        Assert.InRange(flipped.Count, 150, 250);
    }

    [Fact]
    public void Unigram_model_is_capped_by_negation_and_negation_aware_features_fix_it()
    {
        // Documented in CORPORA.md: unigram bag of words ≈ 0.80 held-out, with "not_x" tokens ≥ 0.95.
        foreach (ReviewGrammar g in new[] { ReviewGrammar.Movie, ReviewGrammar.Restaurant })
        {
            TextCorpus c = GeneratedText.Reviews(new Rng(2), 3000, g);
            double unigram = BagOfWordsLogistic.HeldOutAccuracy(c.Texts, c.Labels, 2000);
            double marked = BagOfWordsLogistic.HeldOutAccuracy(c.Texts, c.Labels, 2000, NegationMarked);
            output.WriteLine($"{g.Name}: unigram {unigram:F3}, negation-marked {marked:F3}");
            Assert.InRange(unigram, 0.74, 0.86);
            Assert.InRange(marked, 0.95, 1.0);
        }
    }

    /// <summary>Joins "not" (and an intensifier after it) to the next word: "not very good" -> "very not_good".</summary>
    private static string[] NegationMarked(string text)
    {
        string[] w = Tokenizer.Keras.Tokenize(text);
        var o = new List<string>();
        for (int i = 0; i < w.Length; i++)
        {
            if (w[i] != ReviewGrammar.Negator || i + 1 == w.Length) { o.Add(w[i]); continue; }
            int j = i + 1;
            if (ReviewGrammar.Movie.Intensifiers.Contains(w[j]) && j + 1 < w.Length) o.Add(w[j++]);
            o.Add("not_" + w[j]);
            i = j;
        }
        return o.ToArray();
    }

    [Fact]
    public void Repetitive_labels_depend_on_the_phrase_only()
    {
        TextCorpus c = GeneratedText.Repetitive(new Rng(4), 500, maxRepeats: 6);
        for (int i = 0; i < c.Count; i++)
        {
            string phrase = GeneratedText.PositivePhrases.Concat(GeneratedText.NegativePhrases).Single(p => c.Texts[i].StartsWith(p + " ") || c.Texts[i] == p);
            int k = int.Parse(c.Tags![i]["repeats=".Length..]);
            Assert.Equal(string.Join(' ', Enumerable.Repeat(phrase, k)), c.Texts[i]);
            Assert.Equal(GeneratedText.PositivePhrases.Contains(phrase) ? 1f : 0f, c.Label(i));
            Assert.InRange(k, 1, 6);
        }
        Assert.Contains(c.Texts, t => t.StartsWith("i hate you i hate you"));
    }

    [Fact]
    public void Toxic_labels_follow_the_lexicon_rules_and_correlate()
    {
        TextCorpus c = GeneratedText.Toxic(new Rng(5), 3000);
        for (int i = 0; i < c.Count; i++)
        {
            string t = c.Texts[i].ToLowerInvariant();
            string[] w = Tokenizer.Keras.Tokenize(t);
            int obscene = w.Count(ToxicLexicon.Obscene.Contains);
            int insults = w.Where((x, j) => j > 0 && w[j - 1] == "you" && ToxicLexicon.Insults.Contains(x)).Count();
            bool threat = ToxicLexicon.Threats.Any(t.Contains);
            bool hate = ToxicLexicon.Groups.Any(g => ToxicLexicon.HateTemplates.Any(h => t.Contains(h.Replace("{g}", g))));
            bool toxicOnly = ToxicLexicon.ToxicOnly.Any(x => t.Contains("you are " + x));
            bool[] expected = [obscene + insults > 0 || threat || hate || toxicOnly, obscene + insults >= ToxicLexicon.SevereCount,
                               obscene > 0, threat, insults > 0, hate];
            Assert.Equal(expected.Select(b => b ? 1f : 0f), c.Labels[(i * 6)..(i * 6 + 6)]);
        }
        for (int k = 1; k < 6; k++) // every label implies toxic
            Assert.All(Enumerable.Range(0, c.Count).Where(i => c.Label(i, k) == 1f), i => Assert.Equal(1f, c.Label(i, 0)));
        Assert.InRange(c.Positives(0), 1050, 1350);  // toxicRate 0.4
        Assert.InRange(c.Positives(1), 150, 400);    // severe_toxic ≈ 0.09
        Assert.Contains(Enumerable.Range(0, c.Count), i => c.Label(i, 0) == 0f && ToxicLexicon.Groups.Any(c.Texts[i].Contains)); // neutral mentions
        for (int k = 0; k < 6; k++)
        {
            float[] col = Enumerable.Range(0, c.Count).Select(i => c.Label(i, k)).ToArray();
            double acc = BagOfWordsLogistic.HeldOutAccuracy(c.Texts, col, 2000);
            output.WriteLine($"toxic {c.LabelNames[k]}: rate {col.Average():F3}, unigram {acc:F3}");
            Assert.InRange(acc, 0.95, 1.0);
        }
    }

    [Fact]
    public void Title_abstract_labels_need_both_triggers_at_the_tagged_places()
    {
        TitleAbstractCorpus t = GeneratedText.TitleAbstracts(new Rng(6), 3000);
        for (int i = 0; i < t.Count; i++)
        {
            string[] titleWords = t.Titles[i].ToLowerInvariant().Split(' ');
            string[] sentences = SentenceSplitter.Split(t.Abstracts[i]).Select(s => s.TrimEnd('.').ToLowerInvariant()).ToArray();
            bool method = GeneratedText.TriggerMethods.Any(m => t.Titles[i].Contains(m));
            int at = Array.IndexOf(sentences, GeneratedText.TriggerSentence);
            Assert.Equal(method && at >= 0 ? 1f : 0f, t.Labels[i]);
            string[] tags = t.Tags![i].Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (method) Assert.Contains(tags, x => x.StartsWith("title-trigger@") &&
                GeneratedText.TriggerMethods.Any(m => m.StartsWith(titleWords[int.Parse(x.Split('@')[1])])));
            if (at >= 0) Assert.Contains($"abstract-trigger@{at}", tags);
        }
        Assert.InRange(t.Labels.Average(), 0.22, 0.28);
        Assert.Contains(t.Abstracts, a => a.Contains("does not outperform"));
        TextCorpus flat = Flatten(t);
        double acc = BagOfWordsLogistic.HeldOutAccuracy(flat.Texts, flat.Labels, 2000);
        output.WriteLine($"title-abstract: positives {t.Labels.Average():F3}, unigram {acc:F3}");
        Assert.InRange(acc, 0.97, 1.0);
    }
}
