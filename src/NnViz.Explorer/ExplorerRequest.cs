using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace NnViz.Explorer;

/// <summary>
/// The text of a POST /api/explain body: plain UTF-8 text (text/plain, or no content type) or JSON {"text": "..."}
/// (application/json). Everything else is an <see cref="ExplorerInputException"/> saying what to send instead.
/// </summary>
public static class ExplorerRequest
{
    private const string Example = "send {\"text\": \"This movie is boring!\"} as application/json, or the sentence itself as text/plain";
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>
    /// Bodies up to this many times the limit are read to their end (and dropped) before the 413, so a client that
    /// sent without Expect: 100-continue still gets the answer; larger ones are refused at once (the client may then
    /// see the connection closed while it is still sending).
    /// </summary>
    public const int DrainFactor = 4;

    public static async Task<string> ReadTextAsync(HttpRequest request, int maxBytes, CancellationToken cancel)
    {
        long drain = (long)DrainFactor * maxBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = drain;
        if (request.ContentLength > drain) throw TooLarge(maxBytes);
        bool json = IsJson(request.ContentType);
        byte[]? body = await ReadBodyAsync(request, maxBytes, cancel).ConfigureAwait(false);
        if (body is null) throw TooLarge(maxBytes);
        return json ? FromJson(body) : FromPlainText(body);
    }

    /// <summary>True for JSON, false for plain text; 415 for any other media type or for a charset other than UTF-8.</summary>
    public static bool IsJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return false;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
            throw new ExplorerInputException($"The content type '{contentType}' cannot be read: {Example}.", InputProblem.UnsupportedType);
        string? charset = media.Charset.Value;
        if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
            throw new ExplorerInputException($"The charset '{charset}' is not read: send the text as UTF-8.", InputProblem.UnsupportedType);
        if (type.Equals("text/plain", StringComparison.OrdinalIgnoreCase)) return false;
        if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase)) return true;
        throw new ExplorerInputException($"The content type '{type}' is not read: {Example}.", InputProblem.UnsupportedType);
    }

    /// <summary>The body, or null when it is over <paramref name="maxBytes"/> (read to its end all the same).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        bool over = false;
        try
        {
            int n;
            while ((n = await request.Body.ReadAsync(chunk, cancel).ConfigureAwait(false)) > 0)
            {
                over |= buffer.Length + n > maxBytes;
                if (!over) buffer.Write(chunk, 0, n);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge) { throw TooLarge(maxBytes); }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            throw new ExplorerInputException("The request body arrived too slowly (the explorer reads at least 100 bytes per second after 5 s).", InputProblem.TooSlow);
        }
        catch (BadHttpRequestException e) { throw new ExplorerInputException($"The request body could not be read: {e.Message}"); }
        return over ? null : buffer.ToArray();
    }

    private static string FromPlainText(byte[] body)
    {
        try { return StrictUtf8.GetString(body); }
        catch (DecoderFallbackException e)
        {
            throw new ExplorerInputException($"The body is not valid UTF-8 (bad byte at offset {e.Index}): send the text as UTF-8.");
        }
    }

    private static string FromJson(byte[] body)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(body); }
        catch (JsonException e)
        {
            string where = e.LineNumber is long line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            throw new ExplorerInputException($"The body is not valid JSON{where}: {Example}.");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String)
                throw new ExplorerInputException($"Expected a JSON object with a string \"text\": {Example}.");
            try { return t.GetString()!; }
            catch (InvalidOperationException)
            {
                // System.Text.Json refuses a string escape that is not valid UTF-16 (a lone surrogate such as \ud800).
                throw new ExplorerInputException("The JSON \"text\" holds an escape that is not valid Unicode (a lone surrogate \\uD800-\\uDFFF): send well-formed text.");
            }
        }
    }

    private static ExplorerInputException TooLarge(int maxBytes) =>
        new($"The request is too large: at most {maxBytes / 1024} KB per request.", InputProblem.TooLarge);
}
