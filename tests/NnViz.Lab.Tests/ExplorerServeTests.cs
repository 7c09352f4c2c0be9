using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using NnViz.Explorer;

namespace NnViz.Lab.Tests;

/// <summary>`nnviz serve` in-process on a free port of 127.0.0.1: good and hostile inputs over HTTP.</summary>
[Collection(ExplorerRunFixture.Collection)]
public sealed class ExplorerServeTests(ExplorerRunFixture run) : IAsyncLifetime
{
    private readonly StringWriter _log = new();
    private WebApplication? _app;
    private HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _app = await run.StartAsync(_log);
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        Assert.Equal("", _log.ToString()); // nothing failed unexpectedly on the server
    }

    private async Task<(HttpStatusCode Code, JsonElement Body)> Post(HttpContent content)
    {
        var r = await _http.PostAsync("/api/explain", content);
        return (r.StatusCode, JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task ASentenceGetsWordImpactsPerCheckpointAndThreePoints()
    {
        Assert.StartsWith("http://127.0.0.1:", _app!.Urls.Single());
        var (code, body) = await Post(JsonContent("This movie is not boring!"));
        Assert.Equal(HttpStatusCode.OK, code);
        var rows = body.GetProperty("rows");
        Assert.Equal(["epoch 0", "epoch 2", "epoch 4", "epoch 5"], rows.EnumerateArray().Select(r => r.GetProperty("checkpoint").GetString()!));
        Assert.Equal(5, rows[1].GetProperty("words").GetArrayLength());
        Assert.Equal(3, body.GetProperty("points").GetArrayLength());
        Assert.All(body.GetProperty("points").EnumerateArray(), p => Assert.True(double.IsFinite(p.GetProperty("x").GetDouble())));
        var page = await _http.GetStringAsync("/");
        Assert.Contains("space-lstm", page);
        Assert.Contains($"maxlength=\"{RunExplorer.MaxCharacters}\"", page); // the text box allows what the server reads
    }

    [Fact]
    public async Task HostileInputsGetClearAnswersNeverAServerError()
    {
        var (c1, b1) = await Post(new StringContent(""));
        Assert.Equal(HttpStatusCode.BadRequest, c1);
        Assert.Contains("the text was empty", b1.GetProperty("error").GetString());
        var junk = new byte[100_000];
        for (int i = 0; i < junk.Length; i++) junk[i] = (byte)(i * 7919 % 251);
        var (c2, b2) = await Post(new ByteArrayContent(junk));
        Assert.Equal(HttpStatusCode.BadRequest, c2);
        Assert.Contains("not valid UTF-8 (bad byte at offset 1)", b2.GetProperty("error").GetString());
        var (c3, b3) = await Post(new ByteArrayContent(junk) { Headers = { ContentType = new("application/json") } });
        Assert.Equal(HttpStatusCode.BadRequest, c3);
        Assert.Contains("not valid JSON", b3.GetProperty("error").GetString());
        var (c4, b4) = await Post(new StringContent(string.Concat(Enumerable.Repeat("great ", 17_000))));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, c4);
        Assert.Equal("The text is too long: 102,000 characters, at most 20,000 are read.", b4.GetProperty("error").GetString());
        // Expect: 100-continue lets the server refuse before the client sends the body (as curl does for large bodies).
        var big = new HttpRequestMessage(HttpMethod.Post, "/api/explain") { Content = new StringContent(new string('a', new ExplorerOptions().MaxBodyBytes + 10)) };
        big.Headers.ExpectContinue = true;
        var r5 = await _http.SendAsync(big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r5.StatusCode);
        Assert.Contains("too large: at most 256 KB per request", await r5.Content.ReadAsStringAsync());
        var (c6, b6) = await Post(JsonContent("zyzzyva qwxpt blorf"));
        Assert.Equal(HttpStatusCode.OK, c6);
        Assert.Equal(3, b6.GetProperty("unknown_words").GetInt32());
    }

    [Fact]
    public async Task ATextOfMoreWordsThanTheModelReadsIsCutAndTheAnswerSaysSo()
    {
        var (code, body) = await Post(new StringContent(string.Concat(Enumerable.Repeat("great ", 1000)))); // 6,000 characters
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.True(body.GetProperty("truncated").GetBoolean());
        Assert.Equal($"The text was long: only the first {NnViz.Lab.Explain.WordImpact.MaxPieces} words were read.", body.GetProperty("note").GetString());
        Assert.Equal(NnViz.Lab.Explain.WordImpact.MaxPieces, body.GetProperty("rows")[0].GetProperty("words").GetArrayLength());
    }

    [Fact]
    public async Task ManyRequestsAtOnceAllGetAnswers()
    {
        var codes = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i => (await _http.PostAsync("/api/explain", JsonContent($"the film number {i} was great"))).StatusCode));
        Assert.All(codes, c => Assert.Equal(HttpStatusCode.OK, c));
    }

    internal static StringContent JsonContent(string text) =>
        new(JsonSerializer.Serialize(new { text }), Encoding.UTF8, "application/json");
}
