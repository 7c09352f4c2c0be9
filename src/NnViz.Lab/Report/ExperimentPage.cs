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

    public static string Render(ExperimentSpec spec, ExperimentOutput output, IReadOnlyList<ClaimResult> claims, string key)
    {
        var body = new System.Text.StringBuilder();
        body.Append(ReportPage.ExperimentHeader(spec.Title, spec.Source, spec.Profile, output.DataUsed, output.GeneratedData));
        body.Append(ReportPage.Description(Markdown.ToHtml(spec.Description, Pipeline)));
        if (output.GeneratedData) body.Append(ReportPage.GeneratedDataNote);
        body.Append(ReportPage.ClaimsSection([.. claims.Select(Line)]));
        foreach (var block in output.Blocks) body.Append(Block(block)).Append('\n');
        body.Append(ReportPage.SpecSection(spec.Profile, spec.File, key, spec.EffectiveText));
        body.Append(ReportPage.ProvenanceSection(spec.Name));
        return ReportPage.Document($"{spec.Title} — NnVizRepro", "../", body.ToString(), ["provenance.js"]);
    }

    private static ClaimLine Line(ClaimResult c) =>
        new(c.Text, c.Expected, c.Measured, c.Verdict switch { Verdict.Reproduced => "ok", Verdict.NotReproduced => "fail", _ => "na" }, c.VerdictText);

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
