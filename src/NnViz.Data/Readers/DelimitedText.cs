namespace NnViz.Data;

/// <summary>
/// A generic CSV or TSV of text and label(s) with a header row: the caller names the text column and the label
/// columns. The delimiter follows the extension (.tsv/.tab: tab, else comma) unless given.
/// </summary>
public static class DelimitedText
{
    public static TextCorpus Read(string path, string textColumn, IReadOnlyList<string> labelColumns, string? idColumn = null,
        char? delimiter = null, int? limit = null)
    {
        List<CsvRecord> rows = Csv.ReadFile(path, delimiter ?? Csv.DelimiterFor(path));
        if (rows.Count == 0) throw new DataException("the file is empty", path, hint: $"Expected a header row naming {textColumn} and the label columns.");
        var header = new CsvHeader(rows[0], path);
        int[] cols = header.Require([textColumn, .. labelColumns, .. idColumn is null ? Array.Empty<string>() : [idColumn]]);
        int n = Math.Min(rows.Count - 1, limit ?? int.MaxValue);
        int k = labelColumns.Count;
        var texts = new string[n];
        var ids = new string[n];
        var labels = new float[n * k];
        for (int i = 0; i < n; i++)
        {
            CsvRecord r = rows[i + 1];
            header.Check(r);
            texts[i] = r.Fields[cols[0]];
            for (int j = 0; j < k; j++) labels[i * k + j] = TextFiles.ParseLabel(r.Fields[cols[1 + j]], path, r.Line, labelColumns[j]);
            ids[i] = idColumn is null ? $"{Path.GetFileName(path)}:{r.Line}" : r.Fields[cols[1 + k]];
        }
        return new TextCorpus(Path.GetFileNameWithoutExtension(path), texts, labels, labelColumns.ToArray(), ids)
            .NonEmpty(path, "The file has a header but no rows.");
    }
}

/// <summary>Title/abstract records (seed 001) from a CSV/TSV with a header: two text columns and one 0/1 label column.</summary>
public static class TitleAbstractReader
{
    public static TitleAbstractCorpus Read(string path, string titleColumn = "title", string abstractColumn = "abstract",
        string labelColumn = "label", char? delimiter = null)
    {
        List<CsvRecord> rows = Csv.ReadFile(path, delimiter ?? Csv.DelimiterFor(path));
        if (rows.Count == 0) throw new DataException("the file is empty", path, hint: $"Expected a header row: {titleColumn}, {abstractColumn}, {labelColumn}.");
        var header = new CsvHeader(rows[0], path);
        int[] cols = header.Require(titleColumn, abstractColumn, labelColumn);
        int n = rows.Count - 1;
        if (n == 0) throw new DataException("no records found (empty corpus)", path, hint: "The file has a header but no rows.");
        var titles = new string[n];
        var abstracts = new string[n];
        var labels = new float[n];
        var ids = new string[n];
        for (int i = 0; i < n; i++)
        {
            CsvRecord r = rows[i + 1];
            header.Check(r);
            titles[i] = r.Fields[cols[0]];
            abstracts[i] = r.Fields[cols[1]];
            labels[i] = TextFiles.ParseLabel(r.Fields[cols[2]], path, r.Line, labelColumn);
            ids[i] = $"{Path.GetFileName(path)}:{r.Line}";
        }
        return new TitleAbstractCorpus(Path.GetFileNameWithoutExtension(path), titles, abstracts, labels, ids);
    }
}
