using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NnViz.Data.Tests;

/// <summary>
/// A tiny HTTP/1.1 file server on 127.0.0.1 (a free port) for the fetch tests: serves a fixed map of names to
/// files, honours <c>Range: bytes=N-</c> with 206, can cut the connection after some bytes of the next response
/// (<see cref="CutNextAfter"/>), records every request, and stops after <see cref="MaxRequests"/> or on Dispose.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IReadOnlyDictionary<string, string> _files;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public const int MaxRequests = 40;

    public LoopbackServer(IReadOnlyDictionary<string, string> files)
    {
        _files = files;
        _listener.Start();
        _loop = Task.Run(Loop);
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/files";

    /// <summary>Requests seen: path and the Range header's first byte (null without Range).</summary>
    public List<(string Path, long? From)> Requests { get; } = [];

    /// <summary>When true, Range headers are ignored (the whole file with 200), as some servers do.</summary>
    public bool IgnoreRange { get; set; }

    /// <summary>When set, the next response sends this many body bytes and then closes the connection.</summary>
    public long? CutNextAfter { get; set; }

    private async Task Loop()
    {
        for (int n = 0; n < MaxRequests && !_stop.IsCancellationRequested; n++)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            using (client) await Serve(client.GetStream());
        }
    }

    private async Task Serve(NetworkStream net)
    {
        var reader = new StreamReader(net, Encoding.ASCII, leaveOpen: true);
        string[] requestLine = (await reader.ReadLineAsync() ?? "").Split(' ');
        long? from = null;
        string? line;
        while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync()))
            if (line.StartsWith("Range: bytes=", StringComparison.OrdinalIgnoreCase)) from = long.Parse(line["Range: bytes=".Length..].TrimEnd('-'));
        string path = requestLine.Length > 1 ? Uri.UnescapeDataString(requestLine[1]) : "";
        lock (Requests) Requests.Add((path, from));
        if (IgnoreRange) from = null;
        string name = path.StartsWith("/files/", StringComparison.Ordinal) ? path["/files/".Length..] : "";
        if (!_files.TryGetValue(name, out string? file))
        {
            await net.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            return;
        }
        byte[] bytes = await File.ReadAllBytesAsync(file);
        long start = from ?? 0;
        string status = from is null ? "200 OK" : "206 Partial Content";
        string range = from is null ? "" : $"Content-Range: bytes {start}-{bytes.Length - 1}/{bytes.Length}\r\n";
        await net.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Length: {bytes.Length - start}\r\n{range}Connection: close\r\n\r\n"));
        long send = bytes.Length - start;
        if (CutNextAfter is long cut) { send = Math.Min(send, cut); CutNextAfter = null; }
        await net.WriteAsync(bytes.AsMemory((int)start, (int)send));
        await net.FlushAsync();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
