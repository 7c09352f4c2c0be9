using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using NnViz.Explorer;

namespace NnViz.Lab.Tests;

/// <summary>
/// The explorer's limits and error classes over HTTP: body and text sizes, content types, JSON shapes, Unicode; and,
/// over injected explain functions, one explanation at a time, 503 after the queue timeout and after the work
/// timeout, 500 with a log line for a bug.
/// </summary>
[Collection(ExplorerRunFixture.Collection)]
public sealed class ExplorerLimitsTests(ExplorerRunFixture run)
{
    private static async Task<(HttpStatusCode Code, string Error)> Post(HttpClient http, HttpContent content)
    {
        var r = await http.PostAsync("/api/explain", content);
        var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        return (r.StatusCode, body.TryGetProperty("error", out var e) ? e.GetString()! : "");
    }

    /// <summary>The status, or null when the server closed the connection while the body was still being sent.</summary>
    private static async Task<(HttpStatusCode? Code, string Error)> PostOrClosed(HttpClient http, HttpContent content)
    {
        try { return await Post(http, content); }
        catch (HttpRequestException e) when (e.InnerException is IOException) { return (null, e.Message); }
    }

    /// <summary>Uses a started server, then stops it.</summary>
    private static async Task<T> WithServer<T>(WebApplication app, Func<HttpClient, Task<T>> use)
    {
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
            return await use(http);
        }
        finally { await app.DisposeAsync(); }
    }

    /// <summary>UTF-8 bytes with the Content-Type header exactly as given.</summary>
    private static ByteArrayContent Typed(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        Assert.True(content.Headers.TryAddWithoutValidation("Content-Type", contentType));
        return content;
    }

    [Fact]
    public async Task TextAndBodyLimitsAreExactAndSayWhichLimitWasMet()
    {
        var log = new StringWriter();
        int max = new ExplorerOptions().MaxBodyBytes;
        await WithServer(await run.StartAsync(log), async http =>
        {
            Assert.Equal(HttpStatusCode.OK, (await Post(http, new StringContent(new string('a', RunExplorer.MaxCharacters)))).Code);
            var tooLong = await Post(http, new StringContent(new string('a', RunExplorer.MaxCharacters + 1)));
            Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "The text is too long: 20,001 characters, at most 20,000 are read."), tooLong);
            var fullBody = await Post(http, new StringContent(new string('b', max)));
            Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "The text is too long: 262,144 characters, at most 20,000 are read."), fullBody);
            const string TooLarge = "The request is too large: at most 256 KB per request.";
            // Sent without Expect: 100-continue, bodies up to DrainFactor x the limit are read to their end, then refused.
            Assert.Equal((HttpStatusCode.RequestEntityTooLarge, TooLarge), await Post(http, new StringContent(new string('b', max + 1))));
            Assert.Equal((HttpStatusCode.RequestEntityTooLarge, TooLarge), await Post(http, new StringContent(new string('b', ExplorerRequest.DrainFactor * max))));
            var huge = new HttpRequestMessage(HttpMethod.Post, "/api/explain") { Content = new ByteArrayContent(new byte[ExplorerRequest.DrainFactor * max + 1]) };
            huge.Headers.ExpectContinue = true;
            var refused = await http.SendAsync(huge);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
            Assert.Contains(TooLarge, await refused.Content.ReadAsStringAsync());
            // Chunked (no Content-Length): Kestrel stops reading at the limit.
            var chunked = new StreamContent(new NoLengthStream(new byte[max + 1]));
            Assert.Null(chunked.Headers.ContentLength);
            Assert.Equal((HttpStatusCode.RequestEntityTooLarge, TooLarge), await Post(http, chunked));
            var chunkedHuge = new StreamContent(new NoLengthStream(new byte[ExplorerRequest.DrainFactor * max + 1]));
            var (code, _) = await PostOrClosed(http, chunkedHuge);
            Assert.True(code is HttpStatusCode.RequestEntityTooLarge or null, $"{code}");
            return 0;
        });
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public async Task ASlowBodyIsDroppedWithoutHoldingTheModel()
    {
        var log = new StringWriter();
        var app = await run.StartAsync(log);
        await using (app)
        {
            var server = new Uri(app.Urls.Single());
            using var slow = new System.Net.Sockets.TcpClient();
            await slow.ConnectAsync(IPAddress.Loopback, server.Port);
            var stream = slow.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST /api/explain HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\na slow"));
            // The body is read before the request queues for the model, so others are answered meanwhile.
            using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
            Assert.Equal(HttpStatusCode.OK, (await Post(http, new StringContent("a fine film"))).Code);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            string answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(90));
            Assert.StartsWith("HTTP/1.1 408 Request Timeout", answer);
            Assert.Contains("{\"error\":\"The request body arrived too slowly (the explorer reads at least 100 bytes per second after 5 s).\"}", answer);
        }
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public async Task ContentTypesOtherThanPlainTextOrJsonInUtf8Get415()
    {
        var log = new StringWriter();
        await WithServer(await run.StartAsync(log), async http =>
        {
            foreach (var ok in new[] { "text/plain", "text/plain; charset=utf-8", "TEXT/PLAIN; charset=UTF-8", "text/plain; charset=us-ascii" })
                Assert.Equal(HttpStatusCode.OK, (await Post(http, Typed("a fine film", ok))).Code);
            Assert.Equal(HttpStatusCode.OK, (await Post(http, Typed("{\"text\": \"a fine film\"}", "application/json; charset=utf-8"))).Code);
            Assert.Equal(HttpStatusCode.OK, (await Post(http, new ByteArrayContent("a fine film"u8.ToArray()))).Code);
            foreach (var bad in new[] { "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png" })
            {
                var (code, error) = await Post(http, Typed("text=a+fine+film", bad));
                Assert.Equal(HttpStatusCode.UnsupportedMediaType, code);
                Assert.StartsWith($"The content type '{bad.Split(';')[0]}' is not read: send {{\"text\": ", error);
            }
            var latin1 = await Post(http, Typed("a fine film", "text/plain; charset=iso-8859-1"));
            Assert.Equal((HttpStatusCode.UnsupportedMediaType, "The charset 'iso-8859-1' is not read: send the text as UTF-8."), latin1);
            Assert.Equal((HttpStatusCode.UnsupportedMediaType, "The content type 'not a media type' cannot be read: send {\"text\": \"This movie is boring!\"} as application/json, or the sentence itself as text/plain."),
                await Post(http, Typed("a fine film", "not a media type")));
            return 0;
        });
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public async Task JsonOfTheWrongShapeOrWithALoneSurrogateIs400WithAMessage()
    {
        var log = new StringWriter();
        await WithServer(await run.StartAsync(log), async http =>
        {
            foreach (var shape in new[] { "[]", "\"text\"", "{\"text\": 5}", "{\"txt\": \"a film\"}", "{\"text\": null}", "null" })
                Assert.Equal((HttpStatusCode.BadRequest, "Expected a JSON object with a string \"text\": send {\"text\": \"This movie is boring!\"} as application/json, or the sentence itself as text/plain."),
                    await Post(http, Typed(shape, "application/json")));
            var (c1, e1) = await Post(http, Typed("{\"text\": \"a film\"", "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, c1);
            Assert.StartsWith("The body is not valid JSON (line 1, byte 18)", e1);
            var (c2, e2) = await Post(http, Typed(new string('[', 5000) + new string(']', 5000), "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, c2);
            Assert.StartsWith("The body is not valid JSON", e2);
            var (c3, e3) = await Post(http, Typed("{\"text\": \"good \\ud800 film\"}", "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, c3);
            Assert.Contains("lone surrogate", e3);
            var (c4, e4) = await Post(http, Typed("{\"text\": \" \\u0000\\t \\u0007 \"}", "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, c4);
            Assert.Contains("the text was empty", e4);
            return 0;
        });
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public async Task UnicodeTextIsReadWordByWordWithControlCharactersAsSpaces()
    {
        var log = new StringWriter();
        await WithServer(await run.StartAsync(log), async http =>
        {
            string text = "great\u0000film 😀👍🏽 \u202Eשלום עולם\u202C مرحبا e\u0301te\u0301 電影 \uFEFFboring";
            var r = await http.PostAsync("/api/explain", ExplorerServeTests.JsonContent(text));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var words = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("rows")[0].GetProperty("words");
            Assert.Equal(["great", "film", "😀👍🏽", "\u202Eשלום", "עולם\u202C", "مرحبا", "e\u0301te\u0301", "電影", "\uFEFFboring"],
                words.EnumerateArray().Select(w => w.GetProperty("text").GetString()!));
            return 0;
        });
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public void CleaningKeepsSurrogatePairsAndTurnsLoneOnesAndControlCharactersIntoSpaces()
    {
        Assert.Equal("a b", RunExplorer.Clean("a\u0000b")); // a NUL between two words does not glue them
        Assert.Equal("x y", RunExplorer.Clean("x\uD800y"));
        Assert.Equal("x y", RunExplorer.Clean("x\uDC00y"));
        Assert.Equal("😀 a\n\tb", RunExplorer.Clean("\u0001😀 a\n\tb\u007F\u0085"));
        Assert.Equal("", RunExplorer.Clean("\uD83D"));
        var e = Assert.Throws<ExplorerInputException>(() => run.Explorer.Explain("\uD83D \u0000"));
        Assert.Equal((InputProblem.Invalid, 400), (e.Problem, e.StatusCode));
        var tooLong = Assert.Throws<ExplorerInputException>(() => run.Explorer.Explain(new string('x', RunExplorer.MaxCharacters + 1)));
        Assert.Equal((InputProblem.TooLarge, 413), (tooLong.Problem, tooLong.StatusCode));
    }

    [Fact]
    public void ACancelledExplanationStopsAndLeavesTheModelUsable()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => run.Explorer.Explain("a fine film", cancelled.Token));
        Assert.Equal(3, run.Explorer.Explain("a fine film").Points.Count);
    }

    /// <summary>A body stream whose length HttpClient cannot know, so it is sent chunked.</summary>
    private sealed class NoLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
