using NnViz.Web;

namespace NnViz.Browser.Tests;

/// <summary>Options of the point-cloud player: preselected lettered points, trails, letters, resizing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PointCloudOptionsTests(BrowserFixture browser)
{
    private async Task<WatchedPage> OpenAsync(PointCloudData data, int width = 1000)
    {
        string dir = SampleSite.NewDir("pcopt");
        string page = Path.Combine(dir, "p.html");
        File.WriteAllText(page, PointCloudPlayer.StandalonePage("Options", data));
        var p = await browser.OpenAsync(width, 1000);
        await p.GotoFileAsync(page);
        await p.WaitForAsync("() => window.NnViz && NnViz.players.pointcloud");
        return p;
    }

    private static Task<string> CanvasHashAsync(WatchedPage p) => p.Page.EvaluateAsync<string>(
        "() => { const c = document.querySelector('#pointcloud canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;" +
        " let h = 0; for (let i = 0; i < d.length; i += 4) h = (h * 31 + d[i] + 3 * d[i + 1] + 7 * d[i + 2]) | 0; return String(h); }");

    private static Task RepaintAsync(WatchedPage p) =>
        p.Page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");

    [Fact]
    public async Task Marked_points_are_selected_and_lettered_in_order_when_the_page_opens()
    {
        await using var p = await OpenAsync(SampleSite.Clusters(200, 3) with { Marked = ["p30", "p8", "p101"] });
        Assert.Equal(["p30", "p8", "p101"], await CanvasPoints.SelectionAsync(p, "pointcloud"));
        var items = await p.Page.Locator("#pointcloud .nv-selection li").AllTextContentsAsync();
        Assert.StartsWith("Ap30", items[0]);
        Assert.StartsWith("Bp8", items[1]);
        Assert.StartsWith("Cp101", items[2]);
        p.AssertClean("marked points");
    }

    [Fact]
    public async Task Trails_and_letters_change_what_is_drawn()
    {
        await using var p = await OpenAsync(SampleSite.Clusters(200, 3) with { Marked = ["p30", "p8"] });
        await p.Page.FocusAsync("#pointcloud");
        await p.Page.Keyboard.PressAsync("End");
        await RepaintAsync(p);
        string plain = await CanvasHashAsync(p);
        await p.Page.CheckAsync("#pointcloud .nv-trails");
        await RepaintAsync(p);
        string trails = await CanvasHashAsync(p);
        Assert.NotEqual(plain, trails);
        await p.Page.UncheckAsync("#pointcloud .nv-trails");
        await RepaintAsync(p);
        Assert.Equal(plain, await CanvasHashAsync(p)); // drawing is a function of the state
        await p.Page.UncheckAsync("#pointcloud .nv-letters");
        await RepaintAsync(p);
        Assert.NotEqual(plain, await CanvasHashAsync(p));
        await Screenshots.TakeAndCheckAsync(p.Page, "pointcloud-options");
        p.AssertClean("trails and letters");
    }

    [Fact]
    public async Task The_canvas_follows_the_page_width_without_errors()
    {
        await using var p = await OpenAsync(SampleSite.Clusters(100, 2), width: 1100);
        int before = await p.Page.EvaluateAsync<int>("() => document.querySelector('#pointcloud canvas').clientWidth");
        await p.Page.SetViewportSizeAsync(700, 900);
        await p.WaitForAsync($"() => document.querySelector('#pointcloud canvas').width < {before}");
        var (x, y) = await CanvasPoints.WhereAsync(p, "pointcloud", "p3");
        await p.Page.Mouse.ClickAsync(x, y);
        Assert.Equal(["p3"], await CanvasPoints.SelectionAsync(p, "pointcloud"));
        p.AssertClean("resize");
    }

    [Fact]
    public async Task Find_selects_by_id_or_by_words_in_the_text_from_the_keyboard()
    {
        var data = SampleSite.Clusters(40, 2) with { Texts = Enumerable.Range(0, 40).Select(i => i % 10 == 3 ? "the ramen was cold" : "fine").ToArray() };
        await using var p = await OpenAsync(data);
        await p.Page.FillAsync("#pointcloud .nv-find", "p7");
        await p.Page.PressAsync("#pointcloud .nv-find", "Enter");
        Assert.Equal(["p7"], await CanvasPoints.SelectionAsync(p, "pointcloud"));
        await p.Page.FillAsync("#pointcloud .nv-find", "RAMEN");
        await p.Page.PressAsync("#pointcloud .nv-find", "Enter");
        Assert.Equal(["p7", "p3", "p13", "p23", "p33"], await CanvasPoints.SelectionAsync(p, "pointcloud"));
        Assert.Equal("0", await p.Page.GetAttributeAsync("#pointcloud", "data-frame")); // typing did not drive the player
        p.AssertClean("find");
    }

    [Fact]
    public async Task Given_neighbours_from_the_original_space_are_listed_in_the_tooltip()
    {
        var data = SampleSite.Clusters(30, 1) with
        {
            Texts = Enumerable.Range(0, 30).Select(i => "review number " + i).ToArray(),
            Neighbours = Enumerable.Range(0, 30).Select(i => new[] { (i + 11) % 30, (i + 17) % 30 }).ToArray(),
        };
        await using var p = await OpenAsync(data);
        var (x, y) = await CanvasPoints.WhereAsync(p, "pointcloud", "p4");
        await p.Page.Mouse.MoveAsync(x, y);
        var nb = p.Page.Locator("#pointcloud .nv-tooltip .nv-tt-nb");
        await nb.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Visible, Timeout = 3000 });
        string text = await nb.TextContentAsync() ?? "";
        Assert.StartsWith("Nearest in the original space:", text);
        Assert.Contains("review number 15", text);
        Assert.Contains("review number 21", text);
        p.AssertClean("neighbours");
    }
}
