using System.Net;
using NnViz.Explorer;

namespace NnViz.Lab.Tests;

/// <summary>What `nnviz serve` does before it listens: find the run folder, refuse a missing run or a bad address with a message.</summary>
public sealed class ExplorerHostTests
{
    [Fact]
    public void AMissingRunIsAMessageAndExitCodeTwo()
    {
        string dir = Lab.TempDir("serve-missing");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "checkpoints"));
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.Equal(2, ExplorerHost.Serve(dir, new ExplorerOptions(), output, error));
            Assert.Contains("vocabulary.json is missing: serve needs a finished imdb-lstm run", error.ToString());
            Assert.Equal("", output.ToString());
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void ARunFolderIsUsedAsGivenAndANameIsLookedUpUnderReportsQuick()
    {
        string dir = Lab.TempDir("serve-folder");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "checkpoints"));
            Assert.Equal(dir, ExplorerHost.RunFolder(dir));
            Assert.Equal(Path.Combine("reports", "quick", "imdb-lstm"), ExplorerHost.RunFolder("imdb-lstm"));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void TheDefaultAddressIsLoopbackAndAHostMustBeAnAddress()
    {
        Assert.Equal(IPAddress.Loopback, new ExplorerOptions().Address());
        Assert.True(new ExplorerOptions().IsLoopback);
        Assert.Equal(IPAddress.Loopback, new ExplorerOptions { Host = "localhost" }.Address());
        Assert.True(new ExplorerOptions { Host = "::1" }.IsLoopback);
        Assert.False(new ExplorerOptions { Host = "0.0.0.0" }.IsLoopback);
        Assert.Null(ExplorerHost.ReachWarning(new ExplorerOptions()));
        Assert.Equal("warning: --host 0.0.0.0 lets other machines reach the explorer; anyone who can reach this address can use it (the default 127.0.0.1 is this machine only)",
            ExplorerHost.ReachWarning(new ExplorerOptions { Host = "0.0.0.0" }));
        var e = Assert.Throws<ArgumentException>(() => new ExplorerOptions { Host = "my-laptop.example" }.Address());
        Assert.Equal("--host 'my-laptop.example' is not an IP address: use 127.0.0.1 (the default, this machine only), ::1, localhost, or 0.0.0.0 to listen on every interface", e.Message);
    }

    [Fact]
    public void ABadHostIsAMessageAndExitCodeTwoBeforeTheRunIsLoaded()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(2, ExplorerHost.Serve("no-such-run", new ExplorerOptions { Host = "not an address" }, output, error));
        Assert.StartsWith("error: --host 'not an address' is not an IP address", error.ToString());
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void TheCliDocumentsHostAndPort()
    {
        var (exit, stdout, _) = CliProcess.Run(null, "serve", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--host", stdout);
        Assert.Contains("127.0.0.1 (default, this machine only)", stdout);
        Assert.Contains("--port", stdout);
    }
}
