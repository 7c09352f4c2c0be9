using Microsoft.AspNetCore.Builder;
using NnViz.Explorer;

namespace NnViz.Lab.Tests;

/// <summary>
/// The explorer serves no file from disk: traversal attempts (sent byte for byte over a socket, as HttpClient would
/// normalise them), the run folder's own files and wrong methods all get 4xx and never a file's content. It listens
/// on 127.0.0.1 and says so; a port in use is a message, not a stack trace.
/// </summary>
[Collection(ExplorerRunFixture.Collection)]
public sealed class ExplorerPathTests(ExplorerRunFixture run)
{
    public static readonly string[] Targets =
    [
        "/../../etc/passwd", "/../../../../../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/%252e%252e%252fetc%252fpasswd", "/..%2f..%2f..%2fetc%2fpasswd", "/..%5c..%5cetc%5cpasswd", "/..\\..\\etc\\passwd",
        "/\\etc\\passwd", "//etc/passwd", "/etc/passwd", "/api/../../../etc/passwd", "/api/explain/../../etc/passwd",
        "/C:/Windows/win.ini", "/c:%5cwindows%5cwin.ini", "/%00../../etc/passwd", "/..%00/etc/passwd", "/%c0%ae%c0%ae/etc/passwd",
        "http://127.0.0.1/../../etc/passwd", "file:///etc/passwd", "/checkpoints/vocabulary.json", "/data/space_points.csv",
        "/checkpoints/epoch_00.nnvz", "/imdb-lstm/checkpoints/vocabulary.json", "/proc/self/environ", "/.git/config", "/index.html",
    ];

    [Fact]
    public async Task TraversalAndFilePathsGet4xxAndNeverAFile()
    {
        var log = new StringWriter();
        var app = await run.StartAsync(log);
        await using (app)
        {
            var server = new Uri(app.Urls.Single());
            string vocabulary = File.ReadAllText(Path.Combine(run.RunFolder, "checkpoints", "vocabulary.json"));
            foreach (var target in Targets)
            {
                var (status, response) = await ExplorerRunFixture.RawAsync(server, $"GET {target} HTTP/1.1");
                Assert.True(status is >= 400 and < 500, $"GET {target}: {status}\n{response}");
                Assert.DoesNotContain("root:x:0:0", response);
                Assert.DoesNotContain(vocabulary[..Math.Min(60, vocabulary.Length)], response);
            }
            var (home, page) = await ExplorerRunFixture.RawAsync(server, "GET / HTTP/1.1");
            Assert.Equal(200, home);
            Assert.Contains("space-lstm", page);
        }
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public async Task WrongMethodsGet405()
    {
        var log = new StringWriter();
        var app = await run.StartAsync(log);
        await using (app)
        {
            var server = new Uri(app.Urls.Single());
            foreach (var request in new[] { "GET /api/explain", "PUT /api/explain", "DELETE /api/explain", "PATCH /api/explain", "POST /", "DELETE /", "TRACE /", "POST /api/health" })
            {
                var (status, response) = await ExplorerRunFixture.RawAsync(server, $"{request} HTTP/1.1", "Content-Length: 0\r\n");
                Assert.True(status == 405, $"{request}: {status}\n{response}");
            }
            var (bad, _) = await ExplorerRunFixture.RawAsync(server, "BREW /pot HTTP/1.1");
            Assert.True(bad is >= 400 and < 500, $"BREW: {bad}");
            var (garbage, _) = await ExplorerRunFixture.RawAsync(server, "\u0001\u0002 not http at all");
            Assert.Equal(400, garbage);
        }
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public async Task TheHostListensOnLoopbackAndSaysWhereAndAPortInUseIsAMessage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var app = ExplorerHost.Start(run.RunFolder, new ExplorerOptions { Port = 0, Log = error }, output, error);
        Assert.NotNull(app);
        await using (app)
        {
            var url = new Uri(app.Urls.Single());
            Assert.Equal("127.0.0.1", url.Host);
            Assert.Equal($"Explorer of {run.RunFolder} listening on http://127.0.0.1:{url.Port} (this machine only) (Ctrl+C stops)\n", output.ToString().Replace("\r\n", "\n"));
            using var second = new StringWriter();
            Assert.Null(ExplorerHost.Start(run.RunFolder, new ExplorerOptions { Port = url.Port }, new StringWriter(), second));
            Assert.StartsWith($"error: Failed to bind to address http://127.0.0.1:{url.Port}", second.ToString());
        }
        Assert.Equal("", error.ToString());
    }
}
