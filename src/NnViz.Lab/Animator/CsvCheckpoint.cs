using System.Globalization;
using NnViz.Data;

namespace NnViz.Lab.Animator;

/// <summary>
/// One checkpoint read from a user's CSV (catalogue C6): a header row, then one row per point. The <c>id</c> column
/// names points (required, unique); optional <c>label</c> and <c>text</c> columns; every other column is a number.
/// <see cref="Values"/> is rows x <see cref="Columns"/>, row-major, in file order.
/// </summary>
public sealed record CsvCheckpoint(string File, string[] Ids, string[]? Labels, string[]? Texts, string[] ColumnNames, float[] Values)
{
    public int Rows => Ids.Length;
    public int Columns => ColumnNames.Length;

    /// <summary>Parses <paramref name="text"/>; every problem is a <see cref="DataException"/> naming <paramref name="file"/> and the line.</summary>
    public static CsvCheckpoint Parse(string file, string text)
    {
        var records = Csv.Read(new StringReader(text), file).ToList();
        if (records.Count == 0) throw new DataException("the file is empty", file, 1, "Expected a header row such as id,label,x,y and one row per point.");
        var header = new CsvHeader(records[0], file);
        string[] names = [.. records[0].Fields.Select(f => f.Trim())];
        int id = header.Require("id")[0];
        int label = Array.FindIndex(names, n => n.Equals("label", StringComparison.OrdinalIgnoreCase));
        int textCol = Array.FindIndex(names, n => n.Equals("text", StringComparison.OrdinalIgnoreCase));
        int[] numeric = [.. Enumerable.Range(0, names.Length).Where(c => c != id && c != label && c != textCol)];
        if (numeric.Length == 0) throw new DataException("no numeric columns besides id, label and text", file, 1, "Add at least one column of coordinates or activations.");
        if (records.Count == 1) throw new DataException("no data rows after the header", file, 1, "Add one row per point.");
        int rows = records.Count - 1;
        var ids = new string[rows];
        var values = new float[rows * numeric.Length];
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int r = 0; r < rows; r++)
        {
            var rec = records[r + 1];
            header.Check(rec);
            ids[r] = rec.Fields[id].Trim();
            if (ids[r].Length == 0) throw new DataException("missing id", file, rec.Line, "Every row needs a value in the id column.");
            if (seen.TryGetValue(ids[r], out long first)) throw new DataException($"id '{ids[r]}' repeats the id of line {first}", file, rec.Line, "Ids must be unique within a file.");
            seen[ids[r]] = rec.Line;
            for (int c = 0; c < numeric.Length; c++)
            {
                string s = rec.Fields[numeric[c]].Trim();
                if (!float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out float v) || !float.IsFinite(v))
                    throw new DataException($"column '{names[numeric[c]]}': '{s}' is not a number", file, rec.Line, "Numbers use a dot as the decimal separator (1.5, -2e-3).");
                values[r * numeric.Length + c] = v;
            }
        }
        string[]? Column(int c) => c < 0 ? null : [.. records.Skip(1).Select(rec => rec.Fields[c])];
        return new CsvCheckpoint(file, ids, Column(label), Column(textCol), [.. numeric.Select(c => names[c])], values);
    }

    /// <summary>
    /// Puts the later checkpoints' rows in the first one's id order and checks they describe the same points in the
    /// same space; errors name the file and the offending line.
    /// </summary>
    public static IReadOnlyList<CsvCheckpoint> Match(IReadOnlyList<CsvCheckpoint> checkpoints)
    {
        if (checkpoints.Count < 1) throw new DataException("no CSV files given", hint: "nnviz animate a.csv b.csv [c.csv ...]");
        var first = checkpoints[0];
        var order = first.Ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var result = new List<CsvCheckpoint> { first };
        foreach (var c in checkpoints.Skip(1))
        {
            if (c.Columns != first.Columns)
                throw new DataException($"{c.Columns} numeric columns but {Path.GetFileName(first.File)} has {first.Columns}", c.File, 1, "Every checkpoint must describe the points in the same space.");
            var index = new int[first.Rows];
            Array.Fill(index, -1);
            for (int r = 0; r < c.Rows; r++)
            {
                if (!order.TryGetValue(c.Ids[r], out int at))
                    throw new DataException($"id '{c.Ids[r]}' is not in {Path.GetFileName(first.File)}", c.File, r + 2, "Every file must list the same ids (in any order).");
                index[at] = r;
            }
            int missing = Array.IndexOf(index, -1);
            if (missing >= 0)
                throw new DataException($"id '{first.Ids[missing]}' (line {missing + 2} of {Path.GetFileName(first.File)}) is missing here", c.File, null, "Every file must list the same ids (in any order).");
            var values = new float[first.Rows * first.Columns];
            for (int i = 0; i < first.Rows; i++) Array.Copy(c.Values, index[i] * c.Columns, values, i * c.Columns, c.Columns);
            result.Add(c with { Ids = first.Ids, Values = values, Labels = c.Labels is null ? null : [.. index.Select(r => c.Labels[r])], Texts = c.Texts is null ? null : [.. index.Select(r => c.Texts[r])] });
        }
        return result;
    }
}
