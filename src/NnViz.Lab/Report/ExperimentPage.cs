using System.Text;
using Markdig;
using NnViz.Lab.Experiments;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Report;

/// <summary>
/// One experiment's page: description, claims, figures, animations, tables, the spec as run, provenance.
/// The text parts are Markdown rendered by Markdig; components (players, figures) are HTML blocks.
/// Deterministic: nothing here depends on the clock or the machine (provenance is filled in by provenance.js).
/// </summary>
public static class ExperimentPage
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <param name="seeds">the seeds the claims were judged over, when more than one (figures show the first).</param>
    public static string Render(ExperimentSpec spec, ExperimentOutput output, IReadOnlyList<ClaimResult> claims, string key,
        IReadOnlyList<ulong>? seeds = null)
    {
        var body = new StringBuilder();
        body.Append("<header class=\"page-head\"><a class=\"back\" href=\"../index.html\">&larr; all experiments</a>")
            .Append($"<h1>{Html.E(spec.Title)}</h1>");
        if (spec.Source is { } src) body.Append($"<p class=\"source\">Reproduces: {Html.E(src)}</p>");
        body.Append($"<p class=\"badges\"><span class=\"badge\">profile: {Html.E(spec.Profile)}</span> ")
            .Append($"<span class=\"badge {(output.GeneratedData ? "generated" : "real")}\">data: {Html.E(output.DataUsed)}</span></p></header>\n<main>\n");
        body.Append("<section class=\"description\">").Append(Markdown.ToHtml(spec.Description, Pipeline)).Append("</section>\n");
        if (output.GeneratedData)
            body.Append("<p class=\"note\">Results on this page were made on a <strong>generated stand-in</strong> with a known structure, not on the write-up's data set: its claims are sanity checks, not reproductions.</p>\n");
        else if (output.WriteUpSynthetic)
            body.Append("<p class=\"note\">The write-up's data are synthetic too: this run generates them the same way, so its claims count as reproductions.</p>\n");

        body.Append("<section><h2>Claims</h2>\n");
        if (seeds is { Count: > 1 })
            body.Append($"<p class=\"note\">Each claim was judged on {seeds.Count} training seeds ({string.Join(", ", seeds)}): reproduced when a majority of seeds reproduce it; the measured column gives mean ± sd and each seed's value (per seed in claims.json). The figures below show seed {seeds[0]}.</p>\n");
        body.Append(ClaimsTable(claims)).Append(Differences(spec, output)).Append("</section>\n");
        foreach (var block in output.Blocks) body.Append(Block(block)).Append('\n');

        body.Append("<section><h2>Spec as run</h2>")
            .Append($"<p>Profile <code>{Html.E(spec.Profile)}</code> applied to <code>{Html.E(spec.File)}</code>; inputs hash <code>{key[..16]}</code>. ")
            .Append("<a href=\"spec.yaml\">spec.yaml</a> · <a href=\"metrics.json\">metrics.json</a> · <a href=\"claims.json\">claims.json</a></p>")
            .Append($"<details><summary>Show the spec</summary><pre><code>{Html.E(spec.EffectiveText)}</code></pre></details></section>\n");
        body.Append("<section><h2>Provenance</h2><div class=\"provenance\" data-experiment=\"")
            .Append(Html.E(spec.Name)).Append("\"><p>Run time, machine and commit are kept in <a href=\"provenance.json\">provenance.json</a> ")
            .Append("(outside the reproducible artifacts).</p></div></section>\n</main>\n");
        return Html.Page($"{spec.Title} — NnVizRepro", "../", body.ToString(), ["provenance.js"]);
    }

    public static string ClaimsTable(IReadOnlyList<ClaimResult> claims)
    {
        if (claims.Count == 0) return "<p>This experiment states no checkable claims.</p>";
        var sb = new StringBuilder("<table class=\"claims\"><thead><tr><th>Claim</th><th>Expected</th><th>Measured</th><th>Verdict</th></tr></thead><tbody>\n");
        foreach (var c in claims)
        {
            string cls = c.Verdict switch
            {
                Verdict.Reproduced => c.SanityCheck ? "sanity ok" : "ok",
                Verdict.NotReproduced or Verdict.NotMeasured => c.SanityCheck ? "sanity fail" : "fail",
                _ => "na",
            };
            sb.Append($"<tr><td>{Html.E(c.Text)}</td><td><code>{Html.E(c.Expected)}</code></td><td>{Html.E(c.Measured)}</td>")
              .Append($"<td class=\"verdict {cls}\">{Html.E(c.VerdictLine)}</td></tr>\n");
        }
        return sb.Append("</tbody></table>\n").ToString();
    }

    /// <summary>
    /// Every way this run differs from the write-up's setup, read off the effective spec: the overrides of the
    /// profile (sizes, epochs, learning rates, ...) and a generated stand-in for the write-up's data.
    /// </summary>
    public static string Differences(ExperimentSpec spec, ExperimentOutput output)
    {
        var rows = (spec.Differences ?? []).Select(d => (IReadOnlyList<string>)[d.Path, d.WriteUp, d.ThisRun, d.SetBy]).ToList();
        if (output.GeneratedData) rows.Add(["data", "the write-up's data set", output.DataUsed, "data folder (stand-in)"]);
        var sb = new StringBuilder("<h3>Differences from the write-up's setup</h3>\n");
        if (rows.Count == 0)
            return sb.Append($"<p>None: this run uses the setup of <code>{Html.E(spec.File)}</code> as written (the write-up's).</p>\n").ToString();
        return sb.Append($"<p>The verdicts above were judged on this <code>{Html.E(spec.Profile)}</code> run, which differs from the write-up's setup as follows.</p>\n")
            .Append(Html.Table(["Setting", "Write-up (spec)", "This run", "Set by"], rows)).ToString();
    }

    private static string Block(PageBlock block) => block switch
    {
        MarkdownBlock m => Markdown.ToHtml(m.Markdown, Pipeline),
        FigureBlock f => $"<figure class=\"figure\"><img src=\"{Html.E(f.Path)}\" alt=\"{Html.E(f.Alt)}\" title=\"{Html.E(f.Title)}\">" +
                         $"<figcaption><strong>{Html.E(f.Title)}.</strong> {Html.E(f.Caption)} {Links(f.DataLinks.Select(l => (Path.GetFileName(l), l)).Prepend(("SVG", f.Path)))}</figcaption></figure>",
        AnimationBlock a => $"<figure class=\"animation\"><h3>{Html.E(a.Title)}</h3>{a.PlayerHtml}<figcaption>{Html.E(a.Caption)} {Links(a.Links)}</figcaption></figure>",
        TableBlock t => $"<div class=\"table-block\"><h3>{Html.E(t.Title)}</h3>{Html.Table(t.Header, t.Rows)}" +
                        (t.Caption.Length > 0 ? $"<p class=\"caption\">{Html.E(t.Caption)}</p>" : "") + "</div>",
        HtmlBlock h => h.Html,
        _ => throw new ArgumentOutOfRangeException(nameof(block)),
    };

    private static string Links(IEnumerable<(string Label, string Path)> links)
    {
        var list = links.ToList();
        return list.Count == 0 ? "" :
            "<span class=\"data-links\">" + string.Join(" · ", list.Select(l => $"<a href=\"{Html.E(l.Path)}\">{Html.E(l.Label)}</a>")) + "</span>";
    }
}
