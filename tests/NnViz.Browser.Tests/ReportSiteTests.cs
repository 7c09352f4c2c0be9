using NnViz.Web;

namespace NnViz.Browser.Tests;

/// <summary>
/// Every page of a report loads cleanly and is not blank. Point NNVIZ_REPORT_DIR at a generated report
/// (e.g. reports/quick); unset, the test builds a small site with the NnViz.Web API so it always checks something.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportSiteTests(BrowserFixture browser)
{
    [Fact]
    public async Task Every_page_of_the_report_loads_without_errors_and_is_not_blank()
    {
        string dir = Environment.GetEnvironmentVariable("NNVIZ_REPORT_DIR") is { Length: > 0 } d ? Path.GetFullPath(d) : BuildSmallSite();
        Assert.True(Directory.Exists(dir), $"NNVIZ_REPORT_DIR={dir} does not exist");
        var results = await ReportPageChecks.RunAsync(browser, dir, "report");
        ReportPageChecks.AssertAllClean(results, dir);
    }

    [Fact]
    public async Task The_checks_catch_a_broken_page()
    {
        // The helper must not silently pass: a missing image, a script error and an external URL are all reported.
        string dir = SampleSite.NewDir("broken");
        File.WriteAllText(Path.Combine(dir, "bad.html"),
            "<!doctype html><title>bad</title><h1>Broken</h1><img src=\"missing.svg\" alt=\"x\">" +
            "<img src=\"http://example.invalid/x.png\" alt=\"y\"><script>undefinedFunction()</script>");
        File.WriteAllText(Path.Combine(dir, "blank.html"), "<!doctype html><title>blank</title>");
        var results = await ReportPageChecks.RunAsync(browser, dir, "broken");
        var bad = results.Single(r => r.RelativePath == "bad.html");
        Assert.Contains(bad.Problems, s => s.Contains("missing.svg"));
        Assert.Contains(bad.Problems, s => s.Contains("undefinedFunction"));
        Assert.Contains(bad.Problems, s => s.StartsWith("external request: http://example.invalid"));
        Assert.True(results.Single(r => r.RelativePath == "blank.html").Blank);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ReportPageChecks.AssertAllClean(results, dir));
    }

    private static string BuildSmallSite()
    {
        string dir = SampleSite.NewDir("site");
        SampleSite.LinkedSite(dir, 200);
        string sub = Path.Combine(dir, "rings");
        Directory.CreateDirectory(sub);
        SampleSite.FlipbookByFiles(sub, 4);
        File.WriteAllText(Path.Combine(sub, "cloud.html"),
            HtmlPage.Linked("Cloud", PointCloudPlayer.Html("cloud", SampleSite.Clusters(300, 3)), "../assets"));
        return dir;
    }
}
