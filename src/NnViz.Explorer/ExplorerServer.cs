using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using NnViz.Lab.Runs;

namespace NnViz.Explorer;

/// <summary>
/// `nnviz serve`: a minimal API on <see cref="ExplorerOptions.Host"/> (127.0.0.1 unless told otherwise). GET / is the
/// explorer page (inlined; no file is ever served from disk), GET /api/health answers "ok", POST /api/explain takes
/// the text (plain text, or JSON {"text": ...}) and answers JSON. User errors are 4xx with {"error": message}
/// (<see cref="ExplorerInputException"/>); the model is used by one request at a time, others wait at most
/// <see cref="ExplorerOptions.QueueTimeout"/> (503), an explanation is stopped after
/// <see cref="ExplorerOptions.WorkTimeout"/> (503); any other exception is a bug: 500, logged with its stack trace.
/// </summary>
public static class ExplorerServer
{
    /// <summary>Explains a text, honouring the token (a timeout or a client that went away).</summary>
    public delegate object Explainer(string text, CancellationToken cancel);

    public static WebApplication Build(RunExplorer explorer, ExplorerOptions options) =>
        Build(ExplorerPage.Html(explorer), (text, cancel) => explorer.Explain(text, cancel), options);

    /// <summary>The server over any page and explain function (the tests use it to inject slow or failing work).</summary>
    public static WebApplication Build(string page, Explainer explain, ExplorerOptions options)
    {
        IPAddress address = options.Address();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.Listen(address, options.Port);
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            o.Limits.MaxConcurrentConnections = options.MaxConnections;
            o.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            o.Limits.MinRequestBodyDataRate = new MinDataRate(100, TimeSpan.FromSeconds(5)); // keep in step with ExplorerRequest's 408 message
        });
        var app = builder.Build();
        var log = TextWriter.Synchronized(options.Log);
        app.Use((http, next) => Guard(http, next, log));
        var queue = new ModelQueue(options);
        app.MapGet("/", () => Results.Content(page, "text/html; charset=utf-8"));
        app.MapGet("/api/health", () => Results.Text("ok"));
        app.MapGet("/favicon.ico", () => Results.NoContent());
        app.MapPost("/api/explain", (Delegate)((HttpContext http) => Explain(http, explain, queue, options)));
        return app;
    }

    /// <summary>Where the started server listens, and who can reach it.</summary>
    public static string Listening(WebApplication app, ExplorerOptions options) =>
        $"listening on {string.Join(", ", app.Urls)} ({(options.IsLoopback ? "this machine only" : "reachable from other machines")})";

    private static async Task Guard(HttpContext http, RequestDelegate next, TextWriter log)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        try { await next(http).ConfigureAwait(false); }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested) { /* the client went away */ }
        catch (Exception e)
        {
            log.WriteLine($"nnviz serve: error: {http.Request.Method} {http.Request.Path} failed (answered 500): {e}");
            if (http.Response.HasStarted) throw;
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await http.Response.WriteAsJsonAsync(new { error = "The explorer failed on this request (a bug in NnVizRepro; the details are on the server's console)." }).ConfigureAwait(false);
        }
    }

    private static async Task<IResult> Explain(HttpContext http, Explainer explain, ModelQueue queue, ExplorerOptions options)
    {
        string text;
        try { text = await ExplorerRequest.ReadTextAsync(http.Request, options.MaxBodyBytes, http.RequestAborted).ConfigureAwait(false); }
        catch (ExplorerInputException e) { return Error(e.StatusCode, e.Message); }
        using var work = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        switch (await queue.EnterAsync(http.RequestAborted).ConfigureAwait(false))
        {
            case ModelQueue.Entry.Full: return Busy(http, $"The explorer is busy ({options.MaxWaiting} requests are waiting); try again in a moment.");
            case ModelQueue.Entry.TimedOut: return Busy(http, $"The explorer is busy (waited {options.QueueTimeout.TotalSeconds:0.#} s); try again in a moment.");
        }
        try
        {
            work.CancelAfter(options.WorkTimeout);
            return Results.Json(explain(text, work.Token), ArtifactSink.JsonOptions);
        }
        catch (ExplorerInputException e) { return Error(e.StatusCode, e.Message); }
        catch (OperationCanceledException) when (work.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            return Busy(http, $"The explanation took longer than {options.WorkTimeout.TotalSeconds:0.#} s and was stopped; try a shorter text or try again.");
        }
        finally { queue.Leave(); }
    }

    private static IResult Busy(HttpContext http, string message)
    {
        http.Response.Headers.RetryAfter = "1";
        return Results.Json(new { error = message }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}
