using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NnViz.Testing;

namespace NnViz.Browser.Tests;

/// <summary>
/// `nnviz serve` in Chromium: a tiny imdb-lstm run (ci profile) is served by the CLI as a child process on a free
/// port of 127.0.0.1; typing a sentence must colour its words and put a blue point into each layer-space chart.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ServeTests(BrowserFixture browser)
{
    [Fact]
    public async Task TypedSentenceShowsColouredWordsAndBluePoints()
    {
        string dll = CliDll();
        string dir = Directory.CreateTempSubdirectory("nnviz-serve").FullName;
        var (exit, err) = Run(dll, "run", "experiments/imdb-lstm.yaml", "--profile", "ci", "--out", dir);
        Assert.True(exit == 0, err);
        int port = FreePort();
        var psi = Start(dll, "serve", Path.Combine(dir, "imdb-lstm"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var server = Process.Start(psi)!;
        try
        {
            string? line = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Contains($"http://127.0.0.1:{port}", line ?? await server.StandardError.ReadToEndAsync());
            await using var page = await browser.OpenAsync(1300, 1000);
            await page.Page.GotoAsync($"http://127.0.0.1:{port}/");
            await page.Page.FillAsync("#text", "This movie is not boring at all, the actors are great!");
            await page.Page.ClickAsync("#go");
            await page.WaitForAsync("document.body.dataset.answered === '1'", 20000);
            var colours = await page.Page.EvaluateAsync<string[]>("[...document.querySelectorAll('#rows .w')].map(s => s.dataset.color)");
            Assert.Equal(4 * 11, colours.Length); // checkpoints 0, 2, 4 and 5 of the ci run, eleven words each
            Assert.All(colours, c => Assert.Contains(c, new[] { "#1a9850", "#d73027", "#9e9e9e" }));
            Assert.Contains(colours, c => c != "#9e9e9e");
            await page.Page.WaitForTimeoutAsync(500);
            var blue = await page.Page.EvaluateAsync<int[]>(@"[...document.querySelectorAll('canvas')].map(cv => {
                const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data; let n = 0;
                for (let i = 0; i < d.length; i += 4) if (d[i] < 70 && d[i + 1] < 110 && d[i + 2] > 220 && d[i + 3] > 200) n++;
                return n; })");
            Assert.Equal(3, blue.Length);
            Assert.All(blue, n => Assert.True(n > 5, $"blue pixels per chart: {string.Join(", ", blue)}"));
            // Kept for a human look (the test's temp folder is deleted below).
            await page.Page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "nnviz-serve-explorer.png"), FullPage = true });
            // The page talks only to its own server; nothing else may fail or be requested.
            var problems = page.Problems.Where(p => !p.StartsWith($"external request: http://127.0.0.1:{port}/", StringComparison.Ordinal)).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(dir, true);
        }
    }

    /// <summary>The CLI built next to the sources (Release or Debug, whichever is newer); built once if missing.</summary>
    private static string CliDll()
    {
        string Candidate(string config) => Path.Combine(RepoPaths.Root, "src", "NnViz.Cli", "bin", config, "net10.0", "nnviz.dll");
        var found = new[] { Candidate("Debug"), Candidate("Release") }.Where(File.Exists).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        if (found is not null) return found;
        var psi = new ProcessStartInfo("dotnet", ["build", "src/NnViz.Cli", "-v", "q"]) { WorkingDirectory = RepoPaths.Root, UseShellExecute = false };
        using (var p = Process.Start(psi)!) p.WaitForExit();
        return Candidate("Debug");
    }

    private static ProcessStartInfo Start(string dll, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepoPaths.Root };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    private static (int Exit, string Err) Run(string dll, params string[] args)
    {
        using var p = Process.Start(Start(dll, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, err + stdout.Result);
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
