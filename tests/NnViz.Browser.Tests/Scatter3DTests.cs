namespace NnViz.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class Scatter3DTests(BrowserFixture browser)
{
    [Fact]
    public async Task Drag_rotates_hover_shows_tooltip_and_click_selects()
    {
        string dir = SampleSite.NewDir("s3d");
        string page = Path.Combine(dir, "s3d.html");
        File.WriteAllText(page, NnViz.Web.Scatter3D.StandalonePage("PCA 3-D", SampleSite.Sample3D(300)));
        await using var p = await browser.OpenAsync(1000, 900);
        await p.GotoFileAsync(page);
        await p.WaitForAsync("() => window.NnViz && NnViz.players.scatter3d");

        var before = await p.Page.EvaluateAsync<double[]>("() => NnViz.players.scatter3d.rotation");
        var box = (await p.Page.Locator("#scatter3d canvas").BoundingBoxAsync())!;
        await p.Page.Mouse.MoveAsync(box.X + 40, box.Y + 40);
        await p.Page.Mouse.DownAsync();
        await p.Page.Mouse.MoveAsync(box.X + 140, box.Y + 70, new() { Steps = 6 });
        await p.Page.Mouse.UpAsync();
        var after = await p.Page.EvaluateAsync<double[]>("() => NnViz.players.scatter3d.rotation");
        Assert.True(after[0] > before[0] + 0.5, $"yaw {before[0]} -> {after[0]}");
        Assert.True(after[1] > before[1], $"pitch {before[1]} -> {after[1]}");

        var (x, y) = await CanvasPoints.WhereAsync(p, "scatter3d", "img4");
        await p.Page.Mouse.MoveAsync(x, y);
        var tip = p.Page.Locator("#scatter3d .nv-tooltip");
        await tip.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Visible, Timeout = 3000 });
        Assert.Contains("digit:", await tip.TextContentAsync() ?? "");
        await p.Page.Mouse.ClickAsync(x, y);
        Assert.Single(await CanvasPoints.SelectionAsync(p, "scatter3d"));
        await Screenshots.TakeAndCheckAsync(p.Page, "scatter3d");
        p.AssertClean("3-D scatter");
    }
}
