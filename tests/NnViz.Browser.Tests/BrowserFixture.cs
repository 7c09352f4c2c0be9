using Microsoft.Playwright;

namespace NnViz.Browser.Tests;

/// <summary>
/// One headless Debian Chromium for the whole test run (launching costs ~1 s, so tests share it). The Playwright
/// driver (node) comes from the NuGet package's build output in bin/.playwright; no `playwright install` is needed
/// because we launch the system browser by path.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("browser not launched");

    public async Task InitializeAsync()
    {
        SampleSite.PruneOlderThan(TimeSpan.FromHours(1));
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>A fresh page with a fixed viewport that records console errors, page errors and failed requests.</summary>
    public async Task<WatchedPage> OpenAsync(int width = 1100, int height = 800)
    {
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        return new WatchedPage(page);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
