using Markdig;
using NnViz.Lab.Experiments;
using NnViz.Lab.Specs;
using NnViz.Web;

namespace NnViz.Lab.Report;

/// <summary>
/// One experiment's page: description, claims, figures, animations, tables, the spec as run, provenance.
/// The text parts are Markdown rendered by Markdig; the page's HTML comes from NnViz.Web's <see cref="ReportPage"/>.
/// Deterministic: nothing here depends on the clock or the machine (provenance is filled in by provenance.js).
/// </summary>
public static class ExperimentPage
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <param name="seeds">the seeds the claims were judged over, when more than one (figures show the first).</param>
    public static string Render(ExperimentSpec spec, ExperimentOutput output, IReadOnlyList<ClaimResult> claims, string key,
        IReadOnlyList<ulong>? seeds = null)
    {
        var body = new System.Text.StringBuilder();
        body.Append(ReportPage.ExperimentHeader(spec.Title, spec.Source, spec.Profile, output.DataUsed, output.GeneratedData));
        body.Append(ReportPage.Description(Markdown.ToHtml(spec.Description, Pipeline)));
        if (output.GeneratedData) body.Append(ReportPage.GeneratedDataNote);
        else if (output.WriteUpSynthetic) body.Append(ReportPage.SyntheticDataNote);
        string seedNote = seeds is { Count: > 1 }
            ? $"<p class=\"note\">Each claim was judged on {seeds.Count} training seeds ({string.Join(", ", seeds)}): reproduced when a majority of seeds reproduce it; the measured column gives mean ± sd and each seed's value (per seed in claims.json). The figures below show seed {seeds[0]}.</p>\n"
            : "";
        body.Append(ReportPage.ClaimsSection([.. claims.Select(Line)], seedNote, Differences(spec, output)));
        foreach (var block in output.Blocks) body.Append(Block(block)).Append('\n');
        body.Append(ReportPage.SpecSection(spec.Profile, spec.File, key, spec.EffectiveText));
        body.Append(ReportPage.ProvenanceSection(spec.Name));
        return ReportPage.Document($"{spec.Title} — NnVizRepro", "../", body.ToString(), ["provenance.js"]);
    }

    private static ClaimLine Line(ClaimResult c) => new(c.Text, c.Expected, c.Measured, c.Verdict switch
    {
        Verdict.Reproduced => c.SanityCheck ? "sanity ok" : "ok",
        Verdict.NotReproduced or Verdict.NotMeasured => c.SanityCheck ? "sanity fail" : "fail",
        _ => "na",
    }, c.VerdictLine);

    /// <summary>
    /// Every way this run differs from the write-up's setup, read off the effective spec: the overrides of the
    /// profile (sizes, epochs, learning rates, ...) and a generated stand-in for the write-up's data.
    /// </summary>
    public static string Differences(ExperimentSpec spec, ExperimentOutput output)
    {
        var rows = (spec.Differences ?? []).Select(d => (IReadOnlyList<string>)[d.Path, d.WriteUp, d.ThisRun, d.SetBy]).ToList();
        if (output.GeneratedData) rows.Add(["data", "the write-up's data set", output.DataUsed, "data folder (stand-in)"]);
        const string head = "<h3>Differences from the write-up's setup</h3>\n";
        if (rows.Count == 0)
            return head + $"<p>None: this run uses the setup of <code>{Html.Encode(spec.File)}</code> as written (the write-up's).</p>\n";
        return head + $"<p>The verdicts above were judged on this <code>{Html.Encode(spec.Profile)}</code> run, which differs from the write-up's setup as follows.</p>\n" +
               ReportPage.Table(["Setting", "Write-up (spec)", "This run", "Set by"], rows);
    }

    private static string Block(PageBlock block) => block switch
    {
        MarkdownBlock m => Markdown.ToHtml(m.Markdown, Pipeline),
        FigureBlock f => ReportPage.Figure(f.Path, f.Title, f.Alt, f.Caption, f.DataLinks.Select(l => new DataLink(Path.GetFileName(l), l))),
        AnimationBlock a => ReportPage.Animation(a.Title, a.PlayerHtml, a.Caption, a.Links.Select(l => new DataLink(l.Label, l.Path))),
        TableBlock t => ReportPage.TableBlock(t.Title, t.Header, t.Rows, t.Caption),
        HtmlBlock h => h.Html,
        _ => throw new ArgumentOutOfRangeException(nameof(block)),
    };
}
