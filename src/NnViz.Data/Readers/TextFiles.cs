using System.Globalization;

namespace NnViz.Data;

/// <summary>Small checks and decoders shared by the text readers.</summary>
internal static class TextFiles
{
    public static void RequireFile(string path, string what)
    {
        if (Directory.Exists(path))
            throw new DataException($"expected {what} but this is a folder", path, hint: "Give the path of the file itself.");
        if (!File.Exists(path))
            throw new DataException("file not found", path, hint: $"Check the path; it should be {what}.");
    }

    /// <summary>Parses a 0/1 (or other number) label field, naming the file, line and column on failure.</summary>
    public static float ParseLabel(string field, string file, long line, string column)
    {
        if (float.TryParse(field.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out float v) && float.IsFinite(v)) return v;
        throw new DataException($"label '{Shorten(field)}' in column {column} is not a number", file, line,
            "Labels must be numbers such as 0 or 1.");
    }

    public static string Shorten(string s, int max = 40) => s.Length <= max ? s : s[..max] + "…";
}
