using System.Text;
using NnViz.Lab.Runs;

namespace NnViz.Lab.Report;

/// <summary>
/// The report's front page: one card per experiment (thumbnail, description, claims reproduced x of y, profile,
/// data used) and a table of run times, which provenance.js fills in so this page's bytes stay reproducible.
/// </summary>
public static class SiteIndex
{
    public static void Write(string outDir, Profile profile)
    {
        Directory.CreateDirectory(outDir);
        NnViz.Web.SiteAssets.WriteTo(Path.Combine(outDir, "assets"));
        var summaries = Directory.GetDirectories(outDir)
            .Where(d => File.Exists(Path.Combine(d, "summary.json")))
            .Select(Runner.ReadSummary)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var body = new StringBuilder();
        body.Append("<header class=\"page-head\"><h1>NnVizRepro report</h1>")
            .Append("<p class=\"nv-lede\">Published neural-network visualization experiments, re-run from YAML specs: figures, animations, and every claim checked against measured numbers.</p>")
            .Append($"<p>Profile <strong>{Html.E(profile.Name)}</strong>: {Html.E(profile.Description)}</p>")
            .Append($"<p class=\"summary-line\">{SummaryLine(summaries)}</p></header>\n<main>\n");
        body.Append(NnViz.Web.ReportParts.CardGrid(summaries.Select(s => new NnViz.Web.ExperimentCard(
            s.Title, $"{s.Name}/index.html", s.Thumbnail is { } t ? $"{s.Name}/{t}" : null, s.Summary,
            s.Reproduced, s.Reproduced + s.NotReproduced + s.NotMeasured, s.Profile, s.DataOrigin,
            s.SanityPassed, s.SanityPassed + s.SanityFailed))));
        body.Append("<section><h2>Run times</h2><table class=\"runtimes\"><thead><tr><th>Experiment</th><th>Seconds</th><th>Reused from store</th><th>Finished (UTC)</th></tr></thead><tbody>\n");
        foreach (var s in summaries)
            body.Append($"<tr data-experiment=\"{Html.E(s.Name)}\"><td><a href=\"{s.Name}/index.html\">{Html.E(s.Name)}</a></td><td class=\"run-seconds\">–</td><td class=\"run-reused\">–</td><td class=\"run-finished\">–</td></tr>\n");
        body.Append("</tbody></table><p class=\"caption\">Times come from each experiment's provenance.json, the only record allowed to differ between identical runs.</p></section>\n</main>\n");
        string html = Html.Page($"NnVizRepro report ({profile.Name})", "", body.ToString(), summaries.Select(s => $"{s.Name}/provenance.js"));
        FolderCopy.WriteAtomically(Path.Combine(outDir, "index.html"), html);
    }

    /// <summary>
    /// Reproduced out of the claims measured on the write-ups' data (a claim whose metric is missing counts as a
    /// failure), with the sanity checks on generated data and the claims outside this profile's scale beside it.
    /// </summary>
    public static string SummaryLine(IReadOnlyList<RunSummary> s)
    {
        int ok = s.Sum(x => x.Reproduced), judged = s.Sum(x => x.Reproduced + x.NotReproduced + x.NotMeasured);
        int missing = s.Sum(x => x.NotMeasured), sanityOk = s.Sum(x => x.SanityPassed), sanity = sanityOk + s.Sum(x => x.SanityFailed);
        return $"{ok} of {judged} claims judged on the write-ups' data reproduced across {s.Count} experiments" +
               (missing > 0 ? $" ({missing} not measured, counted as failures)" : "") +
               $"; {sanityOk} of {sanity} sanity checks on generated stand-in data passed (not counted as reproductions); " +
               $"{s.Sum(x => x.NotApplicable)} not applicable at this profile's scale.";
    }
}
