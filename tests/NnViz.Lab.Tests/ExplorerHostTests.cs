using NnViz.Explorer;

namespace NnViz.Lab.Tests;

/// <summary>What `nnviz serve` does before it listens: find the run folder, and refuse a missing run with a message.</summary>
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
            Assert.Equal(2, ExplorerHost.Serve(dir, 0, output, error));
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
}
