using System.Text;

namespace NnViz.Data;

/// <summary>One CSV record: its fields and the 1-based line on which it starts.</summary>
public sealed record CsvRecord(string[] Fields, long Line);

/// <summary>
/// A small RFC 4180 reader: fields separated by <c>delimiter</c>, records by LF or CRLF; a field in double
/// quotes may hold delimiters, line breaks and doubled quotes (<c>""</c>). A quote inside an unquoted field is
/// kept as a literal character (lenient, as most writers do); text after a closing quote or an unclosed quote
/// at the end of the file is an error naming the line.
/// </summary>
public static class Csv
{
    public static IEnumerable<CsvRecord> Read(TextReader reader, string fileName, char delimiter = ',')
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        long line = 1, recordLine = 1, quoteLine = 0;
        bool inQuotes = false, wasQuoted = false, any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            char ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else { inQuotes = false; wasQuoted = true; }
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            if (ch == delimiter) { fields.Add(field.ToString()); field.Clear(); wasQuoted = false; any = true; }
            else if (ch == '\n' || ch == '\r')
            {
                if (ch == '\r' && reader.Peek() == '\n') reader.Read();
                if (any || field.Length > 0 || wasQuoted)
                {
                    fields.Add(field.ToString());
                    yield return new CsvRecord(fields.ToArray(), recordLine);
                }
                fields.Clear(); field.Clear(); wasQuoted = false; any = false;
                line++;
                recordLine = line;
            }
            else if (wasQuoted)
                throw new DataException($"unexpected character '{ch}' after a closing quote", fileName, line,
                    "A quoted field must end right before the delimiter or the line end; double quotes inside it (\"\").");
            else if (ch == '"' && field.Length == 0) { inQuotes = true; quoteLine = line; any = true; }
            else { field.Append(ch); any = true; }
        }
        if (inQuotes)
            throw new DataException("a quoted field opened here is never closed", fileName, quoteLine,
                "The file may be truncated, or a quote inside a field is not doubled.");
        if (any || field.Length > 0 || wasQuoted)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(fields.ToArray(), recordLine);
        }
    }

    /// <summary>Reads a whole file (UTF-8, BOM skipped).</summary>
    public static List<CsvRecord> ReadFile(string path, char delimiter = ',')
    {
        TextFiles.RequireFile(path, "a CSV file");
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path, delimiter).ToList();
    }

    /// <summary>The delimiter a file name suggests: tab for .tsv/.tab, comma otherwise.</summary>
    public static char DelimiterFor(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".tsv" or ".tab" ? '\t' : ',';
}

/// <summary>A CSV header: finds columns by name and reports missing ones with the header it did find.</summary>
public sealed class CsvHeader
{
    private readonly string[] _names;
    private readonly string _file;

    public CsvHeader(CsvRecord header, string file)
    {
        _names = header.Fields.Select(f => f.Trim()).ToArray();
        _file = file;
    }

    public int Width => _names.Length;

    /// <summary>The index of each named column (case-insensitive); a <see cref="DataException"/> lists all that are missing.</summary>
    public int[] Require(params string[] columns)
    {
        var idx = columns.Select(c => Array.FindIndex(_names, n => string.Equals(n, c, StringComparison.OrdinalIgnoreCase))).ToArray();
        string[] missing = columns.Where((_, i) => idx[i] < 0).ToArray();
        if (missing.Length > 0)
            throw new DataException($"missing column{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing)}; the header has: {string.Join(", ", _names)}",
                _file, 1, "Name the columns in the first row, or tell the reader which columns hold the text and the labels.");
        return idx;
    }

    /// <summary>Checks a record's field count against the header.</summary>
    public void Check(CsvRecord r)
    {
        if (r.Fields.Length != Width)
            throw new DataException($"{r.Fields.Length} fields where the header has {Width}", _file, r.Line,
                "Quote fields that contain the delimiter or line breaks.");
    }
}
