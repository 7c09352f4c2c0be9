using System.Net;

namespace NnViz.Explorer;

/// <summary>
/// Where and how `nnviz serve` listens, and the limits every request meets. The defaults are the served explorer's:
/// loopback only, 256 KB bodies, one explanation at a time, at most <see cref="MaxWaiting"/> requests waiting for it
/// (each at most <see cref="QueueTimeout"/>), and an explanation stopped after <see cref="WorkTimeout"/>.
/// </summary>
public sealed record ExplorerOptions
{
    /// <summary>The address to bind: an IP address or "localhost"; 127.0.0.1 unless the user asks otherwise.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port (0 = any free port; the listening address is printed).</summary>
    public int Port { get; init; }

    /// <summary>Bodies larger than this get 413 (Kestrel stops reading at this size too).</summary>
    public int MaxBodyBytes { get; init; } = 256 * 1024;

    /// <summary>How long a request waits for the model before it gets 503.</summary>
    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one explanation may run before it is stopped (503); checked between checkpoints.</summary>
    public TimeSpan WorkTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Requests waiting for the model beyond this many get 503 at once instead of queueing.</summary>
    public int MaxWaiting { get; init; } = 32;

    /// <summary>Open connections beyond this many are refused by Kestrel.</summary>
    public int MaxConnections { get; init; } = 128;

    /// <summary>Where unexpected failures (answered 500) are logged with their stack trace.</summary>
    public TextWriter Log { get; init; } = Console.Error;

    /// <summary>The address <see cref="Host"/> names, or an <see cref="ArgumentException"/> saying what is accepted.</summary>
    public IPAddress Address()
    {
        if (string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        if (IPAddress.TryParse(Host, out var address)) return address;
        throw new ArgumentException($"--host '{Host}' is not an IP address: use 127.0.0.1 (the default, this machine only), ::1, localhost, or 0.0.0.0 to listen on every interface");
    }

    /// <summary>True when only this machine can reach the explorer.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Address());
}
