using System.Text.Json;
using NnViz.Web;

namespace NnViz.Browser.Tests;

/// <summary>The animator page's own-data path: CSV files parsed, checked and animated in the browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AnimatorPageTests(BrowserFixture browser)
{
    private async Task<WatchedPage> OpenAsync(string dir)
    {
        string page = Path.Combine(dir, "animator.html");
        File.WriteAllText(page, AnimatorPage.Standalone("Animator", SampleSite.Clusters(50, 2)));
        var p = await browser.OpenAsync(1000, 1000);
        await p.GotoFileAsync(page);
        await p.WaitForAsync("() => window.NnViz && NnViz.players.csv && NnViz.players.animation");
        return p;
    }

    /// <summary>Runs the browser-side conversion on in-memory files: [[name, text], ...] -> point-cloud JSON or "error: ...".</summary>
    private static async Task<JsonElement> ConvertAsync(WatchedPage p, params string[][] files) =>
        await p.Page.EvaluateAsync<JsonElement>(
            @"files => { try { return NnViz.representationsToPointCloud(files.map(([n, t]) => NnViz.readRepresentationCsv(t, n))); }
                         catch (e) { return 'error: ' + e.message; } }", files);

    [Fact]
    public async Task Two_column_files_are_matched_by_id_and_used_as_given()
    {
        await using var p = await OpenAsync(SampleSite.NewDir("anim"));
        var data = await ConvertAsync(p,
            ["e1.csv", "id,x,y,label,text\na,0,0,neg,\"first, with comma\"\nb,1,0,pos,second\nc,0,1,neg,\"multi\nline\"\n"],
            ["e2.csv", "id,x,y,label,text\nc,0,2,neg,t\na,0,0,neg,t\nb,2,0,pos,t\n"]);
        Assert.Equal(["e1", "e2"], data.GetProperty("frameLabels").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["a", "b", "c"], data.GetProperty("ids").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("multi\nline", data.GetProperty("texts")[2].GetString());
        var frames = data.GetProperty("layouts")[0].GetProperty("frames");
        // One grid over both files: span 2 -> scale 5000.
        Assert.Equal([0, 0, 5000, 0, 0, 5000], frames[0].EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([0, 0, 10000, 0, 0, 10000], frames[1].EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([0, 1, 0], data.GetProperty("columns")[0].GetProperty("codes").EnumerateArray().Select(e => e.GetInt32()));
        p.AssertClean("csv conversion");
    }

    [Fact]
    public async Task More_columns_are_projected_by_one_pca_over_all_files()
    {
        await using var p = await OpenAsync(SampleSite.NewDir("anim"));
        // Points on a line along (1, 2, 0, 0) with a small wiggle on the third axis: the first axis must order them by t.
        static string File(double shift) => "id,a,b,c,d\n" + string.Join("\n", Enumerable.Range(0, 8).Select(i =>
            FormattableString.Invariant($"p{i},{i + shift},{2 * (i + shift)},{(i % 2 == 0 ? 0.1 : -0.1)},5")));
        var data = await ConvertAsync(p, ["e1.csv", File(0)], ["e2.csv", File(3)]);
        Assert.Equal("joint PCA", data.GetProperty("layouts")[0].GetProperty("name").GetString());
        var f0 = data.GetProperty("layouts")[0].GetProperty("frames")[0].EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var f1 = data.GetProperty("layouts")[0].GetProperty("frames")[1].EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var x0 = Enumerable.Range(0, 8).Select(i => f0[2 * i]).ToArray();
        Assert.Equal(x0.Order(), x0); // increasing with t (sign fixed: largest loading positive)
        // The same axes for both files: a shift of 3 along the line moves every point by the same amount in x.
        var dx = Enumerable.Range(0, 8).Select(i => f1[2 * i] - f0[2 * i]).Distinct().ToArray();
        Assert.True(dx.Max() - dx.Min() <= 1 && dx[0] > 0, string.Join(",", dx));
        p.AssertClean("csv pca");
    }

    private static readonly (string A, string B, string Message)[] BadFiles =
    [
        ("id,x,y\na,1,2\nb,3\n", "id,x,y\na,1,2\nb,3,4\n", "a.csv:3: expected 3 fields, found 2"),
        ("id,x,y\na,1,abc\n", "id,x,y\na,1,2\n", "a.csv:2: column \"y\": \"abc\" is not a number"),
        ("id,x,y\na,1,2\nb,3,4\n", "id,x,y\na,1,2\nz,3,4\n", "b.csv: id \"z\" is not in a.csv"),
        ("id,x,y\na,1,2\na,3,4\n", "id,x,y\na,1,2\n", "a.csv:3: id \"a\" appears twice"),
        ("id,x,y\n,1,2\n", "id,x,y\na,1,2\n", "a.csv:2: the id is empty"),
        ("id,x,y\na,1,2\n", "id,x,y,z\na,1,2,3\n", "b.csv: 3 number columns, but a.csv has 2"),
        ("id,x\na,1\n", "id,x\na,1\n", "a.csv:1: expected at least 2 number columns"),
        ("id,x,y\na,\"1,2\n", "id,x,y\na,1,2\n", "a.csv:2: a quoted field is not closed"),
        ("id,x,y\na,1,2\n", "id,x,y\na,1,2\nb,3,4\n", "b.csv: 2 rows, but a.csv has 1"),
    ];

    [Fact]
    public async Task Bad_files_get_a_message_naming_file_and_line()
    {
        await using var p = await OpenAsync(SampleSite.NewDir("anim"));
        foreach (var (a, b, message) in BadFiles)
        {
            var result = await ConvertAsync(p, ["a.csv", a], ["b.csv", b]);
            Assert.Equal(JsonValueKind.String, result.ValueKind);
            Assert.StartsWith("error: " + message, result.GetString());
        }
        p.AssertClean("csv errors");
    }

    [Fact]
    public async Task Chosen_files_are_animated_and_a_bad_file_shows_its_error()
    {
        string dir = SampleSite.NewDir("anim");
        File.WriteAllText(Path.Combine(dir, "epoch2.csv"), "id,x,y,label\nq1,1,1,a\nq2,5,1,b\nq3,3,4,a\n");
        File.WriteAllText(Path.Combine(dir, "epoch1.csv"), "id,x,y,label\nq1,0,0,a\nq2,1,0,b\nq3,0,1,a\n");
        File.WriteAllText(Path.Combine(dir, "broken.csv"), "id,x,y\nq1,0\n");
        await using var p = await OpenAsync(dir);
        await p.Page.SetInputFilesAsync("#csv input[type=file]", [Path.Combine(dir, "epoch2.csv"), Path.Combine(dir, "epoch1.csv")]);
        await p.WaitForAsync("() => document.querySelector('#csv').dataset.loaded === '1'");
        Assert.Equal("epoch1", await p.Page.TextContentAsync("#csv-player1 .nv-label")); // name order, not choice order
        await p.Page.Locator("#csv-player1 canvas").ScrollIntoViewIfNeededAsync();
        var (x, y) = await CanvasPoints.WhereAsync(p, "csv-player1", "q2");
        await p.Page.Mouse.ClickAsync(x, y);
        Assert.Equal(["q2"], await CanvasPoints.SelectionAsync(p, "csv-player1"));

        await p.Page.SetInputFilesAsync("#csv input[type=file]", [Path.Combine(dir, "broken.csv")]);
        await p.WaitForAsync("() => !!document.querySelector('#csv').dataset.error");
        Assert.Equal("broken.csv:2: expected 3 fields, found 2", await p.Page.TextContentAsync("#csv .nv-error"));
        Assert.True(await p.Page.Locator("#csv .nv-error").IsVisibleAsync());
        await Screenshots.TakeAndCheckAsync(p.Page, "animator-page");
        p.AssertClean("animator page");
    }
}
