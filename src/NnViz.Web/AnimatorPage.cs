namespace NnViz.Web;

/// <summary>
/// The embedding animator as one self-contained page (catalogue C6): an optional player for representations the
/// harness projected, and a drop zone where the reader chooses or drops their own CSV files (one per checkpoint),
/// parsed, checked (errors name the file and line) and animated in the browser with no server.
/// </summary>
public static class AnimatorPage
{
    /// <summary>The drop-zone fragment for a page that loads <see cref="SiteAssets"/>.</summary>
    public static string DropZone(string id, string title = "Animate your own CSV files")
    {
        Html.CheckId(id);
        string json = Html.Json(w => { w.WriteStartObject(); w.WriteString("title", title); w.WriteEndObject(); });
        return $"<section class=\"nv-csvdrop\" id=\"{id}\" data-nnviz=\"csvdrop\">\n<h2>{Html.Text(title)}</h2>\n" +
               $"<noscript>Reading CSV files needs JavaScript.</noscript>\n{Html.DataScript(json)}\n</section>\n";
    }

    /// <summary>A whole page: the player for <paramref name="data"/> (when given), then the drop zone.</summary>
    public static string Standalone(string title, PointCloudData? data = null) =>
        HtmlPage.Standalone(title, (data is null ? "" : PointCloudPlayer.Html("animation", data)) + DropZone("csv"));
}
