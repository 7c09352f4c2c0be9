namespace NnViz.Browser.Tests;

/// <summary>Every kind of generated page loads cleanly and draws something.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageRenderTests(BrowserFixture browser)
{
    [Fact]
    public async Task Linked_site_loads_without_errors_and_is_not_blank()
    {
        string page = SampleSite.LinkedSite(SampleSite.NewDir("linked"));
        await using var p = await browser.OpenAsync();
        await p.GotoFileAsync(page);
        await p.WaitForAsync("() => window.NnViz && NnViz.players.lstm && NnViz.players.dense && NnViz.players.fit && NnViz.players.pca3");
        await Screenshots.TakeAndCheckAsync(p.Page, "linked-site");
        p.AssertClean("linked site");
    }

    [Fact]
    public async Task Standalone_flipbook_with_svg_files_loads_without_errors_and_is_not_blank()
    {
        string page = SampleSite.FlipbookByFiles(SampleSite.NewDir("flip"), 6);
        await using var p = await browser.OpenAsync(900, 600);
        await p.GotoFileAsync(page);
        await p.WaitForAsync("() => NnViz.players.flipbook");
        await Screenshots.TakeAndCheckAsync(p.Page, "flipbook-standalone");
        p.AssertClean("standalone flipbook");
    }
}
