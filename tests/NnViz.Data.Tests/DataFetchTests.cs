namespace NnViz.Data.Tests;

/// <summary>`nnviz data fetch` against a loopback mirror serving the real files of ../shared/data.</summary>
public class DataFetchTests
{
    private static readonly string[] MnistFiles = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    private static LoopbackServer MnistMirror() =>
        new(MnistFiles.ToDictionary(f => f, f => RealData.Path("mnist", f)));

    [Fact]
    public async Task Mnist_is_fetched_verified_and_then_found_complete()
    {
        using var server = MnistMirror();
        using var dir = new TempDir();
        using var http = new HttpClient();
        var seen = new List<DownloadProgress>();
        var progress = new SyncProgress(seen.Add);
        IReadOnlyList<FetchResult> r = await DataFetch.RunAsync("mnist", dir.Path, server.BaseUrl, http, progress);

        Assert.Equal(MnistFiles, r.Select(x => x.File.FileName));
        Assert.All(r, x => Assert.Equal(FetchOutcome.Downloaded, x.Outcome));
        Assert.All(r, x => Assert.Equal(File.ReadAllBytes(RealData.Path("mnist", x.File.FileName)), File.ReadAllBytes(x.Path)));
        Assert.Equal(9_912_422, seen.Last(p => p.FileName == MnistFiles[0]).Received);
        Assert.Equal(seen.Where(p => p.FileName == MnistFiles[0]).Select(p => p.Received).Order(), seen.Where(p => p.FileName == MnistFiles[0]).Select(p => p.Received));

        LocatedDataSet m = DataResolver.Require(dir.Path, KnownDataSet.Mnist);
        Assert.Equal(Path.Combine(dir.Path, "mnist"), m.Root);
        Assert.All(m.Identity().Files, f => Assert.StartsWith("official MNIST", f.KnownAs));

        int before = server.Requests.Count;
        IReadOnlyList<FetchResult> again = await DataFetch.RunAsync("mnist", dir.Path, server.BaseUrl, http);
        Assert.All(again, x => Assert.Equal(FetchOutcome.AlreadyPresent, x.Outcome));
        Assert.Equal(before, server.Requests.Count);                            // verified on disk, nothing downloaded
    }

    [Fact]
    public async Task An_interrupted_download_resumes_from_the_partial_file()
    {
        using var server = MnistMirror();
        using var dir = new TempDir();
        using var http = new HttpClient();
        string target = Path.Combine(dir.Path, "mnist", MnistFiles[0]);
        server.CutNextAfter = 3_000_000;
        var e = await Assert.ThrowsAsync<DataException>(() => DataFetch.RunAsync("mnist", dir.Path, server.BaseUrl, http));
        Assert.Contains($"the download of {server.BaseUrl}/{MnistFiles[0]} was interrupted after 3,000,000 of 9,912,422 bytes", e.Message);
        Assert.Contains("Run the same command again: it resumes", e.Hint);
        Assert.False(File.Exists(target));
        Assert.Equal(3_000_000, new FileInfo(target + ".partial").Length);
        Assert.Null(DataResolver.Find(dir.Path, KnownDataSet.Mnist));          // a partial download is not data

        IReadOnlyList<FetchResult> r = await DataFetch.RunAsync("mnist", dir.Path, server.BaseUrl, http);
        Assert.Equal(FetchOutcome.Resumed, r[0].Outcome);
        Assert.Equal(($"/files/{MnistFiles[0]}", (long?)3_000_000), server.Requests[1]);
        Assert.Equal(File.ReadAllBytes(RealData.Path("mnist", MnistFiles[0])), File.ReadAllBytes(target));
        Assert.False(File.Exists(target + ".partial"));
        Assert.True(DataResolver.Require(dir.Path, KnownDataSet.Mnist).IsComplete);
    }

    [Fact]
    public async Task A_server_that_ignores_the_range_restarts_the_download_from_zero()
    {
        using var server = MnistMirror();
        using var dir = new TempDir();
        using var http = new HttpClient();
        string target = Path.Combine(dir.Path, "mnist", MnistFiles[1]);
        byte[] real = File.ReadAllBytes(RealData.Path("mnist", MnistFiles[1]));
        dir.File(Path.Combine("mnist", MnistFiles[1] + ".partial"), real[..10_000]);
        server.IgnoreRange = true;
        IReadOnlyList<FetchResult> r = await DataFetch.RunAsync("mnist", dir.Path, server.BaseUrl, http);
        Assert.Equal(FetchOutcome.Downloaded, r[1].Outcome);                    // a 200 answer replaces the partial file, not appended to it
        Assert.Equal((long?)10_000, server.Requests[1].From);
        Assert.Equal(real, File.ReadAllBytes(target));
    }

    [Fact]
    public async Task A_wrong_checksum_leaves_nothing_behind()
    {
        // The shared tarball repacks the labelled reviews: not the bytes of the official aclImdb_v1.tar.gz.
        using var server = new LoopbackServer(new Dictionary<string, string> { ["aclImdb_v1.tar.gz"] = RealData.Path("imdb_aclimdb_full", "aclImdb_v1.labelled.tar.gz") });
        using var dir = new TempDir();
        using var http = new HttpClient();
        var e = await Assert.ThrowsAsync<DataException>(() => DataFetch.RunAsync("aclimdb", dir.Path, server.BaseUrl, http));
        Assert.StartsWith($"checksum mismatch for aclImdb_v1.tar.gz from {server.BaseUrl}/aclImdb_v1.tar.gz: got sha256 " +
                          "e80f6d534220d29485795a157b9933de3e778ef04427c37397bbcd0d178e3085 (27,962,796 bytes), the published file has " +
                          "c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe (84,125,825 bytes); nothing was installed", e.Message);
        Assert.Empty(Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Unknown_names_and_missing_files_say_what_to_do()
    {
        using var server = new LoopbackServer(new Dictionary<string, string>());
        using var dir = new TempDir();
        using var http = new HttpClient();
        var missing = await Assert.ThrowsAsync<DataException>(() => DataFetch.RunAsync("uci-sentences", dir.Path, server.BaseUrl, http));
        Assert.Equal($"{server.BaseUrl}/sentiment+labelled+sentences.zip answered 404 Not Found", missing.Problem);
        Assert.Contains("unknown data set 'cifar'", Assert.Throws<DataException>(() => DataDownloads.For("cifar")).Message);
        var yelp = Assert.Throws<DataException>(() => DataDownloads.For("yelp"));
        Assert.Contains("'yelp' cannot be downloaded: accept Yelp's licence", yelp.Message);
        Assert.Contains("aclimdb, mnist, glove, uci-sentences", yelp.Hint);
        Assert.Equal(4, DataDownloads.For("all").Count);
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class SyncProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => report(value);
    }
}
