namespace NnViz.Browser.Tests;

/// <summary>Side-by-side charts of one group (the IMDB layer spaces): selection and time are shared.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LinkedViewTests(BrowserFixture browser)
{
    private async Task<WatchedPage> OpenAsync()
    {
        string page = SampleSite.LinkedSite(SampleSite.NewDir("linked"), 300);
        var p = await browser.OpenAsync(1200, 1000);
        await p.GotoFileAsync(page);
        await p.WaitForAsync("() => window.NnViz && NnViz.players.lstm && NnViz.players.dense");
        return p;
    }

    [Fact]
    public async Task Click_in_one_chart_highlights_the_point_in_the_other()
    {
        await using var p = await OpenAsync();
        var (x, y) = await CanvasPoints.WhereAsync(p, "lstm", "p11");
        await p.Page.Mouse.ClickAsync(x, y);
        Assert.Equal(["p11"], await CanvasPoints.SelectionAsync(p, "lstm"));
        Assert.Equal(["p11"], await CanvasPoints.SelectionAsync(p, "dense"));
        Assert.Equal("1", await p.Page.GetAttributeAsync("#dense", "data-selected"));
        Assert.Contains("p11", await p.Page.TextContentAsync("#dense .nv-selection") ?? "");
        p.AssertClean("linked click");
    }

    [Fact]
    public async Task Lasso_in_the_second_chart_selects_the_same_ids_in_the_first()
    {
        await using var p = await OpenAsync();
        var box = (await p.Page.Locator("#dense canvas").BoundingBoxAsync())!;
        float x0 = box.X + box.Width * 0.3f, x1 = box.X + box.Width * 0.7f, y0 = box.Y + box.Height * 0.3f, y1 = box.Y + box.Height * 0.6f;
        string[] expected = await CanvasPoints.InsideAsync(p, "dense", x0, y0, x1, y1);
        Assert.NotEmpty(expected);
        await CanvasPoints.LassoRectangleAsync(p, x0, y0, x1, y1);
        Assert.Equal(expected.Order(), (await CanvasPoints.SelectionAsync(p, "lstm")).Order());
        await p.Page.ClickAsync("#lstm .nv-clear");
        Assert.Empty(await CanvasPoints.SelectionAsync(p, "dense"));
        p.AssertClean("linked lasso");
    }

    [Fact]
    public async Task Stepping_one_chart_moves_the_synchronised_chart_to_the_same_frame()
    {
        await using var p = await OpenAsync();
        await p.Page.ClickAsync("#lstm .nv-next");
        await p.Page.ClickAsync("#lstm .nv-next");
        Assert.Equal("2", await p.Page.GetAttributeAsync("#lstm", "data-frame"));
        Assert.Equal("2", await p.Page.GetAttributeAsync("#dense", "data-frame"));
        Assert.Equal("epoch 3", await p.Page.TextContentAsync("#dense .nv-label"));
        p.AssertClean("linked frames");
    }
}
