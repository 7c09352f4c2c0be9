using NnViz.Lab.Runs;
using NnViz.Web;

namespace NnViz.Lab.Report;

/// <summary>
/// The report's front page: one card per experiment (thumbnail, description, claims reproduced x of y, profile,
/// data used) and a table of run times, which provenance.js fills in so this page's bytes stay reproducible.
/// The HTML comes from NnViz.Web (<see cref="ReportPage"/>, <see cref="ReportParts"/>).
/// </summary>
public static class SiteIndex
{
    /// <param name="missing">units a partial report lacks (<see cref="PartialReport"/>), listed above the cards; none for a complete report.</param>
    public static void Write(string outDir, Profile profile, IReadOnlyList<string>? missing = null)
    {
        Directory.CreateDirectory(outDir);
        SiteAssets.WriteTo(Path.Combine(outDir, "assets"));
        var summaries = Directory.GetDirectories(outDir)
            .Where(d => File.Exists(Path.Combine(d, "summary.json")))
            .Select(Runner.ReadSummary)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        string body = ReportPage.IndexHeader(profile.Name, profile.Description, SummaryLine(summaries)) + MissingSection(missing) +
            ReportParts.CardGrid(summaries.Select(s => new ExperimentCard(
                s.Title, $"{s.Name}/index.html", s.Thumbnail is { } t ? $"{s.Name}/{t}" : null, s.Summary,
                s.Reproduced, s.Reproduced + s.NotReproduced + s.NotMeasured, s.Profile, s.DataOrigin,
                s.SanityPassed, s.SanityPassed + s.SanityFailed))) +
            ReportPage.RunTimes(summaries.Select(s => s.Name));
        string html = ReportPage.Document($"NnVizRepro report ({profile.Name})", "", body, summaries.Select(s => $"{s.Name}/provenance.js"));
        FolderCopy.WriteAtomically(Path.Combine(outDir, "index.html"), html);
    }

    /// <summary>A partial report's warning: every missing unit by name, so no one takes the page for the whole run.</summary>
    private static string MissingSection(IReadOnlyList<string>? missing) => missing is not { Count: > 0 } ? "" :
        "<section class=\"missing-units\" style=\"border-left: 4px solid var(--nv-bad); padding-left: 12px\">" +
        $"<h2>Partial report: {missing.Count} unit(s) missing</h2><p>These units are in none of the merged run stores, so their " +
        "experiments are left out of this report and out of the claim counts below. Run their shards again and merge.</p><ul>" +
        string.Concat(missing.Select(m => $"<li>missing: {NnViz.Web.Html.Encode(m)}</li>")) + "</ul></section>\n";

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
               (sanity > 0
                   ? $"; {sanityOk} of {sanity} sanity checks on generated stand-in data passed (not counted as reproductions); "
                   : "; no generated stand-in data used, so no sanity checks; ") +
               $"{s.Sum(x => x.NotApplicable)} not applicable at this profile's scale.";
    }
}
