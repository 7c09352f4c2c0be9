using System.Net;
using System.Security.Cryptography;

namespace NnViz.Data;

/// <summary>How far one download is: bytes on disk (resumed bytes included) of <see cref="Total"/> when known.</summary>
public sealed record DownloadProgress(string FileName, long Received, long? Total, bool Resumed);

/// <summary>What a fetch did with one file.</summary>
public enum FetchOutcome { Downloaded, Resumed, AlreadyPresent }

/// <summary>
/// Downloads one official file into the data folder: to <c>NAME.partial</c> first, resumed with an HTTP Range request
/// when a partial file is there, then checked against the published SHA-256 (and size) and only then renamed to
/// its name. A wrong checksum deletes the partial file: nothing half-written is left, and the error names the URL,
/// both hashes and what to do. An interrupted transfer keeps the partial file for the next attempt.
/// </summary>
public sealed class Downloader(HttpClient http)
{
    public async Task<(string Path, FetchOutcome Outcome)> FetchAsync(Download d, string folder, string? mirror = null,
        IProgress<DownloadProgress>? progress = null, CancellationToken cancel = default)
    {
        Directory.CreateDirectory(folder);
        string target = Path.Combine(folder, d.FileName), partial = target + ".partial";
        if (File.Exists(target))
        {
            string have = DataIdentities.Sha256(target);
            if (have == d.Sha256) return (target, FetchOutcome.AlreadyPresent);
            throw new DataException($"a different file is already there (sha256 {have}, the published {d.FileName} has {d.Sha256})", target,
                hint: "Move or delete it, then fetch again; or keep it: the resolver uses it and `nnviz data status` flags it.");
        }
        string url = d.Url(mirror);
        long start = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        bool resumed = start > 0;
        if (d.Bytes is not long size || start < size) resumed = await TransferAsync(url, partial, start, d, progress, cancel);
        Verify(partial, url, d);
        File.Move(partial, target);
        return (target, resumed ? FetchOutcome.Resumed : FetchOutcome.Downloaded);
    }

    /// <summary>Downloads into the partial file; true when it appended to bytes already there (the server honoured the Range).</summary>
    private async Task<bool> TransferAsync(string url, string partial, long start, Download d, IProgress<DownloadProgress>? progress, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (start > 0) request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(start, null);
        HttpResponseMessage response;
        try { response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel); }
        catch (HttpRequestException e) { throw new DataException($"cannot reach {url} ({e.Message})", hint: "Check the network, or give --mirror URL.", inner: e); }
        using (response)
        {
            if (start > 0 && response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable) return true; // complete already: verify decides
            if (!response.IsSuccessStatusCode)
                throw new DataException($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}", hint: "Check the URL or the --mirror; the file name is appended to it.");
            bool append = start > 0 && response.StatusCode == HttpStatusCode.PartialContent;
            long received = append ? start : 0;
            long? total = d.Bytes ?? (response.Content.Headers.ContentLength is long n ? n + received : null);
            await using var output = new FileStream(partial, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            try
            {
                await using Stream input = await response.Content.ReadAsStreamAsync(cancel);
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await input.ReadAsync(buffer, cancel)) > 0)
                {
                    await output.WriteAsync(buffer.AsMemory(0, read), cancel);
                    received += read;
                    progress?.Report(new DownloadProgress(d.FileName, received, total, append));
                }
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                throw new DataException($"the download of {url} was interrupted after {received:N0}{(total is long t ? $" of {t:N0}" : "")} bytes ({e.Message})",
                    partial, hint: "Run the same command again: it resumes from the partial file.", inner: e);
            }
            return append;
        }
    }

    private static void Verify(string partial, string url, Download d)
    {
        long length = new FileInfo(partial).Length;
        string sha;
        using (FileStream s = File.OpenRead(partial)) sha = DataIdentities.Hex(SHA256.HashData(s));
        if (sha == d.Sha256 && (d.Bytes is null || d.Bytes == length)) return;
        File.Delete(partial);
        throw new DataException($"checksum mismatch for {d.FileName} from {url}: got sha256 {sha} ({length:N0} bytes), the published file has {d.Sha256}" +
                                (d.Bytes is long b ? $" ({b:N0} bytes)" : "") + "; nothing was installed",
            hint: "The server (or --mirror) serves a different or damaged file. Try again, or another mirror; the partial file was removed.");
    }
}
