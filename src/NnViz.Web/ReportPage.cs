using System.Text;

namespace NnViz.Web;

/// <summary>One claim's row on an experiment page; <paramref name="Verdict"/> is the CSS class: ok, fail or na.</summary>
public sealed record ClaimLine(string Text, string Expected, string Measured, string Verdict, string VerdictText);

/// <summary>
/// The report's pages in the site's style (site.css): the document around a page body, an experiment page's
/// sections (header, claims, figures, animations, tables, the spec as run, provenance) and the index page's header
/// and run-time table. Text is escaped with <see cref="Html.Encode"/>; Markdown and player fragments come in as HTML.
/// Nothing here reads the clock: run times and dates are filled in by provenance.js (<see cref="ProvenanceScript"/>).
/// </summary>
public static class ReportPage
{
    /// <summary>A whole page: the stylesheet and player script from <paramref name="assetsPrefix"/>assets/, extra scripts, the body.</summary>
    public static string Document(string title, string assetsPrefix, string body, IEnumerable<string>? scripts = null)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append($"<title>{Html.Encode(title)}</title>\n")
          .Append($"<link rel=\"stylesheet\" href=\"{assetsPrefix}assets/site.css\">\n");
        foreach (var s in scripts ?? []) sb.Append($"<script src=\"{s}\"></script>\n");
        sb.Append($"<script src=\"{assetsPrefix}assets/player.js\" defer></script>\n</head>\n<body>\n")
          .Append(body)
          .Append("\n<script>\n").Append(ProvenanceScript).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>An experiment page's header (back link, title, source, profile and data badges), then the opening of main.</summary>
    public static string ExperimentHeader(string title, string? source, string profile, string dataUsed, bool generatedData)
    {
        var sb = new StringBuilder();
        sb.Append("<header class=\"page-head\"><a class=\"back\" href=\"../index.html\">&larr; all experiments</a>")
          .Append($"<h1>{Html.Encode(title)}</h1>");
        if (source is not null) sb.Append($"<p class=\"source\">Reproduces: {Html.Encode(source)}</p>");
        sb.Append($"<p class=\"badges\"><span class=\"badge\">profile: {Html.Encode(profile)}</span> ")
          .Append($"<span class=\"badge {(generatedData ? "generated" : "real")}\">data: {Html.Encode(dataUsed)}</span></p></header>\n<main>\n");
        return sb.ToString();
    }

    public static string Description(string html) => $"<section class=\"description\">{html}</section>\n";

    public const string GeneratedDataNote =
        "<p class=\"note\">Results on this page were made on a <strong>generated stand-in</strong> with a known structure, not on the write-up's data set: its claims are sanity checks, not reproductions.</p>\n";

    public const string SyntheticDataNote =
        "<p class=\"note\">The write-up's data are synthetic too: this run generates them the same way, so its claims count as reproductions.</p>\n";

    /// <summary>The claims section: an optional note (HTML) above the table, the table, and HTML after it (the setup differences).</summary>
    public static string ClaimsSection(IReadOnlyList<ClaimLine> claims, string noteHtml = "", string afterHtml = "") =>
        "<section><h2>Claims</h2>\n" + noteHtml + ClaimsTable(claims) + afterHtml + "</section>\n";

    public static string ClaimsTable(IReadOnlyList<ClaimLine> claims)
    {
        if (claims.Count == 0) return "<p>This experiment states no checkable claims.</p>";
        var sb = new StringBuilder("<table class=\"claims\"><thead><tr><th>Claim</th><th>Expected</th><th>Measured</th><th>Verdict</th></tr></thead><tbody>\n");
        foreach (var c in claims)
            sb.Append($"<tr><td>{Html.Encode(c.Text)}</td><td><code>{Html.Encode(c.Expected)}</code></td><td>{Html.Encode(c.Measured)}</td>")
              .Append($"<td class=\"verdict {c.Verdict}\">{Html.Encode(c.VerdictText)}</td></tr>\n");
        return sb.Append("</tbody></table>\n").ToString();
    }

    /// <summary>A static figure; its caption ends with links to the SVG itself and to the data behind it.</summary>
    public static string Figure(string path, string title, string alt, string caption, IEnumerable<DataLink> data) =>
        $"<figure class=\"figure\"><img src=\"{Html.Encode(path)}\" alt=\"{Html.Encode(alt)}\" title=\"{Html.Encode(title)}\">" +
        $"<figcaption><strong>{Html.Encode(title)}.</strong> {Html.Encode(caption)} {Links(data.Prepend(new DataLink("SVG", path)))}</figcaption></figure>";

    public static string Animation(string title, string playerHtml, string caption, IEnumerable<DataLink> links) =>
        $"<figure class=\"animation\"><h3>{Html.Encode(title)}</h3>{playerHtml}<figcaption>{Html.Encode(caption)} {Links(links)}</figcaption></figure>";

    public static string TableBlock(string title, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string caption) =>
        $"<div class=\"table-block\"><h3>{Html.Encode(title)}</h3>{Table(header, rows)}" +
        (caption.Length > 0 ? $"<p class=\"caption\">{Html.Encode(caption)}</p>" : "") + "</div>";

    /// <summary>A plain table of text cells (the page's own style, not <see cref="ReportParts.Table"/>'s nv-table).</summary>
    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder("<table><thead><tr>");
        foreach (var h in header) sb.Append("<th>").Append(Html.Encode(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>\n");
        foreach (var r in rows)
        {
            sb.Append("<tr>");
            foreach (var c in r) sb.Append("<td>").Append(Html.Encode(c)).Append("</td>");
            sb.Append("</tr>\n");
        }
        return sb.Append("</tbody></table>\n").ToString();
    }

    /// <summary>"Spec as run": profile, spec file, the first 16 hex digits of the inputs hash, links, and the effective spec text.</summary>
    public static string SpecSection(string profile, string file, string inputsHash, string effectiveText) =>
        "<section><h2>Spec as run</h2>" +
        $"<p>Profile <code>{Html.Encode(profile)}</code> applied to <code>{Html.Encode(file)}</code>; inputs hash <code>{inputsHash[..16]}</code>. " +
        "<a href=\"spec.yaml\">spec.yaml</a> · <a href=\"metrics.json\">metrics.json</a> · <a href=\"claims.json\">claims.json</a></p>" +
        $"<details><summary>Show the spec</summary><pre><code>{Html.Encode(effectiveText)}</code></pre></details></section>\n";

    /// <summary>The provenance box provenance.js fills for experiment <paramref name="name"/>, then the end of main.</summary>
    public static string ProvenanceSection(string name) =>
        "<section><h2>Provenance</h2><div class=\"provenance\" data-experiment=\"" + Html.Encode(name) +
        "\"><p>Run time, machine and commit are kept in <a href=\"provenance.json\">provenance.json</a> " +
        "(outside the reproducible artifacts).</p></div></section>\n</main>\n";

    /// <summary>The index page's header: the claims reproduced across all experiments of one profile, then the opening of main.</summary>
    public static string IndexHeader(string profile, string profileDescription, string summaryLine) =>
        "<header class=\"page-head\"><h1>NnVizRepro report</h1>" +
        "<p class=\"nv-lede\">Published neural-network visualization experiments, re-run from YAML specs: figures, animations, and every claim checked against measured numbers.</p>" +
        $"<p>Profile <strong>{Html.Encode(profile)}</strong>: {Html.Encode(profileDescription)}</p>" +
        $"<p class=\"summary-line\">{Html.Encode(summaryLine)}</p></header>\n<main>\n";

    /// <summary>The run-time table of the index page (one row per experiment folder, filled in by provenance.js), then the end of main.</summary>
    public static string RunTimes(IEnumerable<string> experiments)
    {
        var sb = new StringBuilder("<section><h2>Run times</h2><table class=\"runtimes\"><thead><tr><th>Experiment</th><th>Seconds</th><th>Reused from store</th><th>Finished (UTC)</th></tr></thead><tbody>\n");
        foreach (var name in experiments)
            sb.Append($"<tr data-experiment=\"{Html.Encode(name)}\"><td><a href=\"{name}/index.html\">{Html.Encode(name)}</a></td><td class=\"run-seconds\">–</td><td class=\"run-reused\">–</td><td class=\"run-finished\">–</td></tr>\n");
        return sb.Append("</tbody></table><p class=\"caption\">Times come from each experiment's provenance.json, the only record allowed to differ between identical runs.</p></section>\n</main>\n").ToString();
    }

    private static string Links(IEnumerable<DataLink> links)
    {
        var list = links.ToList();
        return list.Count == 0 ? "" :
            "<span class=\"data-links\">" + string.Join(" · ", list.Select(l => $"<a href=\"{Html.Encode(l.Href)}\">{Html.Encode(l.Label)}</a>")) + "</span>";
    }

    /// <summary>
    /// Fills run times, dates and machines from provenance.js (window.NNVIZ_PROVENANCE) into the page, so the
    /// page itself stays byte-for-byte reproducible while the reader still sees them.
    /// </summary>
    public const string ProvenanceScript = """
        (function () {
          var prov = window.NNVIZ_PROVENANCE || {};
          document.querySelectorAll("tr[data-experiment]").forEach(function (row) {
            var p = prov[row.getAttribute("data-experiment")]; if (!p) return;
            row.querySelector(".run-seconds").textContent = p.run_seconds.toFixed(2);
            row.querySelector(".run-reused").textContent = p.reused_from_store ? "yes" : "no";
            row.querySelector(".run-finished").textContent = p.finished_utc;
          });
          document.querySelectorAll(".provenance[data-experiment]").forEach(function (box) {
            var p = prov[box.getAttribute("data-experiment")]; if (!p) return;
            var rows = [["spec hash", p.spec_hash], ["profile", p.profile], ["seed", String(p.seed)], ["commit", p.commit],
                        ["machine", p.machine], ["AVX-512", p.avx512 ? "yes" : "no"], ["run time", p.run_seconds.toFixed(2) + " s" + (p.reused_from_store ? " (reused from the run store)" : "")],
                        ["finished (UTC)", p.finished_utc]];
            var table = document.createElement("table");
            rows.forEach(function (r) {
              var tr = table.insertRow(); tr.insertCell().textContent = r[0]; tr.insertCell().textContent = r[1];
            });
            box.appendChild(table);
          });
        })();

        """;
}
