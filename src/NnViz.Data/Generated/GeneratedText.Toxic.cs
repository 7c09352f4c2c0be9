using NnViz.Engine;

namespace NnViz.Data;

public static partial class GeneratedText
{
    /// <summary>
    /// A multi-label toxic-comment corpus with Jigsaw's six labels. A comment is clean with probability
    /// 1 - <paramref name="toxicRate"/>: 1-3 wiki-talk sentences (some naming a fictional group neutrally). Otherwise
    /// each of obscene (p 0.5), insult (0.5), threat (0.15), identity_hate (0.15) is switched on independently,
    /// severe (p 0.3 when obscene or insult is on) adds words up to <see cref="ToxicLexicon.SevereCount"/>, and a
    /// comment with none of them gets a toxic-only word; 0-2 clean sentences are mixed in.
    /// <b>Ground truth, read from the text alone:</b> obscene iff an obscene word occurs; insult iff "you" + an insult
    /// word; threat iff a threat phrase; identity_hate iff a hate template with a group; severe_toxic iff at least 3
    /// obscene/insult words; toxic iff any of these or a toxic-only word. So severe_toxic ⊂ toxic and every label
    /// implies toxic (the correlation of the real set). Clean sentences never contain lexicon words.
    /// </summary>
    public static TextCorpus Toxic(Rng rng, int n, double toxicRate = 0.4)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "must be positive");
        Rng r = rng;
        var texts = new string[n];
        var labels = new float[n * 6];
        var ids = new string[n];
        var tags = new string[n];
        for (int i = 0; i < n; i++)
        {
            var parts = new List<string>();
            bool[] on = new bool[6]; // Jigsaw order: toxic, severe_toxic, obscene, threat, insult, identity_hate
            if (r.NextDouble() < toxicRate) ToxicParts(r, parts, on);
            int clean = on[0] ? r.NextInt(3) : 1 + r.NextInt(3);
            for (int c = 0; c < clean; c++) parts.Add(ToxicLexicon.CleanSentences[r.NextInt(ToxicLexicon.CleanSentences.Count)].Replace("{g}", Pick(r, ToxicLexicon.Groups)));
            r.Shuffle<string>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(parts));
            texts[i] = Paragraph(parts);
            for (int k = 0; k < 6; k++) labels[i * 6 + k] = on[k] ? 1f : 0f;
            ids[i] = $"toxic/{i}";
            tags[i] = string.Join(",", Jigsaw.LabelNames.Where((_, k) => on[k]));
        }
        return new TextCorpus("generated-toxic", texts, labels, Jigsaw.LabelNames, ids, Generated: true, Tags: tags);
    }

    private static void ToxicParts(Rng r, List<string> parts, bool[] on)
    {
        bool obscene = r.NextDouble() < 0.5, insult = r.NextDouble() < 0.5;
        bool threat = r.NextDouble() < 0.15, hate = r.NextDouble() < 0.15;
        bool severe = (obscene || insult) && r.NextDouble() < 0.3;
        var words = new List<string>(); // obscene and insult words, placed into sentences below
        if (obscene) words.Add(Pick(r, ToxicLexicon.Obscene));
        if (insult) words.Add("you " + Pick(r, ToxicLexicon.Insults));
        while (severe && words.Count < ToxicLexicon.SevereCount)
            words.Add(obscene && (!insult || r.NextInt(2) == 0) ? Pick(r, ToxicLexicon.Obscene) : "you " + Pick(r, ToxicLexicon.Insults));
        if (words.Count > 0) parts.Add("this is " + string.Join(" ", words));
        if (threat) parts.Add(Pick(r, ToxicLexicon.Threats));
        if (hate) parts.Add(Pick(r, ToxicLexicon.HateTemplates).Replace("{g}", Pick(r, ToxicLexicon.Groups)));
        bool any = obscene || insult || threat || hate;
        if (!any) parts.Add("you are " + Pick(r, ToxicLexicon.ToxicOnly));
        on[0] = true;
        on[1] = severe;
        on[2] = obscene;
        on[3] = threat;
        on[4] = insult;
        on[5] = hate;
    }
}
