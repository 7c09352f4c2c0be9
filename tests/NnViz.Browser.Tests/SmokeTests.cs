namespace NnViz.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SmokeTests(BrowserFixture browser)
{
    [Fact]
    public async Task Chromium_loads_a_file_page_and_runs_script()
    {
        string dir = Directory.CreateTempSubdirectory("nnviz-smoke").FullName;
        string file = Path.Combine(dir, "p.html");
        File.WriteAllText(file, "<!doctype html><title>t</title><p id=x></p><script>document.getElementById('x').textContent=String(6*7)</script>");
        await using var page = await browser.OpenAsync();
        await page.GotoFileAsync(file);
        Assert.Equal("42", await page.Page.TextContentAsync("#x"));
        page.AssertClean("smoke page");
    }
}
