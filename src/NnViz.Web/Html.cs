using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace NnViz.Web;

/// <summary>Small HTML helpers: escaping, element ids, and JSON safe to embed inside a script element.</summary>
public static partial class Html
{
    /// <summary>Escapes text for element content.</summary>
    public static string Text(string s) =>
        s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>
    /// Escapes text for content or a double-quoted attribute the way the report pages always have
    /// (WebUtility.HtmlEncode: also apostrophes and Latin-1 letters as numeric references), so pages keep their bytes.
    /// </summary>
    public static string Encode(string s) => System.Net.WebUtility.HtmlEncode(s);

    /// <summary>Escapes text for a double-quoted attribute value.</summary>
    public static string Attr(string s) => Text(s).Replace("\"", "&quot;");

    /// <summary>Throws unless <paramref name="id"/> is a plain element id (letter, then letters, digits, '-', '_').</summary>
    public static string CheckId(string id) =>
        IdPattern().IsMatch(id) ? id
            : throw new ArgumentException($"element id \"{id}\": expected a letter followed by letters, digits, '-' or '_'", nameof(id));

    /// <summary>Options that escape '&lt;', '&gt;', '&amp;' and quotes as \uXXXX, so "&lt;/script&gt;" inside a
    /// string can never close the data element, while leaving other scripts (accents, CJK) readable.</summary>
    public static JsonWriterOptions JsonOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    /// <summary>Writes a JSON document with <paramref name="write"/> and returns it as a string.</summary>
    public static string Json(Action<Utf8JsonWriter> write)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, JsonOptions)) write(w);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>A non-executed data element the players read with JSON.parse.</summary>
    public static string DataScript(string json) =>
        $"<script type=\"application/json\" class=\"nv-data\">{json}</script>";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex IdPattern();
}
