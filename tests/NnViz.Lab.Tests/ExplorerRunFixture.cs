using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using NnViz.Explorer;

namespace NnViz.Lab.Tests;

/// <summary>One tiny imdb-lstm run (ci profile), trained once and loaded once for every explorer test.</summary>
public sealed class ExplorerRunFixture : IDisposable
{
    public const string Collection = "explorer run";

    public ExplorerRunFixture()
    {
        Dir = Lab.TempDir("serve");
        var runner = Lab.Runner(Dir);
        var (specs, errors) = runner.ValidateAll([Path.Combine(Lab.Experiments, "imdb-lstm.yaml")]);
        Assert.Empty(errors);
        runner.Run(specs[0]);
        Explorer = RunExplorer.Load(RunFolder);
    }

    public string Dir { get; }
    public string RunFolder => Path.Combine(Dir, "imdb-lstm");
    public RunExplorer Explorer { get; }

    public void Dispose() => Directory.Delete(Dir, true);

    /// <summary>A started server over the run on a free loopback port, logging into <paramref name="log"/>.</summary>
    public async Task<WebApplication> StartAsync(TextWriter log, ExplorerOptions? options = null)
    {
        var app = ExplorerServer.Build(Explorer, (options ?? new ExplorerOptions()) with { Port = 0, Log = log });
        await app.StartAsync();
        return app;
    }

    /// <summary>
    /// Sends bytes as they are (HttpClient would normalise "/../" and escapes) and returns the status code and the
    /// whole response; Connection: close makes the server end it.
    /// </summary>
    public static async Task<(int Status, string Response)> RawAsync(Uri server, string requestLine, string extraHeaders = "")
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, server.Port);
        var stream = tcp.GetStream();
        string request = $"{requestLine}\r\nHost: 127.0.0.1:{server.Port}\r\n{extraHeaders}Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        string response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var status = response.Split(' ', 3);
        return (status.Length > 1 && int.TryParse(status[1], out int code) ? code : 0, response);
    }
}

[CollectionDefinition(ExplorerRunFixture.Collection)]
public sealed class ExplorerRunCollection : ICollectionFixture<ExplorerRunFixture>;
