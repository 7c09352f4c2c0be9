using System.Globalization;
using System.Text;

namespace NnViz.Web;

/// <summary>One experiment on the index page.</summary>
/// <param name="Href">the experiment page, relative to the index.</param>
/// <param name="Thumbnail">an image (SVG/PNG) relative to the index, or null.</param>
/// <param name="DataOrigin">"real" or "generated" (or a data set name).</param>
/// <param name="ClaimsTotal">claims judged on the write-up's data (not-measured ones included: they are failures).</param>
/// <param name="SanityTotal">claims judged on generated stand-in data: shown apart, never counted as reproduced.</param>
public sealed record ExperimentCard(string Title, string Href, string? Thumbnail, string Summary,
    int ClaimsReproduced, int ClaimsTotal, string Profile, string DataOrigin, int SanityPassed = 0, int SanityTotal = 0);

/// <summary>A link to the data behind a figure (NPY, CSV, JSON).</summary>
public sealed record DataLink(string Label, string Href);

/// <summary>
/// Static HTML pieces in the site's style, for Markdown pages (Markdig passes raw HTML through): index cards,
/// verdict badges, tables and figures with alt text and data links.
/// </summary>
public static class ReportParts
{
    /// <summary>The card grid of the index page.</summary>
    public static string CardGrid(IEnumerable<ExperimentCard> cards)
    {
        var sb = new StringBuilder("<div class=\"nv-grid\">\n");
        foreach (var c in cards) sb.Append(Card(c));
        return sb.Append("</div>\n").ToString();
    }

    public static string Card(ExperimentCard c)
    {
        string sanity = c.SanityTotal == 0 ? ""
            : string.Create(CultureInfo.InvariantCulture, $"<span class=\"nv-badge nv-na\">sanity checks {c.SanityPassed} of {c.SanityTotal}</span>");
        string verdict = c.ClaimsTotal == 0 ? "not-applicable"
            : c.ClaimsReproduced == c.ClaimsTotal ? "reproduced" : c.ClaimsReproduced == 0 ? "not-reproduced" : "partial";
        string thumb = c.Thumbnail is null ? ""
            : $"<img class=\"nv-thumb\" src=\"{Html.Attr(c.Thumbnail)}\" alt=\"{Html.Attr("Thumbnail: " + c.Title)}\" loading=\"lazy\">\n";
        return $"<a class=\"nv-card\" href=\"{Html.Attr(c.Href)}\">\n{thumb}<h3>{Html.Text(c.Title)}</h3>\n<p>{Html.Text(c.Summary)}</p>\n" +
               "<div class=\"nv-meta\">" +
               string.Create(CultureInfo.InvariantCulture, $"<span class=\"nv-badge nv-{verdict}\">claims {c.ClaimsReproduced} of {c.ClaimsTotal}</span>") + sanity +
               $"<span class=\"nv-badge nv-na\">{Html.Text(c.Profile)}</span><span class=\"nv-badge nv-na\">{Html.Text(c.DataOrigin)} data</span></div>\n</a>\n";
    }

    /// <summary>Fragments (players, figures) side by side in equal columns, e.g. the three linked layer spaces.</summary>
    public static string Columns(IEnumerable<string> fragments, int columns = 3, string? cssClass = null) =>
        (cssClass is null ? "<div" : $"<div class=\"{Html.Attr(cssClass)}\"") +
        string.Create(CultureInfo.InvariantCulture, $" style=\"display:grid;grid-template-columns:repeat({columns},minmax(0,1fr));gap:10px\">\n") +
        string.Concat(fragments.Select(f => $"<div>{f}</div>\n")) + "</div>\n";

    /// <summary>A verdict badge: "reproduced", "not reproduced", "partial", anything else is shown neutral.</summary>
    public static string VerdictBadge(string verdict)
    {
        string cls = verdict.Trim().ToLowerInvariant() switch
        {
            "reproduced" => "nv-reproduced",
            "not reproduced" or "not-reproduced" => "nv-not-reproduced",
            "partial" or "partly reproduced" => "nv-partial",
            _ => "nv-not-applicable",
        };
        return $"<span class=\"nv-badge {cls}\">{Html.Text(verdict)}</span>";
    }

    /// <summary>A table; cells are text (escaped) unless <paramref name="rawHtmlColumns"/> lists the column (e.g. a badge);
    /// <paramref name="numericColumns"/> are right-aligned in tabular figures.</summary>
    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows,
        IReadOnlySet<int>? numericColumns = null, IReadOnlySet<int>? rawHtmlColumns = null, string? caption = null)
    {
        var sb = new StringBuilder("<table class=\"nv-table\">\n");
        if (caption is not null) sb.Append("<caption>").Append(Html.Text(caption)).Append("</caption>\n");
        sb.Append("<thead><tr>");
        foreach (var h in headers) sb.Append("<th>").Append(Html.Text(h)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            for (int i = 0; i < row.Count; i++)
            {
                bool num = numericColumns?.Contains(i) == true;
                sb.Append(num ? "<td class=\"nv-num\">" : "<td>")
                  .Append(rawHtmlColumns?.Contains(i) == true ? row[i] : Html.Text(row[i])).Append("</td>");
            }
            sb.Append("</tr>\n");
        }
        return sb.Append("</tbody>\n</table>\n").ToString();
    }

    /// <summary>A static figure: image with alt text, a caption, and links to the data behind it.</summary>
    public static string Figure(string src, string title, string alt, IEnumerable<DataLink>? data = null)
    {
        var links = (data ?? []).Select(d => $"<a href=\"{Html.Attr(d.Href)}\">{Html.Text(d.Label)}</a>").ToList();
        string dataLine = links.Count == 0 ? "" : " <span class=\"nv-muted\">\u00B7 data: " + string.Join(", ", links) + "</span>";
        return $"<figure class=\"nv-figure\">\n<img src=\"{Html.Attr(src)}\" alt=\"{Html.Attr(alt)}\">\n" +
               $"<figcaption>{Html.Text(title)}{dataLine}</figcaption>\n</figure>\n";
    }
}
