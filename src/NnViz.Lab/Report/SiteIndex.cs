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
    public static void Write(string outDir, Profile profile)
    {
        Directory.CreateDirectory(outDir);
        SiteAssets.WriteTo(Path.Combine(outDir, "assets"));
        var summaries = Directory.GetDirectories(outDir)
            .Where(d => File.Exists(Path.Combine(d, "summary.json")))
            .Select(Runner.ReadSummary)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        string body = ReportPage.IndexHeader(profile.Name, profile.Description, summaries.Sum(s => s.Reproduced),
                summaries.Sum(s => s.Reproduced + s.NotReproduced), summaries.Count, summaries.Sum(s => s.NotApplicable)) +
            ReportParts.CardGrid(summaries.Select(s => new ExperimentCard(
                s.Title, $"{s.Name}/index.html", s.Thumbnail is { } t ? $"{s.Name}/{t}" : null, s.Summary,
                s.Reproduced, s.Reproduced + s.NotReproduced, s.Profile, s.GeneratedData ? "generated" : "real"))) +
            ReportPage.RunTimes(summaries.Select(s => s.Name));
        string html = ReportPage.Document($"NnVizRepro report ({profile.Name})", "", body, summaries.Select(s => $"{s.Name}/provenance.js"));
        File.WriteAllText(Path.Combine(outDir, "index.html"), html);
    }
}
