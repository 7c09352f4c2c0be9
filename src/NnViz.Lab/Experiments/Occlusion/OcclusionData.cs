using NnViz.Data;
using NnViz.Engine;
using NnViz.Lab.Experiments.Common;

namespace NnViz.Lab.Experiments.Occlusion;

/// <summary>
/// D1's records: the title/abstract records of the data folder (the two ASReview reviews: software engineering =
/// computational 1, public administration = 0; or the user's labelled CSV) when found (source auto or real), else
/// the generated records with a known rule (source generated, or auto with nothing found, said on the console and
/// the page). Real records without an abstract are left out; the rest are shuffled (seeded) so that the last fifth
/// (the test records) holds both fields.
/// </summary>
public static class OcclusionData
{
    public static DataChoice Choose(TitleAbstractData d) =>
        DataChoice.Choose("records", d.Source == "file" ? "real" : d.Source, d.Folder, [KnownDataSet.TitleAbstract]);

    public static (TitleAbstractCorpus Corpus, DataUse? Use) Read(TitleAbstractData d, DataChoice choice, Rng root)
    {
        if (choice.Located is not LocatedDataSet set) return (GeneratedText.TitleAbstracts(root.Fork("data"), d.N), null);
        TitleAbstractCorpus all = set.ReadTitleAbstracts();
        int[] rows = [.. Enumerable.Range(0, all.Titles.Length).Where(i => !string.IsNullOrWhiteSpace(all.Abstracts[i]))];
        int withAbstract = rows.Length;
        root.Fork("data/shuffle").Shuffle<int>(rows);
        rows = rows[..Math.Min(rows.Length, d.N)];
        var corpus = all with
        {
            Titles = [.. rows.Select(i => all.Titles[i])], Abstracts = [.. rows.Select(i => all.Abstracts[i])],
            Labels = [.. rows.Select(i => all.Labels[i])], Ids = [.. rows.Select(i => all.Ids[i])], Tags = null,
        };
        int positives = corpus.Labels.Count(l => l >= 0.5f);
        string sampling = $"{all.Titles.Length - withAbstract} records without an abstract left out; seeded shuffle, {rows.Length} of {withAbstract} kept " +
            $"({positives} computational, {rows.Length - positives} social science); last fifth = test";
        int nTest = Math.Max(1, rows.Length / 5);
        return (corpus, new DataUse(set.Identity(), sampling, [new RowCount("train", rows.Length - nTest), new RowCount("test", nTest)]));
    }
}
