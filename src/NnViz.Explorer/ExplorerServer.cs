using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using NnViz.Lab.Runs;

namespace NnViz.Explorer;

/// <summary>
/// `nnviz serve`: a minimal API on 127.0.0.1 only. GET / is the explorer page, POST /api/explain takes the text
/// (plain text, or JSON {"text": ...}) and answers JSON. Hostile input stays harmless: bodies over
/// <see cref="MaxBodyBytes"/> get 413 with a message, texts are cut to <see cref="RunExplorer.MaxCharacters"/>, a request
/// waits at most <see cref="QueueTimeout"/> for the model (503 with a message), and any failure is a 400 with a message.
/// </summary>
public static class ExplorerServer
{
    public const int MaxBodyBytes = 256 * 1024;
    public static readonly TimeSpan QueueTimeout = TimeSpan.FromSeconds(10);

    public static WebApplication Build(RunExplorer explorer, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, port);
            o.Limits.MaxRequestBodySize = MaxBodyBytes;
            o.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            o.Limits.MinRequestBodyDataRate = new MinDataRate(100, TimeSpan.FromSeconds(5));
        });
        var app = builder.Build();
        string page = ExplorerPage.Html(explorer);
        app.MapGet("/", () => Results.Content(page, "text/html; charset=utf-8"));
        app.MapGet("/api/health", () => Results.Text("ok"));
        app.MapGet("/favicon.ico", () => Results.NoContent());
        app.MapPost("/api/explain", (Delegate)((HttpContext http) => Explain(http, explorer)));
        return app;
    }

    private static async Task<IResult> Explain(HttpContext http, RunExplorer explorer)
    {
        string body;
        try
        {
            if (http.Request.ContentLength > MaxBodyBytes) return Error(413, $"The text is too large: at most {MaxBodyBytes / 1024} KB per request.");
            using var ms = new MemoryStream();
            await http.Request.Body.CopyToAsync(ms, http.RequestAborted);
            body = new UTF8Encoding(false, false).GetString(ms.ToArray());
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == 413) { return Error(413, $"The text is too large: at most {MaxBodyBytes / 1024} KB per request."); }
        catch (Exception e) when (e is Microsoft.AspNetCore.Http.BadHttpRequestException or IOException or OperationCanceledException) { return Error(400, "The request body could not be read."); }
        string text = body;
        if ((http.Request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String)
                    return Error(400, "Expected JSON like {\"text\": \"This movie is boring!\"}.");
                text = t.GetString()!;
            }
            catch (JsonException) { return Error(400, "The body is not valid JSON; send {\"text\": \"...\"} or plain text."); }
        }
        if (!await explorer.Gate.WaitAsync(QueueTimeout, http.RequestAborted).ConfigureAwait(false))
            return Error(503, "The explorer is busy; try again in a moment.");
        try { return Results.Json(explorer.Explain(text), ArtifactSink.JsonOptions); }
        catch (Exception e) { return Error(400, $"This text could not be explained: {e.Message}"); }
        finally { explorer.Gate.Release(); }
    }

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}
