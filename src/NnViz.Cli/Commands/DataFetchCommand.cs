using System.CommandLine;
using NnViz.Data;
using Spectre.Console;

namespace NnViz.Cli.Commands;

/// <summary>`nnviz data fetch NAME|all [--mirror URL]`: official archives with a progress bar, resume and SHA-256 checks.</summary>
internal static class DataFetchCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = $"all, or one of: {string.Join(", ", DataDownloads.All.Select(p => p.Info.Id))}" };
        var mirror = new Option<string?>("--mirror") { Description = "base URL that replaces the official one (the file name is appended), e.g. a local mirror" };
        var folder = DataCommand.FolderOption();
        var fetch = new Command("fetch",
            "Downloads the official archives (aclImdb, MNIST, GloVe 6B, UCI sentences) into the data folder, checks each\n" +
            "against its published SHA-256 and only then gives it its name. An interrupted download resumes from NAME.partial;\n" +
            "a wrong checksum removes the partial file and installs nothing. Archives are read in place: no unpacking.\n" +
            "Example: nnviz data fetch aclimdb --data ~/nnviz-data") { name, mirror, folder };
        fetch.SetAction(r =>
        {
            string data = DataCatalog.ResolveFolder(r.GetValue(folder)).Path;
            return DataCommand.Run(() => Fetch(r.GetValue(name)!, data, r.GetValue(mirror)));
        });
        return fetch;
    }

    private static void Fetch(string name, string data, string? mirror)
    {
        IReadOnlyList<FetchPlan> plans = DataDownloads.For(name);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.UserAgent.ParseAdd("NnVizRepro-data-fetch/1");
        IReadOnlyList<FetchResult> results = [];
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .Start(ctx =>
            {
                var bars = new Sink(ctx, plans.SelectMany(p => p.Files));
                results = DataFetch.RunAsync(name, data, mirror, http, bars).GetAwaiter().GetResult();
            });
        foreach (FetchResult f in results)
        {
            string what = f.Outcome switch { FetchOutcome.AlreadyPresent => "already there, verified", FetchOutcome.Resumed => "resumed, verified", _ => "downloaded, verified" };
            Console.WriteLine($"{f.Plan.Info.Id}: {f.Path} ({what}: sha256 {f.File.Sha256[..16]}…)");
        }
    }

    /// <summary>One Spectre progress bar per file, moved by the downloader's reports.</summary>
    private sealed class Sink : IProgress<DownloadProgress>
    {
        private readonly Dictionary<string, ProgressTask> _bars = new(StringComparer.Ordinal);

        public Sink(ProgressContext ctx, IEnumerable<Download> files)
        {
            foreach (Download d in files) _bars[d.FileName] = ctx.AddTask(Markup.Escape(d.FileName), autoStart: false, maxValue: d.Bytes ?? 1);
        }

        public void Report(DownloadProgress p)
        {
            ProgressTask bar = _bars[p.FileName];
            if (!bar.IsStarted) bar.StartTask();
            if (p.Total is long total) bar.MaxValue = total;
            bar.Value = p.Received;
        }
    }
}
