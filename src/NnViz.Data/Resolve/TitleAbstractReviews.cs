namespace NnViz.Data;

/// <summary>
/// The title/abstract stand-in of D1 (seed 001): records of two systematic reviews exported by ASReview, labelled by
/// the review's field: the software-engineering review (Kitchenham 2010) is computational (label 1), the public
/// administration review (Nagtegaal 2019) social science (label 0). Records without an abstract are kept (title only).
/// </summary>
public static class TitleAbstractReviews
{
    public const string Computational = "computational";
    public const string SocialScience = "social-science";

    public static IReadOnlyList<string> Roles { get; } = [Computational, SocialScience];

    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Kitchenham_2010.csv"] = Computational,
        ["Nagtegaal_2019.csv"] = SocialScience,
    };

    /// <summary>The field of a known review export, or null.</summary>
    public static string? FieldOf(string fileName) => Fields.GetValueOrDefault(fileName);

    /// <summary>Both reviews' records in one corpus: the computational file's records first (label 1), then the other's (label 0).</summary>
    public static TitleAbstractCorpus Read(string computationalCsv, string socialScienceCsv)
    {
        TitleAbstractCorpus a = ReadOne(computationalCsv, 1f), b = ReadOne(socialScienceCsv, 0f);
        return new TitleAbstractCorpus("title-abstract-reviews", [.. a.Titles, .. b.Titles], [.. a.Abstracts, .. b.Abstracts],
            [.. a.Labels, .. b.Labels], [.. a.Ids, .. b.Ids]);
    }

    /// <summary>One export (columns record_id, title, abstract, …), every record given <paramref name="label"/>.</summary>
    public static TitleAbstractCorpus ReadOne(string path, float label)
    {
        List<CsvRecord> rows = Csv.ReadFile(path, Csv.DelimiterFor(path));
        if (rows.Count < 2) throw new DataException("no records found", path, hint: "Expected an ASReview export with a header row and records.");
        var header = new CsvHeader(rows[0], path);
        int[] cols = header.Require("record_id", "title", "abstract");
        int n = rows.Count - 1;
        var titles = new string[n];
        var abstracts = new string[n];
        var ids = new string[n];
        for (int i = 0; i < n; i++)
        {
            CsvRecord r = rows[i + 1];
            header.Check(r);
            ids[i] = $"{Path.GetFileNameWithoutExtension(path)}:{r.Fields[cols[0]]}";
            titles[i] = r.Fields[cols[1]];
            abstracts[i] = r.Fields[cols[2]];
        }
        return new TitleAbstractCorpus(Path.GetFileNameWithoutExtension(path), titles, abstracts, Enumerable.Repeat(label, n).ToArray(), ids);
    }
}
