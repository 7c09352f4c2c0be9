namespace NnViz.Browser.Tests;

/// <summary>What loading one report page showed.</summary>
public sealed record PageCheck(string RelativePath, IReadOnlyList<string> Problems, double LumaVariance, string Screenshot)
{
    public bool Blank => LumaVariance <= Screenshots.BlankVarianceThreshold;
}

/// <summary>
/// Loads every .html file under a report directory from file:// and records console errors, page errors, failed and
/// external requests, waits for every player to mount, and keeps a full-page screenshot under
/// reports/screenshots/&lt;label&gt;/ with its luminance variance (blank pages fail).
/// </summary>
public static class ReportPageChecks
{
    public static async Task<IReadOnlyList<PageCheck>> RunAsync(BrowserFixture browser, string reportDir, string label)
    {
        var pages = Directory.EnumerateFiles(reportDir, "*.html", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        var results = new List<PageCheck>();
        string shotDir = Path.Combine(Screenshots.Dir, label);
        if (Directory.Exists(shotDir)) Directory.Delete(shotDir, recursive: true); // no stale pictures from other runs
        Directory.CreateDirectory(shotDir);
        foreach (string file in pages)
        {
            string rel = Path.GetRelativePath(reportDir, file).Replace('\\', '/');
            await using var p = await browser.OpenAsync(1200, 900);
            var problems = new List<string>();
            try
            {
                await p.GotoFileAsync(file);
                await p.WaitForAsync("() => [...document.querySelectorAll('[data-nnviz]')].every(e => e.classList.contains('nv-mounted'))", 10000);
                await p.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
            }
            catch (Exception e) when (e is TimeoutException or Microsoft.Playwright.PlaywrightException)
            {
                problems.Add(e.Message);
            }
            string shot = Path.Combine(shotDir, rel.Replace('/', '_').Replace(".html", ".png", StringComparison.Ordinal));
            byte[] png = await p.Page.ScreenshotAsync(new() { FullPage = true });
            await File.WriteAllBytesAsync(shot, png);
            double variance = PngImage.Decode(png).LumaVariance();
            problems.AddRange(p.Problems);
            problems.AddRange(await AccessibilityProblemsAsync(p));
            problems.AddRange(await LayoutProblemsAsync(p));
            results.Add(new PageCheck(rel, problems, variance, shot));
        }
        return results;
    }

    /// <summary>Accessible basics (issue 6): every image has alt text, every chart canvas and player a label, and every
    /// image actually decoded (a broken SVG loads without a failed request but has no size).</summary>
    private static async Task<IReadOnlyList<string>> AccessibilityProblemsAsync(WatchedPage p) =>
        await p.Page.EvaluateAsync<string[]>(@"() => [
            ...[...document.images].filter(i => !i.hasAttribute('alt') || (!i.alt.trim() && i.getAttribute('role') !== 'presentation'))
               .map(i => 'image without alt text: ' + i.getAttribute('src')),
            ...[...document.images].filter(i => i.complete && i.naturalWidth === 0 && !i.closest('[hidden]'))
               .map(i => 'image did not decode: ' + i.getAttribute('src')),
            ...[...document.querySelectorAll('canvas')].filter(c => !c.getAttribute('aria-label'))
               .map(c => 'canvas without aria-label in #' + (c.closest('[id]') || {}).id),
            ...[...document.querySelectorAll('[data-nnviz]')].filter(e => !e.getAttribute('aria-label') && !e.querySelector('h2, figcaption'))
               .map(e => 'player without a title: #' + e.id),
          ]");

    /// <summary>A page must fit the window's width: a reviewer should not scroll sideways to read it (a long data line once
    /// widened every experiment page). Names the first innermost element past the edge.</summary>
    private static async Task<IReadOnlyList<string>> LayoutProblemsAsync(WatchedPage p) =>
        await p.Page.EvaluateAsync<string[]>(@"() => {
            const w = document.documentElement.clientWidth, sw = document.documentElement.scrollWidth;
            if (sw <= w + 1) return [];
            const past = e => e.getBoundingClientRect().right > w + 1;
            const e = [...document.body.querySelectorAll('*')].find(x => past(x) && ![...x.children].some(past));
            return ['page is ' + sw + ' px wide in a ' + w + ' px window' +
              (e ? ', first past the edge: <' + e.tagName.toLowerCase() + (e.className ? ' class=""' + e.className + '""' : '') + '>' : '')];
          }");

    /// <summary>Fails with one line per bad page (problems or a blank screenshot).</summary>
    public static void AssertAllClean(IReadOnlyList<PageCheck> results, string reportDir)
    {
        Assert.True(results.Count > 0, $"no .html pages under {reportDir}");
        var bad = results.Where(r => r.Problems.Count > 0 || r.Blank).Select(r =>
            $"{r.RelativePath}: " + (r.Blank ? $"blank screenshot (variance {r.LumaVariance:F1}) " : "") + string.Join("; ", r.Problems)).ToList();
        Assert.True(bad.Count == 0, $"{bad.Count} of {results.Count} pages under {reportDir} failed:\n  " + string.Join("\n  ", bad));
    }
}
