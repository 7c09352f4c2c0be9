namespace NnViz.Data;

/// <summary>
/// The Jigsaw/Kaggle Toxic Comment Classification <c>train.csv</c> (and samples of it): columns looked up by
/// header name (their order differs between copies), six 0/1 labels, comments with line breaks inside quotes.
/// </summary>
public static class Jigsaw
{
    public static IReadOnlyList<string> LabelNames { get; } = ["toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate"];

    public static TextCorpus Read(string path, int? limit = null)
    {
        List<CsvRecord> rows = Csv.ReadFile(path);
        if (rows.Count == 0) throw new DataException("the file is empty", path, hint: "Expected Kaggle's train.csv with a header row.");
        var header = new CsvHeader(rows[0], path);
        int[] cols = header.Require(["id", "comment_text", .. LabelNames]);
        int n = Math.Min(rows.Count - 1, limit ?? int.MaxValue);
        var texts = new string[n];
        var ids = new string[n];
        var labels = new float[n * LabelNames.Count];
        for (int i = 0; i < n; i++)
        {
            CsvRecord r = rows[i + 1];
            header.Check(r);
            ids[i] = r.Fields[cols[0]];
            texts[i] = r.Fields[cols[1]];
            for (int k = 0; k < LabelNames.Count; k++)
            {
                float v = TextFiles.ParseLabel(r.Fields[cols[2 + k]], path, r.Line, LabelNames[k]);
                if (v is not (0f or 1f))
                    throw new DataException($"label {LabelNames[k]} = {r.Fields[cols[2 + k]]}, expected 0 or 1", path, r.Line,
                        "Kaggle's test_labels.csv marks unscored rows with -1: drop those rows or use train.csv.");
                labels[i * LabelNames.Count + k] = v;
            }
        }
        return new TextCorpus(Path.GetFileNameWithoutExtension(path), texts, labels, LabelNames, ids)
            .NonEmpty(path, "The file has a header but no rows.");
    }

    /// <summary>
    /// Kaggle's test.csv (id, comment_text) joined by id with test_labels.csv (id + the six labels); rows labelled -1
    /// (not scored by Kaggle) are left out, as the published test_labels.csv says. The order is test.csv's.
    /// </summary>
    public static TextCorpus ReadTest(string testCsv, string labelsCsv, int? limit = null)
    {
        List<CsvRecord> labelRows = Csv.ReadFile(labelsCsv);
        if (labelRows.Count == 0) throw new DataException("the file is empty", labelsCsv, hint: "Expected Kaggle's test_labels.csv with a header row.");
        var lh = new CsvHeader(labelRows[0], labelsCsv);
        int[] lc = lh.Require(["id", .. LabelNames]);
        var byId = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (CsvRecord r in labelRows.Skip(1))
        {
            lh.Check(r);
            float[] v = LabelNames.Select((n, k) => TextFiles.ParseLabel(r.Fields[lc[1 + k]], labelsCsv, r.Line, n)).ToArray();
            if (v.All(x => x is 0f or 1f)) byId[r.Fields[lc[0]]] = v;
        }
        List<CsvRecord> rows = Csv.ReadFile(testCsv);
        if (rows.Count == 0) throw new DataException("the file is empty", testCsv, hint: "Expected Kaggle's test.csv with a header row.");
        var th = new CsvHeader(rows[0], testCsv);
        int[] tc = th.Require("id", "comment_text");
        var texts = new List<string>();
        var ids = new List<string>();
        var labels = new List<float>();
        foreach (CsvRecord r in rows.Skip(1))
        {
            th.Check(r);
            if (limit is int max && texts.Count >= max) break;
            if (!byId.TryGetValue(r.Fields[tc[0]], out float[]? v)) continue;
            ids.Add(r.Fields[tc[0]]);
            texts.Add(r.Fields[tc[1]]);
            labels.AddRange(v);
        }
        return new TextCorpus("jigsaw-test", texts.ToArray(), labels.ToArray(), LabelNames, ids.ToArray())
            .NonEmpty(testCsv, "No test.csv id has scored labels (0/1) in test_labels.csv.");
    }
}
