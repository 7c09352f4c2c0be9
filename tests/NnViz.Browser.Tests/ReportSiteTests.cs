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
            "<img src=\"http://example.invalid/x.png\" alt=\"y\"><img src=\"data:image/png;base64,iVBORw0KGgo=\">" +
            "<script>undefinedFunction()</script>");
        File.WriteAllText(Path.Combine(dir, "blank.html"), "<!doctype html><title>blank</title>");
        var results = await ReportPageChecks.RunAsync(browser, dir, "broken");
        var bad = results.Single(r => r.RelativePath == "bad.html");
        Assert.Contains(bad.Problems, s => s.Contains("missing.svg"));
        Assert.Contains(bad.Problems, s => s.Contains("undefinedFunction"));
        Assert.Contains(bad.Problems, s => s.StartsWith("external request: http://example.invalid"));
        Assert.Contains(bad.Problems, s => s == "image without alt text: data:image/png;base64,iVBORw0KGgo=");
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
        File.WriteAllText(Path.Combine(dir, "overview.html"), HtmlPage.Linked("NnVizRepro report", Overview()));
        File.WriteAllText(Path.Combine(sub, "index.html"), ExperimentPage());
        return dir;
    }

    /// <summary>An index-like page with every static part: cards, a claims table with badges, a figure with data links.</summary>
    private static string Overview() =>
        "<p class=\"nv-lede\">Five write-ups, reproduced on the quick profile.</p>\n" +
        ReportParts.CardGrid([
            new("Rings, the hidden plane", "rings/flipbook.html", "rings/frame-003.svg", "Four architectures map two rings through a 2-unit layer.", 3, 3, "quick", "generated"),
            new("Polynomial fits", "rings/cloud.html", "rings/frame-001.svg", "Six architectures fit x^4 - 3x^2 + x + 1.", 2, 5, "quick", "generated"),
            new("IMDB LSTM", "index.html", null, "Word impact and layer spaces.", 0, 3, "quick", "real"),
        ]) +
        "<h2>Claims</h2>\n" +
        ReportParts.Table(["Claim", "Expected", "Measured", "Verdict"], [
            ["width 1-6-1 fits best", "rank 1", "1", ReportParts.VerdictBadge("reproduced")],
            ["chokepoint 1-3-1-3-1 is worst", "rank 6", "4", ReportParts.VerdictBadge("not reproduced")],
            ["t-SNE beats PCA (kNN accuracy)", "> 0.9", "0.942", ReportParts.VerdictBadge("not applicable")],
        ], numericColumns: new HashSet<int> { 2 }, rawHtmlColumns: new HashSet<int> { 3 }) +
        ReportParts.Figure("rings/frame-003.svg", "Final fit", "The fitted curve at the last epoch",
            [new DataLink("CSV", "rings/fit.csv"), new DataLink("JSON", "rings/metrics.json")]);

    /// <summary>An experiment page as the report writes it (NnViz.Web's ReportPage), with a figure and a table.</summary>
    private static string ExperimentPage() => ReportPage.Document("Rings — NnVizRepro", "../",
        ReportPage.ExperimentHeader("Rings", "seed 002", "quick", "generated rings", true) + ReportPage.Description("<p>Two rings.</p>") +
        ReportPage.GeneratedDataNote + ReportPage.ClaimsSection([new("the rings separate", "> 0.9", "0.97", "ok", "reproduced")]) +
        ReportPage.Figure("frame-003.svg", "Final plane", "The hidden plane after training", "Caption.", []) +
        ReportPage.TableBlock("Accuracy", ["model", "accuracy"], [["2-2-1", "0.97"]], "") +
        ReportPage.SpecSection("quick", "experiments/rings.yaml", new string('0', 64), "name: rings") + ReportPage.ProvenanceSection("rings"));
}
