using System.Xml.Linq;
using NnViz.Web;

namespace NnViz.Browser.Tests;

/// <summary>The report pages' HTML from NnViz.Web without a browser: escaping, verdict classes, links, the document shell.</summary>
public sealed class ReportPageTests
{
    [Fact]
    public void Claims_are_escaped_and_get_their_verdict_class()
    {
        string html = ReportPage.ClaimsTable([
            new("width <6> & \"wide\" fits", "rank 1", "1", "ok", "reproduced"),
            new("the model's error", "> 0.9", "0.5", "fail", "not reproduced"),
        ]);
        var table = XElement.Parse(html);
        Assert.Equal(["ok", "fail"], table.Descendants("td").Where(td => ((string?)td.Attribute("class") ?? "").StartsWith("verdict", StringComparison.Ordinal))
            .Select(td => td.Attribute("class")!.Value["verdict ".Length..]));
        Assert.Contains("width &lt;6&gt; &amp; &quot;wide&quot; fits", html);
        Assert.Contains("the model&#39;s error", html);
        Assert.Equal("<p>This experiment states no checkable claims.</p>", ReportPage.ClaimsTable([]));
    }

    [Fact]
    public void A_figure_links_its_svg_first_then_its_data()
    {
        string html = ReportPage.Figure("figures/fit.svg", "Final fit", "the fitted curve", "Caption.", [new DataLink("fit.csv", "data/fit.csv")]);
        Assert.StartsWith("<figure class=\"figure\"><img src=\"figures/fit.svg\" alt=\"the fitted curve\" title=\"Final fit\">", html);
        var hrefs = System.Text.RegularExpressions.Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value);
        Assert.Equal(["figures/fit.svg", "data/fit.csv"], hrefs);
        Assert.DoesNotContain("data-links", ReportPage.Animation("a", "<div></div>", "c", [])); // no links, no empty list
    }

    [Fact]
    public void The_document_loads_assets_from_its_prefix_and_fills_provenance_from_scripts()
    {
        string page = ReportPage.Document("Rings — NnVizRepro", "../", "<main>x</main>", ["provenance.js"]);
        Assert.StartsWith("<!DOCTYPE html>\n", page);
        Assert.Contains("<link rel=\"stylesheet\" href=\"../assets/site.css\">", page);
        Assert.Contains("<script src=\"provenance.js\"></script>", page);
        Assert.Contains("<script src=\"../assets/player.js\" defer></script>", page);
        Assert.Contains(ReportPage.ProvenanceScript, page);
        Assert.Contains("<title>Rings — NnVizRepro</title>", page);
        Assert.Contains("data-experiment=\"rings\"", ReportPage.ProvenanceSection("rings"));
        Assert.Equal(2, ReportPage.RunTimes(["a", "b"]).Split("<tr data-experiment=").Length - 1);
    }

    [Fact]
    public void Columns_put_each_fragment_in_its_own_grid_cell()
    {
        string html = ReportParts.Columns(["<p>a</p>", "<p>b</p>"], 2, "nv-row3");
        Assert.Equal("<div class=\"nv-row3\" style=\"display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:10px\">\n<div><p>a</p></div>\n<div><p>b</p></div>\n</div>\n", html);
        Assert.StartsWith("<div style=", ReportParts.Columns([]));
    }
}
