using Microsoft.Playwright;

namespace NnViz.Browser.Tests;

/// <summary>A page plus every console error, uncaught exception and failed request seen since it opened.</summary>
public sealed class WatchedPage : IAsyncDisposable
{
    private readonly List<string> _problems = [];

    public WatchedPage(IPage page)
    {
        Page = page;
        page.Console += (_, msg) => { if (msg.Type == "error") Add($"console error: {msg.Text}"); };
        page.PageError += (_, err) => Add($"page error: {err}");
        page.RequestFailed += (_, req) => Add($"failed request: {req.Url} ({req.Failure})");
        // The report must work offline from file://: any request to a network scheme is a defect.
        page.Request += (_, req) =>
        {
            if (!req.Url.StartsWith("file:", StringComparison.Ordinal) && !req.Url.StartsWith("data:", StringComparison.Ordinal) &&
                !req.Url.StartsWith("blob:", StringComparison.Ordinal) && !req.Url.StartsWith("about:", StringComparison.Ordinal))
                Add($"external request: {req.Url}");
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Problems { get { lock (_problems) return [.. _problems]; } }

    private void Add(string problem) { lock (_problems) _problems.Add(problem); }

    public async Task GotoFileAsync(string path)
    {
        await Page.GotoAsync(new Uri(Path.GetFullPath(path)).AbsoluteUri);
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Waits until a JS expression is truthy; on timeout the failure lists the page's problems.</summary>
    public async Task WaitForAsync(string expression, float timeoutMs = 5000)
    {
        try { await Page.WaitForFunctionAsync(expression, null, new() { Timeout = timeoutMs }); }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"waiting for {expression}: {e.Message}\n  " + string.Join("\n  ", Problems), e);
        }
    }

    public void AssertClean(string what) =>
        Assert.True(Problems.Count == 0, $"{what}:\n  " + string.Join("\n  ", Problems));

    public async ValueTask DisposeAsync() => await Page.CloseAsync();
}
