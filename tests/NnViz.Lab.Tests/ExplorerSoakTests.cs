using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace NnViz.Lab.Tests;

/// <summary>
/// The explorer under load: `nnviz serve` as a child process on 127.0.0.1, 8 concurrent HttpClients sending the
/// <see cref="ExplorerSoakMix"/> (valid and hostile requests) until NNVIZ_SOAK_REQUESTS requests (default
/// <see cref="DefaultRequests"/>, the issue's figure) are answered or NNVIZ_SOAK_SECONDS (default 120) have
/// passed, after one uncounted warm-up round per client. Every status must be one its kind allows, with zero 5xx,
/// zero broken connections and nothing logged by the server. Latency of valid requests and the server's resident
/// memory are reported, never asserted.
/// </summary>
[Collection(ExplorerRunFixture.Collection)]
public sealed class ExplorerSoakTests(ExplorerRunFixture run, ITestOutputHelper output)
{
    public const int DefaultRequests = 10_000;
    private const int Clients = 8;

    private sealed record Outcome(SoakKind Kind, int Status, double Milliseconds, string? Problem);

    [Fact]
    public async Task ManyMixedRequestsFromEightClientsGetNoServerErrorAndNothingLogged()
    {
        int count = Setting("NNVIZ_SOAK_REQUESTS", DefaultRequests);
        var budget = TimeSpan.FromSeconds(Setting("NNVIZ_SOAK_SECONDS", 120));
        using var server = await SoakServer.StartAsync(run.RunFolder);
        await WarmUp(server.Url);
        var before = server.Memory();
        var cpuBefore = server.Cpu();
        var outcomes = new ConcurrentBag<Outcome>();
        int next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(120) };
            var random = new Random(1000 + c);
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && clock.Elapsed < budget)
                outcomes.Add(await Send(http, server.Url, ExplorerSoakMix.Round[i % ExplorerSoakMix.Round.Length], random));
        })));
        clock.Stop();
        var after = server.Memory();
        var cpu = server.Cpu() - cpuBefore;
        using (var http = new HttpClient { BaseAddress = server.Url })
            Assert.Equal("ok", await http.GetStringAsync("/api/health")); // still serving
        string logged = server.StopAndReadErrors();

        var all = outcomes.ToList();
        var valid = all.Where(o => o.Kind.Valid).Select(o => o.Milliseconds).Order().ToArray();
        output.WriteLine($"soak: {all.Count} of {count} requests in {clock.Elapsed.TotalSeconds:0.0} s wall ({(all.Count < count ? "stopped by the time bound" : "all sent")}), " +
            $"{Clients} clients; server CPU {cpu.TotalSeconds:0.0} s (user+sys)");
        foreach (var g in all.GroupBy(o => o.Kind.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"  {g.Key}: {g.Count()} -> {string.Join(", ", g.GroupBy(o => o.Status).OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Count()}"))}");
        output.WriteLine($"valid requests: {valid.Length}, latency p50 {Percentile(valid, 0.50):0.0} ms, p99 {Percentile(valid, 0.99):0.0} ms, max {valid.LastOrDefault():0.0} ms (wall clock on a loaded machine)");
        output.WriteLine($"server resident memory: before {before.Rss / 1024.0:0.0} MB, after {after.Rss / 1024.0:0.0} MB, peak {after.Peak / 1024.0:0.0} MB");

        Assert.True(logged.Length == 0, $"the server logged:\n{logged}");
        Assert.Empty(all.Where(o => o.Status >= 500).Select(o => $"{o.Kind.Name}: {o.Status} {o.Problem}"));
        Assert.Empty(all.Where(o => o.Problem is not null).Take(10).Select(o => $"{o.Kind.Name}: {o.Status} {o.Problem}"));
        Assert.Equal(ExplorerSoakMix.Round.Select(k => k.Name).ToHashSet(), all.Select(o => o.Kind.Name).ToHashSet());
    }

    /// <summary>One round of the mix per client, not counted: the server's code is compiled before anything is measured.</summary>
    private static async Task WarmUp(Uri server)
    {
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(120) };
            var random = new Random(c);
            foreach (var kind in ExplorerSoakMix.Round) await Send(http, server, kind, random);
        }));
    }

    private static async Task<Outcome> Send(HttpClient http, Uri server, SoakKind kind, Random random)
    {
        using var request = kind.Make(random, server);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();
            double ms = clock.Elapsed.TotalMilliseconds;
            int status = (int)response.StatusCode;
            string? problem = kind.Expected.Contains(status) ? Check(kind, status, body) : $"unexpected status; body: {Cut(body)}";
            return new Outcome(kind, status, ms, problem);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Outcome(kind, 0, clock.Elapsed.TotalMilliseconds, $"no answer: {e.GetType().Name}: {e.Message} {e.InnerException?.Message}");
        }
    }

    /// <summary>Valid explanations carry rows and finite points; refused explanations carry a message; nothing is a file.</summary>
    private static string? Check(SoakKind kind, int status, string body)
    {
        if (body.Contains("root:x:0:0", StringComparison.Ordinal)) return "a file's content was served";
        if (status == 200 && kind.Valid)
        {
            var answer = JsonDocument.Parse(body).RootElement;
            bool ok = answer.GetProperty("rows").GetArrayLength() == 4 && // the ci run explains checkpoints 0, 2, 4 and 5
                answer.GetProperty("points").EnumerateArray()
                .All(p => double.IsFinite(p.GetProperty("x").GetDouble()) && double.IsFinite(p.GetProperty("y").GetDouble()));
            return ok ? null : $"incomplete answer: {Cut(body)}";
        }
        if (status == 200 || !kind.Explains) return null;
        return body.Contains("\"error\":", StringComparison.Ordinal) ? null : $"a refusal without a message: {Cut(body)}";
    }

    private static string Cut(string s) => s.Length <= 300 ? s : s[..300] + "...";

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v > 0 ? v : fallback;
}
