namespace NnViz.Data;

internal static partial class DataFinders
{
    /// <summary>The column names of a CSV file's header row (lower case), or none when it has no readable header.</summary>
    public static string[] Header(FileInfo f)
    {
        string line = DataScan.FirstLine(f);
        if (line.Length == 0) return [];
        try
        {
            CsvRecord? r = Csv.Read(new StringReader(line), f.FullName, Csv.DelimiterFor(f.Name)).FirstOrDefault();
            return r?.Fields.Select(x => x.Trim().ToLowerInvariant()).ToArray() ?? [];
        }
        catch (DataException) { return []; }
    }

    private static bool Has(string[] header, params IEnumerable<string> columns) => columns.All(header.Contains);

    /// <summary>
    /// Jigsaw: train = the official train.csv, else the largest CSV with the train columns whose name does not say
    /// "test"; test (from the same folder) = a labelled CSV whose name says "test" (the largest), else test.csv + test_labels.csv.
    /// </summary>
    public static IEnumerable<LocatedDataSet> Jigsaw(DataScan scan)
    {
        var csvs = scan.Named("*.csv").Select(f => (File: f, Header: Header(f))).ToList();
        var labelled = csvs.Where(c => Has(c.Header, ["id", "comment_text", .. Data.Jigsaw.LabelNames])).ToList();
        static bool IsTest(FileInfo f) => f.Name.Contains("test", StringComparison.OrdinalIgnoreCase);
        var trains = labelled.Where(c => !IsTest(c.File)).Select(c => c.File)
            .OrderBy(f => f.Name.Equals("train.csv", StringComparison.OrdinalIgnoreCase) ? 0 : 1).ThenByDescending(f => f.Size()).ToList();
        foreach (FileInfo train in trains)
        {
            // Test rows only from the train file's own folder: a sample's train rows paired with another copy's test rows could overlap.
            var here = csvs.Where(c => c.File.DirectoryName == train.DirectoryName).ToList();
            DataFile[] test = JigsawTest(here, labelled.Where(c => IsTest(c.File) && c.File.DirectoryName == train.DirectoryName).Select(c => c.File));
            string how = train.Name.Equals("train.csv", StringComparison.OrdinalIgnoreCase) ? "Kaggle's train.csv" : $"a CSV with train.csv's columns ({train.Name})";
            yield return new LocatedDataSet(KnownDataSet.Jigsaw, train.DirectoryName!, [new DataFile("train", train.FullName, train.Size()), .. test],
                test.Length == 0 ? how + "; no labelled test rows found" : $"{how}; test rows from {string.Join(" + ", test.Select(t => t.Name))}");
        }
    }

    private static DataFile[] JigsawTest(List<(FileInfo File, string[] Header)> csvs, IEnumerable<FileInfo> labelledTests)
    {
        FileInfo? joined = labelledTests.OrderByDescending(f => f.Size()).FirstOrDefault();
        if (joined is not null) return [new DataFile("test", joined.FullName, joined.Size())];
        foreach (var t in csvs.Where(c => c.File.Name.Equals("test.csv", StringComparison.OrdinalIgnoreCase) && Has(c.Header, "id", "comment_text")))
        {
            var labels = new FileInfo(Path.Combine(t.File.DirectoryName!, "test_labels.csv"));
            if (labels.Exists && Has(Header(labels), ["id", .. Data.Jigsaw.LabelNames]))
                return [new DataFile("test", t.File.FullName, t.File.Size()), new DataFile("test-labels", labels.FullName, labels.Size())];
        }
        return [];
    }

    /// <summary>The three UCI files side by side (a folder with all three first), else the UCI zip read in place.</summary>
    public static IEnumerable<LocatedDataSet> Uci(DataScan scan)
    {
        var groups = UciSentences.FileNames.SelectMany(n => scan.Named(n)).GroupBy(f => f.DirectoryName!)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var g in groups)
        {
            var files = g.Select(f => new DataFile(UciRole(f.Name), f.FullName, f.Size())).OrderBy(f => f.Role, StringComparer.Ordinal).ToArray();
            string[] missing = UciSentences.FileNames.Where(n => g.All(f => f.Name != n)).ToArray();
            yield return new LocatedDataSet(KnownDataSet.UciSentences, g.Key, files, "the published file names", Missing: missing);
        }
        foreach (FileInfo zip in scan.Named("sentiment*labelled*sentences*.zip"))
        {
            var entries = ZipMembers.Find(zip.FullName, UciSentences.FileNames);
            if (entries.Count == 0) continue;
            yield return new LocatedDataSet(KnownDataSet.UciSentences, zip.DirectoryName!,
                entries.Select(e => new DataFile(UciRole(Path.GetFileName(e)), zip.FullName, zip.Size(), e)).OrderBy(f => f.Role, StringComparer.Ordinal).ToArray(),
                $"the UCI zip {zip.Name}, read in place",
                Missing: UciSentences.FileNames.Where(n => entries.All(e => Path.GetFileName(e) != n)).ToArray());
        }
    }

    /// <summary>"amazon", "imdb" or "yelp" for a UCI file name.</summary>
    public static string UciRole(string fileName) => fileName.Split('_')[0];

    /// <summary>glove.6B.50d.txt, then glove.6B.zip (its 50d member), then other glove.6B.50d*.txt by size (most words first).</summary>
    public static IEnumerable<LocatedDataSet> Glove(DataScan scan)
    {
        static LocatedDataSet Of(FileInfo f, string how, string? entry = null) =>
            new(KnownDataSet.Glove6B50d, f.DirectoryName!, [new DataFile("vectors", f.FullName, f.Size(), entry)], how);
        var texts = scan.Named("glove.6B.50d*.txt").ToList();
        foreach (FileInfo f in texts.Where(f => f.Name.Equals("glove.6B.50d.txt", StringComparison.OrdinalIgnoreCase))) yield return Of(f, "the published file name");
        foreach (FileInfo z in scan.Named("glove.6B.zip"))
            if (ZipMembers.Find(z.FullName, ["glove.6B.50d.txt"]) is [string entry]) yield return Of(z, "glove.6B.zip, its 50d member read in place", entry);
        foreach (FileInfo f in texts.Where(f => !f.Name.Equals("glove.6B.50d.txt", StringComparison.OrdinalIgnoreCase)).OrderByDescending(f => f.Size()))
            yield return Of(f, $"a subset named {f.Name}");
    }

    /// <summary>ASReview review exports whose field is known, as one two-class set; then CSVs with title, abstract and label columns.</summary>
    public static IEnumerable<LocatedDataSet> TitleAbstract(DataScan scan)
    {
        var csvs = scan.Named("*.csv").Concat(scan.Named("*.tsv")).Select(f => (File: f, Header: Header(f)))
            .Where(c => Has(c.Header, "title", "abstract")).ToList();
        var reviews = csvs.Where(c => TitleAbstractReviews.FieldOf(c.File.Name) is not null).Select(c => c.File)
            .GroupBy(f => f.DirectoryName!);
        foreach (var g in reviews)
        {
            var files = g.Select(f => new DataFile(TitleAbstractReviews.FieldOf(f.Name)!, f.FullName, f.Size())).OrderBy(f => f.Role, StringComparer.Ordinal).ToArray();
            string[] missing = TitleAbstractReviews.Roles.Where(r => files.All(f => f.Role != r)).ToArray();
            yield return new LocatedDataSet(KnownDataSet.TitleAbstract, g.Key, files,
                "ASReview exports of a computational and a social-science review (label = the review's field)", Missing: missing);
        }
        foreach (var c in csvs.Where(c => c.Header.Contains("label")))
            yield return new LocatedDataSet(KnownDataSet.TitleAbstract, c.File.DirectoryName!, [new DataFile("records", c.File.FullName, c.File.Size())],
                $"a CSV with title, abstract and label columns ({c.File.Name})");
    }
}
