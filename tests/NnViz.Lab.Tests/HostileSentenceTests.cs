using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NnViz.Lab.Tests;

/// <summary>
/// The typed sentences of the hostile-input corpus (tests/Hostile/sentences): each body is POSTed to a real
/// <c>nnviz serve</c> over a trained ci run and must get the expected status with a message that says what to send
/// instead (4xx), or a clean answer (200) with what the case expects; the server never answers 500, never logs an
/// error and never prints a stack trace.
/// </summary>
[Collection(ExplorerRunFixture.Collection)]
public sealed class HostileSentenceTests(ExplorerRunFixture run, ServeProcess serve) : IClassFixture<ServeProcess>
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in HostileCase.Names(HostileInputTests.Corpus).Where(n => n.StartsWith("sentences/", StringComparison.Ordinal)))
            data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task GetsAClearAnswerAndNeverAServerError(string name)
    {
        string input = Path.Combine(HostileInputTests.Corpus, name);
        var expect = HostileCase.Read(input + ".expect");
        byte[] one = File.ReadAllBytes(input);
        int repeat = expect.One("repeat") is { } r ? int.Parse(r) : 1;
        var body = new ByteArrayContent([.. Enumerable.Repeat(one, repeat).SelectMany(b => b)]);
        if (expect.One("content-type") is { } type) body.Headers.ContentType = MediaTypeHeaderValue.Parse(type);

        var response = await serve.Client(run.RunFolder).PostAsync("/api/explain", body);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(int.Parse(expect.One("status")!) == (int)response.StatusCode, $"{name}: status {(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        foreach (var line in expect.All("error"))
            Assert.True(json.RootElement.GetProperty("error").GetString()!.Contains(line, StringComparison.Ordinal), $"{name}: the error lacks \"{line}\": {text}");
        string compact = JsonSerializer.Serialize(json.RootElement, Relaxed);
        foreach (var line in expect.All("answer"))
            Assert.True(compact.Contains(line, StringComparison.Ordinal), $"{name}: the answer lacks {line}: {compact}");
        string log = serve.Log;
        Assert.DoesNotContain("answered 500", log);
        HostileCase.AssertNoStackTrace(name, log);
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>One <c>nnviz serve</c> process (the CLI's own build) on a free loopback port, started on first use and stopped with the class.</summary>
public sealed partial class ServeProcess : IDisposable
{
    private readonly object _gate = new();
    private readonly StringBuilder _stderr = new();
    private Process? _process;
    private HttpClient? _client;

    /// <summary>What the server printed on stderr so far.</summary>
    public string Log
    {
        get { lock (_stderr) return _stderr.ToString(); }
    }

    public HttpClient Client(string runFolder)
    {
        lock (_gate)
        {
            if (_client is null) Start(runFolder);
            return _client!;
        }
    }

    private void Start(string runFolder)
    {
        _process = Process.Start(Cli.StartInfo(["serve", runFolder, "--port", "0"], runFolder, dll: Cli.ProductDll))!;
        _process.ErrorDataReceived += (_, e) => { lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            string? line = _process.StandardOutput.ReadLine();
            if (line is null) break;
            if (Listening().Match(line) is { Success: true } m)
            {
                _client = new HttpClient { BaseAddress = new Uri(m.Value), Timeout = TimeSpan.FromSeconds(60) };
                _ = _process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
                return;
            }
        }
        throw new InvalidOperationException($"nnviz serve did not say where it listens:\n{Log}");
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Listening();

    public void Dispose()
    {
        _client?.Dispose();
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.WaitForExit(10_000);
        _process?.Dispose();
    }
}
