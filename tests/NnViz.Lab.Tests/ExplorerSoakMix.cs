using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NnViz.Lab.Tests;

/// <summary>One kind of request in the soak mix (made from a random source and the server's address) and the statuses it may get; Valid kinds are explanations that must answer 200.</summary>
public sealed record SoakKind(string Name, bool Valid, int[] Expected, Func<Random, Uri, HttpRequestMessage> Make)
{
    /// <summary>A POST /api/explain, whose refusals must carry {"error": message}.</summary>
    public bool Explains { get; init; } = true;
}

/// <summary>
/// The soak test's request mix, 20 requests per round: 8 valid explanations (JSON, plain text, Unicode, more words
/// than the model reads) and 12 hostile ones (junk bytes, bad JSON, lone surrogates, huge bodies, over-long texts,
/// empty texts, wrong content types, traversal paths, wrong methods), plus the page and the health check.
/// </summary>
public static class ExplorerSoakMix
{
    private static readonly int MaxBody = new NnViz.Explorer.ExplorerOptions().MaxBodyBytes;

    private static readonly string[] Words =
        ["this", "movie", "film", "is", "was", "not", "boring", "great", "terrible", "the", "actors", "plot", "loved", "hated",
         "awful", "wonderful", "at", "all", "and", "but", "really", "script", "ending", "bad", "good", "!", "?", "zyzzyva"];

    private static readonly string[] Unicode =
        ["😀", "👍🏽", "👨‍👩‍👧", "\u202Eשלום\u202C", "مرحبا", "e\u0301", "電影", "\u0000", "\uFEFF", "\u200B", "Ω", "ß", "\t", "\n"];

    private static readonly string[] BadJson =
        ["{", "{\"text\":}", "{'text': 'x'}", "[1,2", "", "\u0000", "{\"text\": 5}", "{\"text\": null}", "[\"text\"]",
         "{\"text\": \"a \\ud800 b\"}", "{\"text\": \"\\udfff\"}", "{\"text\": \"bad escape \\x41\"}", new string('[', 3000), "{\"text\": \"x\"} trailing"];

    private static readonly string[] Paths =
        ["/../../etc/passwd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/..%5c..%5cetc%5cpasswd", "/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd",
         "/checkpoints/vocabulary.json", "/api/../../../etc/passwd", "/C:/Windows/win.ini", "/%00", "/..%c0%af..%c0%afetc/passwd"];

    private static readonly (HttpMethod Method, string Path)[] WrongMethods =
        [(HttpMethod.Get, "/api/explain"), (HttpMethod.Put, "/api/explain"), (HttpMethod.Delete, "/api/explain"), (HttpMethod.Patch, "/api/explain"), (HttpMethod.Post, "/")];

    public static readonly SoakKind[] Round = Build();

    private static SoakKind[] Build()
    {
        var validJson = new SoakKind("valid json", true, [200], (r, s) => Explain(Json(Sentence(r, 3, 30))));
        var validText = new SoakKind("valid text", true, [200], (r, s) => Explain(Typed(Encoding.UTF8.GetBytes(Sentence(r, 1, 40)), "text/plain; charset=utf-8")));
        return
        [
            validJson, validText, validJson, validJson, validText, validJson,
            new("valid unicode", true, [200], (r, s) => Explain(Json(string.Join(' ', Enumerable.Range(0, r.Next(2, 20)).Select(_ => r.Next(2) == 0 ? Pick(r, Words) : Pick(r, Unicode) + Pick(r, Words)))))),
            new("valid, more words than read", true, [200], (r, s) => Explain(Json(Sentence(r, 450, 900)))),
            new("junk bytes", false, [400], (r, s) => Explain(new ByteArrayContent(Junk(r, r.Next(1, 8192))))),
            new("junk bytes as JSON", false, [400], (r, s) => Explain(Typed(Junk(r, r.Next(1, 8192)), "application/json"))),
            new("bad JSON", false, [400], (r, s) => Explain(Typed(Encoding.UTF8.GetBytes(Pick(r, BadJson)), "application/json"))),
            new("empty or control characters only", false, [400], (r, s) => Explain(Json(r.Next(2) == 0 ? "" : " \u0000\u0007\t\u001b "))),
            new("body over the limit", false, [413], (r, s) => Explain(new ByteArrayContent(new byte[MaxBody + 1 + r.Next(MaxBody)]))),
            new("huge body, Expect: 100-continue", false, [413], (r, s) => Expecting(Explain(new ByteArrayContent(new byte[4 * MaxBody + 1 + r.Next(4 * MaxBody)])))),
            new("text over 20,000 characters", false, [413], (r, s) => Explain(Typed(Encoding.UTF8.GetBytes(new string('x', 20_001 + r.Next(100_000))), "text/plain"))),
            new("wrong content type", false, [415], (r, s) => Explain(Typed("text=a+film"u8.ToArray(), Pick(r, ["application/xml", "application/x-www-form-urlencoded", "text/plain; charset=latin1", "multipart/form-data; boundary=b", "bogus"])))),
            new("traversal path", false, [400, 404], (r, s) => new HttpRequestMessage(HttpMethod.Get, Raw(s, Pick(r, Paths)))) { Explains = false },
            new("traversal path", false, [400, 404], (r, s) => new HttpRequestMessage(HttpMethod.Get, Raw(s, Pick(r, Paths)))) { Explains = false },
            new("wrong method", false, [405], (r, s) => { var (m, p) = Pick(r, WrongMethods); return new HttpRequestMessage(m, p) { Content = new StringContent("a film") }; }) { Explains = false },
            new("page or health", false, [200], (r, s) => new HttpRequestMessage(HttpMethod.Get, r.Next(2) == 0 ? "/" : "/api/health")) { Explains = false },
        ];
    }

    private static T Pick<T>(Random r, IReadOnlyList<T> from) => from[r.Next(from.Count)];

    private static string Sentence(Random r, int min, int max) => string.Join(' ', Enumerable.Range(0, r.Next(min, max + 1)).Select(_ => Pick(r, Words)));

    /// <summary>Random bytes that are never valid UTF-8 (one 0xFF at least).</summary>
    private static byte[] Junk(Random r, int length)
    {
        var bytes = new byte[length];
        r.NextBytes(bytes);
        bytes[r.Next(length)] = 0xFF;
        return bytes;
    }

    private static HttpRequestMessage Explain(HttpContent content) => new(HttpMethod.Post, "/api/explain") { Content = content };

    private static HttpRequestMessage Expecting(HttpRequestMessage m)
    {
        m.Headers.ExpectContinue = true;
        return m;
    }

    private static ByteArrayContent Json(string text) => Typed(JsonSerializer.SerializeToUtf8Bytes(new { text }), "application/json");

    private static ByteArrayContent Typed(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    /// <summary>A relative address sent as written (no dot-segment removal, no unescaping).</summary>
    private static Uri Raw(Uri server, string path) =>
        new($"http://127.0.0.1:{server.Port}{path}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
}
