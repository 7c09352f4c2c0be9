namespace NnViz.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class FlipbookTests(BrowserFixture browser)
{
    private async Task<WatchedPage> OpenAsync(int frames)
    {
        string page = SampleSite.FlipbookByFiles(SampleSite.NewDir("flip"), frames);
        var p = await browser.OpenAsync(900, 700);
        await p.GotoFileAsync(page);
        await p.WaitForAsync("() => window.NnViz && NnViz.players.flipbook");
        return p;
    }

    private static Task<string?> FrameAsync(WatchedPage p) => p.Page.GetAttributeAsync("#flipbook", "data-frame");

    private static Task<string> VisibleSrcAsync(WatchedPage p) =>
        p.Page.EvaluateAsync<string>("() => document.querySelector('#flipbook .nv-stage > img:not([hidden])').getAttribute('src')");

    [Fact]
    public async Task Play_advances_the_frames_and_stops_at_the_last()
    {
        await using var p = await OpenAsync(6);
        Assert.Equal("0", await FrameAsync(p));
        Assert.Equal("epoch 1", await p.Page.TextContentAsync("#flipbook .nv-label"));
        await p.Page.SelectOptionAsync("#flipbook .nv-speed", "4");
        await p.Page.ClickAsync("#flipbook .nv-play");
        await p.WaitForAsync("() => document.querySelector('#flipbook').dataset.frame === '5' && !NnViz.players.flipbook.transport.playing");
        Assert.Equal("epoch 6", await p.Page.TextContentAsync("#flipbook .nv-label"));
        Assert.Equal("frame-005.svg", await VisibleSrcAsync(p));
        p.AssertClean("flipbook play");
    }

    [Fact]
    public async Task Slider_sets_the_frame_and_the_shown_picture()
    {
        await using var p = await OpenAsync(6);
        await p.Page.EvalOnSelectorAsync("#flipbook .nv-slider", "s => { s.value = '3'; s.dispatchEvent(new Event('input', { bubbles: true })); }");
        Assert.Equal("3", await FrameAsync(p));
        Assert.Equal("epoch 4", await p.Page.TextContentAsync("#flipbook .nv-label"));
        Assert.Equal("frame-003.svg", await VisibleSrcAsync(p));
        Assert.Equal(1, await p.Page.Locator("#flipbook .nv-stage > img:not([hidden])").CountAsync());
        p.AssertClean("flipbook slider");
    }

    [Fact]
    public async Task Keyboard_steps_plays_and_jumps_when_focused()
    {
        await using var p = await OpenAsync(6);
        await p.Page.FocusAsync("#flipbook");
        await p.Page.Keyboard.PressAsync("ArrowRight");
        await p.Page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("2", await FrameAsync(p));
        await p.Page.Keyboard.PressAsync("ArrowLeft");
        Assert.Equal("1", await FrameAsync(p));
        await p.Page.Keyboard.PressAsync("End");
        Assert.Equal("5", await FrameAsync(p));
        await p.Page.Keyboard.PressAsync("Home");
        Assert.Equal("0", await FrameAsync(p));
        await p.Page.Keyboard.PressAsync(" ");
        Assert.True(await p.Page.EvaluateAsync<bool>("() => NnViz.players.flipbook.transport.playing"));
        await p.WaitForAsync("() => document.querySelector('#flipbook').dataset.frame !== '0'");
        await p.Page.Keyboard.PressAsync(" ");
        Assert.False(await p.Page.EvaluateAsync<bool>("() => NnViz.players.flipbook.transport.playing"));
        p.AssertClean("flipbook keyboard");
    }

    [Fact]
    public async Task Step_buttons_move_one_frame_and_stay_in_range()
    {
        await using var p = await OpenAsync(3);
        await p.Page.ClickAsync("#flipbook .nv-prev");
        Assert.Equal("0", await FrameAsync(p));
        await p.Page.ClickAsync("#flipbook .nv-next");
        await p.Page.ClickAsync("#flipbook .nv-next");
        await p.Page.ClickAsync("#flipbook .nv-next");
        Assert.Equal("2", await FrameAsync(p));
        Assert.Equal("3 / 3", await p.Page.TextContentAsync("#flipbook .nv-counter"));
        p.AssertClean("flipbook step buttons");
    }

    [Fact]
    public async Task Loop_keeps_playing_past_the_last_frame()
    {
        await using var p = await OpenAsync(3);
        await p.Page.CheckAsync("#flipbook .nv-loop");
        await p.Page.SelectOptionAsync("#flipbook .nv-speed", "4");
        await p.Page.ClickAsync("#flipbook .nv-play");
        // 16 frames per second over 3 frames: the end comes within 0.2 s; having seen frame 2, wait to see 0 again.
        await p.WaitForAsync("() => document.querySelector('#flipbook').dataset.frame === '2'");
        await p.WaitForAsync("() => document.querySelector('#flipbook').dataset.frame === '0'");
        Assert.True(await p.Page.EvaluateAsync<bool>("() => NnViz.players.flipbook.transport.playing"));
        await p.Page.ClickAsync("#flipbook .nv-play");
        Assert.False(await p.Page.EvaluateAsync<bool>("() => NnViz.players.flipbook.transport.playing"));
        p.AssertClean("flipbook loop");
    }

    [Fact]
    public async Task Inline_frames_are_swapped_so_one_svg_is_in_the_page_at_a_time()
    {
        string dir = SampleSite.NewDir("flip-inline");
        string page = Path.Combine(dir, "inline.html");
        var frames = Enumerable.Range(0, 4).Select(f => new NnViz.Web.FlipbookFrame($"epoch {f + 1}", SampleSite.CurveSvg(f, 4))).ToArray();
        File.WriteAllText(page, NnViz.Web.FlipbookPlayer.StandalonePage("Inline", frames));
        await using var p = await browser.OpenAsync(900, 700);
        await p.GotoFileAsync(page);
        await p.WaitForAsync("() => window.NnViz && NnViz.players.flipbook");
        Assert.Equal("frame 1", await p.Page.TextContentAsync("#flipbook .nv-stage > .nv-inline svg text"));
        await p.Page.FocusAsync("#flipbook");
        await p.Page.Keyboard.PressAsync("ArrowRight");
        await p.Page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("frame 3", await p.Page.TextContentAsync("#flipbook .nv-stage > .nv-inline svg text"));
        Assert.Equal(1, await p.Page.Locator("#flipbook .nv-stage svg").CountAsync());
        Assert.Equal("Inline, epoch 3", await p.Page.GetAttributeAsync("#flipbook .nv-inline", "aria-label"));
        p.AssertClean("inline flipbook");
    }

    [Fact]
    public async Task Frames_of_a_player_far_below_load_only_when_it_comes_near_the_screen()
    {
        string dir = SampleSite.NewDir("flip-lazy");
        SampleSite.FlipbookByFiles(dir, 5);
        var frames = Enumerable.Range(0, 5).Select(f => new NnViz.Web.FlipbookFrame($"epoch {f + 1}", $"frame-{f:000}.svg")).ToArray();
        string page = Path.Combine(dir, "lazy.html");
        File.WriteAllText(page, NnViz.Web.HtmlPage.Standalone("Lazy", "<div style=\"height:5000px\"></div>" + NnViz.Web.FlipbookPlayer.Html("far", "Far", frames)));
        await using var p = await browser.OpenAsync(900, 700);
        await p.GotoFileAsync(page);
        await p.WaitForAsync("() => window.NnViz && NnViz.players.far");
        Assert.Equal(1, await p.Page.EvaluateAsync<int>("() => NnViz.players.far.loadedImages")); // the first frame only
        await p.Page.Locator("#far").ScrollIntoViewIfNeededAsync();
        await p.WaitForAsync("() => NnViz.players.far.loadedImages === 5");
        await p.WaitForAsync("() => [...document.querySelectorAll('#far img')].every(i => i.complete && i.naturalWidth > 0)");
        p.AssertClean("lazy flipbook");
    }

    [Fact]
    public async Task Png_frame_files_as_the_report_writes_them_are_shown_and_stepped()
    {
        // The report's players show PNG frames (frame_000.png, ...); make real PNGs by screenshotting the sample SVGs.
        string dir = SampleSite.NewDir("flip-png");
        var frames = new List<NnViz.Web.FlipbookFrame>();
        await using (var shooter = await browser.OpenAsync(400, 240))
            for (int f = 0; f < 4; f++)
            {
                await shooter.Page.SetContentAsync("<body style=\"margin:0\">" + SampleSite.CurveSvg(f, 4) + "</body>");
                string name = $"frame_{f:000}.png";
                await File.WriteAllBytesAsync(Path.Combine(dir, name), await shooter.Page.ScreenshotAsync(new() { Clip = new() { Width = 400, Height = 240 } }));
                frames.Add(new NnViz.Web.FlipbookFrame($"epoch {f + 1}", name));
            }
        string page = Path.Combine(dir, "player.html");
        File.WriteAllText(page, NnViz.Web.FlipbookPlayer.StandalonePage("PNG frames", frames, 4, "Fitted curve"));
        await using var p = await browser.OpenAsync(900, 700);
        await p.GotoFileAsync(page);
        await p.WaitForAsync("() => window.NnViz && NnViz.players.flipbook");
        await p.WaitForAsync("() => [...document.querySelectorAll('#flipbook img')].length === 4 && [...document.querySelectorAll('#flipbook img')].every(i => i.complete && i.naturalWidth === 400 && i.naturalHeight === 240)");
        await p.Page.FocusAsync("#flipbook");
        await p.Page.Keyboard.PressAsync("ArrowRight");
        await p.Page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("frame_002.png", await VisibleSrcAsync(p));
        Assert.Equal("Fitted curve, epoch 3", await p.Page.GetAttributeAsync("#flipbook .nv-stage > img:not([hidden])", "alt"));
        // The shown picture is the frame at its own size (a raster blown up to the stage's width would blur) and not blank.
        var box = await p.Page.Locator("#flipbook .nv-stage > img:not([hidden])").BoundingBoxAsync();
        Assert.True(box is { Width: 400, Height: 240 }, $"shown image box {box?.Width} x {box?.Height}");
        var shot = PngImage.Decode(await p.Page.Locator("#flipbook .nv-stage").ScreenshotAsync());
        Assert.True(shot.LumaVariance() > 50, $"stage variance {shot.LumaVariance()}");
        p.AssertClean("png flipbook");
    }
}
