using System.Globalization;

namespace NnViz.Lab.Runs;

/// <summary>
/// The data column of the run's console table in a few words: each data set's name and the rows used
/// (<c>jigsaw: train 2,000, validation 200</c>), or what stood in. The checksums, files and sampling stay in
/// summary.json and on the page.
/// </summary>
public static class DataLine
{
    public static string For(RunSummary s)
    {
        if (s.Data is { Count: > 0 } uses)
        {
            string sets = string.Join("; ", uses.Select(u => $"{u.DataSet}: {Rows(u.RowsUsed)}"));
            return s.GeneratedData ? $"stand-in {sets}" : sets;
        }
        if (s.WriteUpSynthetic) return "synthetic, as the write-up's";
        return s.GeneratedData ? "generated stand-in (why: on the page)" : "generated";
    }

    private static string Rows(IReadOnlyList<NnViz.Data.RowCount> rows) => rows.Count == 0 ? "all rows"
        : string.Join(", ", rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Part} {r.Rows:N0}")));
}
