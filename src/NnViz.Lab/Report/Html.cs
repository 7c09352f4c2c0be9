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
          .Append("\n</body>\n</html>\n");
        return sb.ToString();
    }
}
