namespace NnViz.Web;

/// <summary>Whole HTML pages around fragments from the players.</summary>
public static class HtmlPage
{
    /// <summary>A self-contained page: CSS and JS inlined, so the single file works from file:// anywhere.</summary>
    public static string Standalone(string title, string bodyHtml) =>
        Page(title, SiteAssets.InlineTags(), bodyHtml);

    /// <summary>A page that loads the assets written by <see cref="SiteAssets.WriteTo"/> from <paramref name="assetsHref"/>.</summary>
    public static string Linked(string title, string bodyHtml, string assetsHref = "assets") =>
        Page(title, SiteAssets.LinkTags(assetsHref), bodyHtml);

    private static string Page(string title, string head, string body) =>
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
        $"<title>{Html.Text(title)}</title>\n{head}</head>\n<body>\n<main class=\"nv-page\">\n" +
        $"<h1>{Html.Text(title)}</h1>\n{body}\n</main>\n</body>\n</html>\n";
}
