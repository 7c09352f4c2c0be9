namespace NnViz.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PointCloudTests(BrowserFixture browser)
{
    private async Task<WatchedPage> OpenAsync(int n = 400, int frames = 4)
    {
        string page = SampleSite.SinglePointCloud(SampleSite.NewDir("pc"), n, frames);
        var p = await browser.OpenAsync(1000, 1000);
        await p.GotoFileAsync(page);
        await p.WaitForAsync("() => window.NnViz && NnViz.players.pc");
        return p;
    }

    /// <summary>The canvas pixel (RGBA) at a viewport position.</summary>
    private static Task<int[]> PixelAsync(WatchedPage p, float x, float y) =>
        p.Page.EvaluateAsync<int[]>(
            @"a => { const c = document.querySelector('#pc canvas'), r = c.getBoundingClientRect(), d = c.width / r.width;
                     return Array.from(c.getContext('2d').getImageData(Math.round((a.x - r.left) * d), Math.round((a.y - r.top) * d), 1, 1).data); }",
            new { x = (double)x, y = (double)y });

    [Fact]
    public async Task Click_selects_a_point_and_the_selection_survives_a_frame_change()
    {
        await using var p = await OpenAsync();
        var (x, y) = await CanvasPoints.WhereAsync(p, "pc", "p5");
        await p.Page.Mouse.ClickAsync(x, y);
        Assert.Equal(["p5"], await CanvasPoints.SelectionAsync(p, "pc"));
        Assert.Contains("A", await p.Page.TextContentAsync("#pc .nv-selection li") ?? "");

        await p.Page.FocusAsync("#pc");
        await p.Page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("1", await p.Page.GetAttributeAsync("#pc", "data-frame"));
        Assert.Equal(["p5"], await CanvasPoints.SelectionAsync(p, "pc"));
        var (x2, y2) = await CanvasPoints.WhereAsync(p, "pc", "p5");
        Assert.True(Math.Abs(x2 - x) + Math.Abs(y2 - y) > 3, "the point should have moved between checkpoints");
        // Drawn highlighted at its new place: full class colour (p5 is class 1, Okabe-Ito orange #E69F00), not dimmed.
        var px = await PixelAsync(p, x2, y2);
        Assert.True(Math.Abs(px[0] - 0xE6) < 12 && Math.Abs(px[1] - 0x9F) < 12 && px[2] < 20 && px[3] == 255, $"pixel {string.Join(",", px)}");
        p.AssertClean("point cloud click");
    }

    [Fact]
    public async Task Hover_shows_the_tooltip_with_label_and_text()
    {
        await using var p = await OpenAsync();
        var (x, y) = await CanvasPoints.WhereAsync(p, "pc", "p7");
        await p.Page.Mouse.MoveAsync(x, y);
        var tip = p.Page.Locator("#pc .nv-tooltip");
        await tip.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Visible, Timeout = 3000 });
        string text = await tip.TextContentAsync() ?? "";
        Assert.Contains("p7", text);
        Assert.Contains("class: mixed", text); // 7 % 4 = 3
        Assert.Contains("the food was <great> & the service slow", text); // text escaped in JSON, shown verbatim
        Assert.Contains("Nearest here:", text);
        await p.Page.Mouse.MoveAsync(2, 2);
        await tip.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Hidden, Timeout = 3000 });
        p.AssertClean("point cloud hover");
    }

    [Fact]
    public async Task Shift_drag_lasso_selects_exactly_the_points_inside()
    {
        await using var p = await OpenAsync();
        var box = await p.Page.Locator("#pc canvas").BoundingBoxAsync();
        Assert.NotNull(box);
        float x0 = box.X + box.Width * 0.35f, x1 = box.X + box.Width * 0.6f, y0 = box.Y + box.Height * 0.3f, y1 = box.Y + box.Height * 0.55f;
        string[] expected = await CanvasPoints.InsideAsync(p, "pc", x0, y0, x1, y1);
        Assert.True(expected.Length > 5, $"the rectangle should contain points, has {expected.Length}");
        await CanvasPoints.LassoRectangleAsync(p, x0, y0, x1, y1);
        var got = await CanvasPoints.SelectionAsync(p, "pc");
        Assert.Equal(expected.Order(), got.Order());
        Assert.Equal(expected.Length.ToString(), await p.Page.GetAttributeAsync("#pc", "data-selected"));
        await p.Page.FocusAsync("#pc");
        await p.Page.Keyboard.PressAsync("Escape");
        Assert.Empty(await CanvasPoints.SelectionAsync(p, "pc"));
        p.AssertClean("point cloud lasso");
    }

    [Fact]
    public async Task Play_interpolates_between_checkpoints_and_reaches_the_last()
    {
        await using var p = await OpenAsync(frames: 3);
        var (x0, y0) = await CanvasPoints.WhereAsync(p, "pc", "p1");
        await p.Page.SelectOptionAsync("#pc .nv-speed", "2");
        // Every time the playback sets is recorded in the page (polling from the test could miss the short
        // mid-transition window on a loaded machine).
        await p.Page.EvaluateAsync(@"() => { const tr = NnViz.players.pc.transport, set = tr.setTime; window.__times = [];
            tr.setTime = function (nt, fromPlayback) { if (fromPlayback) window.__times.push(nt); return set.call(this, nt, fromPlayback); }; }");
        await p.Page.ClickAsync("#pc .nv-play");
        await p.WaitForAsync("() => NnViz.players.pc.transport.time === 2 && !NnViz.players.pc.transport.playing");
        // Mid-transition the time was fractional, i.e. positions were interpolated rather than jumping (a playback step
        // is at most 0.25 s x 2x speed x 1 frame per second, so each transition has a sample inside it however slow the machine).
        var times = await p.Page.EvaluateAsync<double[]>("() => window.__times");
        Assert.Contains(times, t => t > 0.05 && t < 0.95);
        Assert.Contains(times, t => t > 1.05 && t < 1.95);
        Assert.Equal("epoch 3", await p.Page.TextContentAsync("#pc .nv-label"));
        var (x2, y2) = await CanvasPoints.WhereAsync(p, "pc", "p1");
        Assert.True(Math.Abs(x2 - x0) + Math.Abs(y2 - y0) > 3);
        p.AssertClean("point cloud play");
    }

    [Fact]
    public async Task Colour_by_and_layout_toggle_update_legend_and_metrics()
    {
        await using var p = await OpenAsync();
        Assert.Contains("negative (100)", await p.Page.TextContentAsync("#pc .nv-legend") ?? "");
        await p.Page.SelectOptionAsync("#pc .nv-colour-by", new Microsoft.Playwright.SelectOptionValue { Label = "toxic" });
        Assert.Contains("yes (58)", await p.Page.TextContentAsync("#pc .nv-legend") ?? ""); // i % 7 == 0 for i < 400
        var (xa, ya) = await CanvasPoints.WhereAsync(p, "pc", "p3");
        await p.Page.ClickAsync("#pc .nv-layouts button[data-layout=independent]");
        Assert.Equal("independent", await p.Page.GetAttributeAsync("#pc", "data-layout"));
        // Points ease to the new layout (the reader can follow them), then rest there.
        await p.WaitForAsync("() => !NnViz.players.pc.morphing");
        Assert.Equal("independent: trustworthiness 0.921, temporal stability -0.080", await p.Page.TextContentAsync("#pc .nv-metrics b"));
        var (xb, yb) = await CanvasPoints.WhereAsync(p, "pc", "p3");
        Assert.True(Math.Abs(xb - xa) + Math.Abs(yb - ya) > 1, "switching layout moves points");
        p.AssertClean("point cloud controls");
    }

    [Fact]
    public async Task A_single_frame_is_a_static_scatter_without_transport()
    {
        await using var p = await OpenAsync(n: 50, frames: 1);
        Assert.False(await p.Page.Locator("#pc .nv-transport").IsVisibleAsync());
        var (x, y) = await CanvasPoints.WhereAsync(p, "pc", "p2");
        await p.Page.Mouse.ClickAsync(x, y);
        Assert.Equal(["p2"], await CanvasPoints.SelectionAsync(p, "pc"));
        await Screenshots.TakeAndCheckAsync(p.Page, "pointcloud-static");
        p.AssertClean("static scatter");
    }

    [Fact]
    public async Task An_extra_point_in_raw_coordinates_lands_where_a_data_point_with_those_coordinates_is_drawn()
    {
        // The live explorer adds the typed sentence as a point; it must share the data's frame of reference.
        await using var p = await OpenAsync(n: 100, frames: 2);
        var raw = SampleSite.Clusters(100, 2).Layouts[0].Frames[0];
        await p.Page.EvaluateAsync("xy => NnViz.players.pc.setExtraPoints([{ label: 'your sentence', color: '#CC79A7', xy }])",
            new[] { (double)raw[2 * 9], raw[2 * 9 + 1] });
        await p.Page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        var (x, y) = await CanvasPoints.WhereAsync(p, "pc", "p9");
        var px = await PixelAsync(p, x, y);
        Assert.True(Math.Abs(px[0] - 0xCC) < 10 && Math.Abs(px[1] - 0x79) < 10 && Math.Abs(px[2] - 0xA7) < 10, $"pixel {string.Join(",", px)}");
        p.AssertClean("extra point");
    }

    [Fact]
    public async Task A_player_can_be_created_in_the_browser_from_json_data()
    {
        string dir = SampleSite.NewDir("create");
        NnViz.Web.SiteAssets.WriteTo(Path.Combine(dir, "assets"));
        string json = NnViz.Web.PointCloudPlayer.Json(SampleSite.Clusters(60, 2));
        string page = Path.Combine(dir, "drop.html");
        File.WriteAllText(page, NnViz.Web.HtmlPage.Linked("Drop", "<div id=\"host\"></div><script type=\"application/json\" id=\"d\">" + json + "</script>"));
        await using var p = await browser.OpenAsync();
        await p.GotoFileAsync(page);
        await p.WaitForAsync("() => window.NnViz && NnViz.create");
        await p.Page.EvaluateAsync("() => NnViz.create('pointcloud', document.getElementById('host'), JSON.parse(document.getElementById('d').textContent), 'made')");
        var (x, y) = await CanvasPoints.WhereAsync(p, "made", "p4");
        await p.Page.Mouse.ClickAsync(x, y);
        Assert.Equal(["p4"], await CanvasPoints.SelectionAsync(p, "made"));
        p.AssertClean("created player");
    }
}
