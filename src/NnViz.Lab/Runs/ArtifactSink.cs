using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NnViz.Lab.Runs;

/// <summary>
/// Writes an experiment's artifacts into its staging folder by relative path, with deterministic bytes
/// (UTF-8 without BOM, "\n" line ends, InvariantCulture numbers). Nothing is written outside the folder.
/// </summary>
public sealed class ArtifactSink(string root)
{
    private static readonly UTF8Encoding Utf8 = new(false);
    public string Root { get; } = root;

    public string FullPath(string relative)
    {
        string full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!full.StartsWith(Path.GetFullPath(Root), StringComparison.Ordinal))
            throw new ArgumentException($"artifact path escapes the experiment folder: {relative}");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>Creates (if needed) a folder inside the experiment's artifacts and returns its full path.</summary>
    public string Folder(string relative)
    {
        string full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!full.StartsWith(Path.GetFullPath(Root), StringComparison.Ordinal))
            throw new ArgumentException($"artifact path escapes the experiment folder: {relative}");
        Directory.CreateDirectory(full);
        return full;
    }

    public string Text(string relative, string content)
    {
        File.WriteAllText(FullPath(relative), content.Replace("\r\n", "\n"), Utf8);
        return relative;
    }

    public string Json<T>(string relative, T value) =>
        Text(relative, JsonSerializer.Serialize(value, JsonOptions) + "\n");

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>A 2-D table as CSV (header row, then rows; numbers with 6 significant digits).</summary>
    public string Csv(string relative, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object>> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(",", header.Select(Quote))).Append('\n');
        foreach (var row in rows)
            sb.Append(string.Join(",", row.Select(v => v switch
            {
                double d => d.ToString("G6", CultureInfo.InvariantCulture),
                float f => f.ToString("G6", CultureInfo.InvariantCulture),
                IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
                _ => Quote(v?.ToString() ?? ""),
            }))).Append('\n');
        return Text(relative, sb.ToString());
    }

    /// <summary>A float32 array as NPY v1.0 (little-endian, C order), readable by numpy.load (<see cref="NpyFile"/>).</summary>
    public string Npy(string relative, float[] data, params int[] shape)
    {
        var bytes = NpyFile.Encode(data, shape);
        File.WriteAllBytes(FullPath(relative), bytes);
        return relative;
    }

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
}
