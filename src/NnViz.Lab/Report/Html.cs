using System.Net;

namespace NnViz.Lab.Report;

/// <summary>Small HTML helpers shared by the page writers.</summary>
internal static class Html
{
    public static string E(string s) => WebUtility.HtmlEncode(s);

    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? cssClass = null)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(cssClass is null ? "<table>" : $"<table class=\"{cssClass}\">").Append("<thead><tr>");
        foreach (var h in header) sb.Append("<th>").Append(E(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>\n");
        foreach (var r in rows)
        {
            sb.Append("<tr>");
            foreach (var c in r) sb.Append("<td>").Append(E(c)).Append("</td>");
            sb.Append("</tr>\n");
        }
        return sb.Append("</tbody></table>\n").ToString();
    }

    /// <summary>
    /// Fills run times, dates and machines from provenance.js (window.NNVIZ_PROVENANCE) into the page, so the
    /// page itself stays byte-for-byte reproducible while the reader still sees them.
    /// </summary>
    private const string ProvenanceScript = """
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

    public static string Page(string title, string assetsPrefix, string body, IEnumerable<string>? scripts = null)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append($"<title>{E(title)}</title>\n")
          .Append($"<link rel=\"stylesheet\" href=\"{assetsPrefix}assets/site.css\">\n");
        foreach (var s in scripts ?? []) sb.Append($"<script src=\"{s}\"></script>\n");
        sb.Append($"<script src=\"{assetsPrefix}assets/player.js\" defer></script>\n</head>\n<body>\n")
          .Append(body)
          .Append("\n<script>\n").Append(ProvenanceScript).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
    }
}
