using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using NnViz.Explorer;

namespace NnViz.Lab.Tests;

/// <summary>
/// The server around injected explain functions (no model needed): one explanation at a time, a bounded queue, 503
/// after the queue timeout and after the work timeout, 4xx for an <see cref="ExplorerInputException"/> and 500 with a
/// log line for any other exception. No timing is asserted: blocked work is released by the test itself.
/// </summary>
public sealed class ExplorerQueueTests
{
    private static async Task<(WebApplication App, HttpClient Http)> Start(ExplorerServer.Explainer explain, ExplorerOptions options)
    {
        var app = ExplorerServer.Build("<p>page</p>", explain, options with { Port = 0 });
        await app.StartAsync();
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) });
    }

    private static async Task<(HttpStatusCode Code, string Body)> Post(HttpClient http, string text)
    {
        var r = await http.PostAsync("/api/explain", new StringContent(text));
        return (r.StatusCode, await r.Content.ReadAsStringAsync());
    }

    private static string Error(string body) => JsonDocument.Parse(body).RootElement.GetProperty("error").GetString()!;

    [Fact]
    public async Task ModelWorkRunsOneAtATime()
    {
        int inside = 0, most = 0;
        var log = new StringWriter();
        var (app, http) = await Start((text, _) =>
        {
            int now = Interlocked.Increment(ref inside);
            lock (log) most = Math.Max(most, now);
            Thread.Sleep(5);
            Interlocked.Decrement(ref inside);
            return new { text };
        }, new ExplorerOptions { Log = log, QueueTimeout = TimeSpan.FromMinutes(2) });
        await using (app)
        using (http)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Post(http, $"text {i}")));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Code));
        }
        Assert.Equal(1, most);
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public async Task ARequestWaitingLongerThanTheQueueTimeoutGets503()
    {
        using var entered = new SemaphoreSlim(0);
        using var release = new ManualResetEventSlim();
        var log = new StringWriter();
        var (app, http) = await Start((text, _) => { entered.Release(); release.Wait(); return new { text }; },
            new ExplorerOptions { Log = log, QueueTimeout = TimeSpan.FromMilliseconds(300) });
        await using (app)
        using (http)
        {
            var first = Post(http, "first");
            Assert.True(await entered.WaitAsync(TimeSpan.FromSeconds(60)));
            var (code, body) = await Post(http, "second"); // the model is held until release below
            Assert.Equal(HttpStatusCode.ServiceUnavailable, code);
            Assert.Equal("The explorer is busy (waited 0.3 s); try again in a moment.", Error(body));
            release.Set();
            Assert.Equal(HttpStatusCode.OK, (await first).Code);
            Assert.Equal(HttpStatusCode.OK, (await Post(http, "third")).Code);
        }
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public async Task TheQueueTurnsAwayRequestsBeyondItsLengthAtOnce()
    {
        var queue = new ModelQueue(new ExplorerOptions { MaxWaiting = 2, QueueTimeout = TimeSpan.FromMinutes(2) });
        Assert.Equal(ModelQueue.Entry.Entered, await queue.EnterAsync(default));
        var second = queue.EnterAsync(default);
        var third = queue.EnterAsync(default);
        Assert.False(second.IsCompleted || third.IsCompleted);
        Assert.Equal(2, queue.Waiting);
        Assert.Equal(ModelQueue.Entry.Full, await queue.EnterAsync(default));
        queue.Leave();
        var next = await Task.WhenAny(second, third);
        Assert.Equal(ModelQueue.Entry.Entered, await next);
        queue.Leave();
        Assert.Equal(ModelQueue.Entry.Entered, await (next == second ? third : second));
        queue.Leave();
        Assert.Equal((0, false), (queue.Waiting, queue.Busy));
    }

    [Fact]
    public async Task AnExplanationOverTheWorkTimeoutIsStoppedWith503()
    {
        bool sawCancel = false;
        var log = new StringWriter();
        var (app, http) = await Start((text, cancel) =>
        {
            cancel.WaitHandle.WaitOne(TimeSpan.FromMinutes(2));
            sawCancel = cancel.IsCancellationRequested;
            cancel.ThrowIfCancellationRequested();
            return new { text };
        }, new ExplorerOptions { Log = log, WorkTimeout = TimeSpan.FromMilliseconds(200) });
        await using (app)
        using (http)
        {
            var (code, body) = await Post(http, "slow");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, code);
            Assert.Equal("The explanation took longer than 0.2 s and was stopped; try a shorter text or try again.", Error(body));
        }
        Assert.True(sawCancel);
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public async Task AUserErrorIs4xxAndABugIs500WithALogLine()
    {
        var log = new StringWriter();
        var (app, http) = await Start((text, _) => text switch
        {
            "long" => throw new ExplorerInputException("too long for this test", InputProblem.TooLarge),
            "odd" => throw new ExplorerInputException("odd text"),
            _ => throw new InvalidOperationException("a bug in the explain function"),
        }, new ExplorerOptions { Log = log });
        await using (app)
        using (http)
        {
            Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "too long for this test"), Map(await Post(http, "long")));
            Assert.Equal((HttpStatusCode.BadRequest, "odd text"), Map(await Post(http, "odd")));
            Assert.Equal("", log.ToString());
            var (code, body) = await Post(http, "anything else");
            Assert.Equal(HttpStatusCode.InternalServerError, code);
            Assert.Equal("The explorer failed on this request (a bug in NnVizRepro; the details are on the server's console).", Error(body));
        }
        string logged = log.ToString();
        Assert.StartsWith("nnviz serve: error: POST /api/explain failed (answered 500): System.InvalidOperationException: a bug in the explain function", logged);
        Assert.Contains(" at ", logged); // the stack trace
    }

    private static (HttpStatusCode, string) Map((HttpStatusCode Code, string Body) r) => (r.Code, Error(r.Body));
}
