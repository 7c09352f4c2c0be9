using System.Security.Cryptography;
using System.Text.Json;
using NnViz.Testing;
using NnViz.Web;

namespace NnViz.Browser.Tests;

/// <summary>The C# side of NnViz.Web without a browser: assets, escaping, data validation and encoding.</summary>
public sealed class WebApiTests
{
    private static string Hash(string dir) => string.Join(",", SiteAssets.FileNames.Select(f =>
        Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, f))))));

    [Fact]
    public void Assets_are_written_with_identical_bytes_every_time()
    {
        string a = SampleSite.NewDir("assets-a"), b = SampleSite.NewDir("assets-b");
        SiteAssets.WriteTo(a);
        SiteAssets.WriteTo(b);
        Assert.Equal(Hash(a), Hash(b));
        byte[] css = File.ReadAllBytes(Path.Combine(a, "site.css"));
        Assert.False(css.Length >= 3 && css[0] == 0xEF && css[1] == 0xBB, "no BOM");
        Assert.DoesNotContain((byte)'\r', css);
    }

    [Fact]
    public void Assets_reference_nothing_outside_the_page()
    {
        string all = SiteAssets.Css + SiteAssets.Script;
        Assert.DoesNotContain("http://", all);
        Assert.DoesNotContain("https://", all);
        Assert.DoesNotContain("fetch(", all);
        Assert.DoesNotContain("@import", all);
        // Inlined into a standalone page, the script must not end its own element early.
        Assert.DoesNotContain("</script", SiteAssets.Script, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("/* ---- 00-core.js ---- */", SiteAssets.Script);
    }

    [Fact]
    public void Text_that_looks_like_markup_cannot_break_out_of_the_data_element()
    {
        var data = SampleSite.Clusters(3, 1) with { Texts = ["</script><script>alert(1)</script>", "a & b", "naïve 日本"] };
        string html = PointCloudPlayer.Html("x", data);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "</script>"));
        string json = html[(html.IndexOf("nv-data\">", StringComparison.Ordinal) + 9)..html.IndexOf("</script>", StringComparison.Ordinal)];
        var texts = JsonDocument.Parse(json).RootElement.GetProperty("texts").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(["</script><script>alert(1)</script>", "a & b", "naïve 日本"], texts);
        Assert.Contains("naïve 日本", json); // readable, not \u-escaped
    }

    [Fact]
    public void Positions_are_quantised_on_one_grid_for_all_frames_keeping_the_aspect()
    {
        var data = new PointCloudData(["a", "b"], ["e1", "e2"],
            [new PointLayout("aligned", [new float[] { -1, 0, 1, 0.5f }, new float[] { 3, 1, -1, 0 }])], []);
        var layout = JsonDocument.Parse(PointCloudPlayer.Json(data)).RootElement.GetProperty("layouts")[0];
        // x spans -1..3 (4), y spans 0..1: one scale 10000/4 for both axes.
        Assert.Equal([0, 0, 5000, 1250], layout.GetProperty("frames")[0].EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([10000, 2500, 0, 0], layout.GetProperty("frames")[1].EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([10000, 2500], layout.GetProperty("extent").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([-1.0, 0.0, 2500.0], layout.GetProperty("transform").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Theory]
    [InlineData("frames", "layout \"aligned\": 1 frames, expected 2")]
    [InlineData("length", "frame 1: 2 numbers, expected 2 x 2 points")]
    [InlineData("nan", "frame 0: point 1 has a non-finite coordinate")]
    [InlineData("code", "column \"c\": point 1 has code 2, expected -1..1")]
    [InlineData("ids", "ids are not unique")]
    public void Inconsistent_data_is_rejected_with_a_message_naming_the_problem(string fault, string message)
    {
        float[] ok = [0, 0, 1, 1];
        var data = new PointCloudData(["a", fault == "ids" ? "a" : "b"], ["e1", "e2"],
            [new PointLayout("aligned", fault switch
            {
                "frames" => [ok],
                "length" => [ok, new float[] { 0, 0 }],
                "nan" => [new float[] { 0, 0, float.NaN, 1 }, ok],
                _ => [ok, ok],
            })],
            [new LabelColumn("c", [0, fault == "code" ? 2 : 1], ["x", "y"])]);
        var e = Assert.Throws<ArgumentException>(() => PointCloudPlayer.Html("pc", data));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Neighbour_lists_must_cover_every_point_and_stay_in_range()
    {
        var data = SampleSite.Clusters(3, 1);
        var e = Assert.Throws<ArgumentException>(() => PointCloudPlayer.Json(data with { Neighbours = [[1], [2], [3]] }));
        Assert.Contains("neighbour 3 of point 2 is out of range 0..2", e.Message);
        e = Assert.Throws<ArgumentException>(() => PointCloudPlayer.Json(data with { Neighbours = [[1]] }));
        Assert.Contains("1 neighbour lists, expected 3", e.Message);
        Assert.Contains("\"neighbours\":[[1,2],[0],[]]", PointCloudPlayer.Json(data with { Neighbours = [[1, 2], [0], []] }));
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("a b")]
    [InlineData("a\"onload=\"x")]
    [InlineData("")]
    public void Element_ids_must_be_plain(string id) =>
        Assert.Throws<ArgumentException>(() => FlipbookPlayer.Html(id, "t", [new FlipbookFrame("e1", "f.svg")]));

    [Fact]
    public void An_empty_title_leaves_out_the_caption_but_keeps_a_label()
    {
        string html = FlipbookPlayer.Html("f", "", [new FlipbookFrame("e1", "a.svg")], alt: "Decision boundary");
        Assert.DoesNotContain("<figcaption>", html);
        Assert.Contains("aria-label=\"Decision boundary\"", html);
    }

    [Fact]
    public void Frames_are_inline_when_they_hold_markup_and_files_otherwise()
    {
        Assert.True(new FlipbookFrame("e", "  <svg/>").IsInline);
        Assert.False(new FlipbookFrame("e", "frames/epoch-001.svg").IsInline);
    }

    [Fact]
    public void Flipbook_fragment_matches_its_snapshot()
    {
        string html = FlipbookPlayer.Html("fit-121", "Fit of 1-2-1 <tanh>",
            [new FlipbookFrame("epoch 1", "fit-121/epoch-001.svg"), new FlipbookFrame("epoch 2", "fit-121/epoch-002.svg")],
            framesPerSecond: 6, alt: "Target curve and the network's output");
        Snapshot.Match(html, "html");
    }

    [Fact]
    public void Point_cloud_fragment_matches_its_snapshot()
    {
        var data = new PointCloudData(["r1", "r2", "r3"], ["epoch 1", "epoch 2"],
            [new PointLayout("aligned", [new float[] { 0, 0, 1, 0, 0, 1 }, new float[] { 0, 0, 2, 0, 0, 2 }], [new("trustworthiness", 0.95)])],
            [new LabelColumn("sentiment", [0, 1, -1], ["negative", "positive"])])
        { Title = "Yelp, hidden layer", Texts = ["bad", "good", "meh"], Group = "yelp", Marked = ["r2"] };
        Snapshot.Match(PointCloudPlayer.Html("yelp-hidden", data), "html");
    }
}
