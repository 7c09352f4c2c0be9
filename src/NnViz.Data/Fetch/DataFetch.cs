namespace NnViz.Data;

/// <summary>One file fetched: where it now is and whether it was downloaded, resumed or already there.</summary>
public sealed record FetchResult(FetchPlan Plan, Download File, string Path, FetchOutcome Outcome);

/// <summary><c>nnviz data fetch NAME|all [--mirror URL]</c>: every official file of the named sets, into &lt;data&gt;/&lt;plan folder&gt;/.</summary>
public static class DataFetch
{
    public static async Task<IReadOnlyList<FetchResult>> RunAsync(string name, string dataFolder, string? mirror, HttpClient http,
        IProgress<DownloadProgress>? progress = null, CancellationToken cancel = default)
    {
        var downloader = new Downloader(http);
        var results = new List<FetchResult>();
        foreach (FetchPlan plan in DataDownloads.For(name))
            foreach (Download d in plan.Files)
            {
                (string path, FetchOutcome outcome) = await downloader.FetchAsync(d, Path.Combine(dataFolder, plan.Folder), mirror, progress, cancel);
                results.Add(new FetchResult(plan, d, path, outcome));
            }
        return results;
    }
}
