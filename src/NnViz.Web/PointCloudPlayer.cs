using System.Text.Json;

namespace NnViz.Web;

/// <summary>
/// The point-cloud player: points drawn on a canvas (10,000 stay smooth), positions interpolated between
/// checkpoints while playing, hover tooltip, click / shift-drag lasso selection kept across frames and lettered,
/// trails, colour-by selector, layout toggle with metrics, and linked selection by group.
/// </summary>
public static class PointCloudPlayer
{
    /// <summary>Positions are written as integers on a 0..Resolution grid (aspect kept): 1e-4 of the extent.</summary>
    public const int Resolution = 10000;

    /// <summary>An HTML fragment for a page that loads <see cref="SiteAssets"/>.</summary>
    public static string Html(string id, PointCloudData data)
    {
        NnViz.Web.Html.CheckId(id);
        data.Validate();
        string title = data.Title;
        return
            $"<figure class=\"nv-player nv-pointcloud\" id=\"{id}\" data-nnviz=\"pointcloud\" tabindex=\"0\" " +
            $"aria-label=\"{NnViz.Web.Html.Attr(data.Alt ?? title)}\">\n" +
            (title.Length > 0 ? $"<figcaption>{NnViz.Web.Html.Text(title)}</figcaption>\n" : "") +
            $"<noscript>This interactive chart needs JavaScript.</noscript>\n{NnViz.Web.Html.DataScript(Json(data))}\n</figure>\n";
    }

    /// <summary>A whole self-contained page (CSS and JS inlined) with one player, e.g. for <c>nnviz animate</c>.</summary>
    public static string StandalonePage(string title, PointCloudData data) =>
        HtmlPage.Standalone(title, Html("pointcloud", data));

    /// <summary>The JSON the player reads; exposed so pages can mount players on data they build in the browser.</summary>
    public static string Json(PointCloudData data)
    {
        data.Validate();
        return NnViz.Web.Html.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("title", data.Title);
            w.WriteNumber("n", data.Ids.Count);
            w.WriteNumber("fps", Math.Round(data.FramesPerSecond, 6));
            w.WriteNumber("aspect", Math.Round(data.AspectRatio, 4));
            if (data.Group is { } g) w.WriteString("group", g);
            w.WriteBoolean("syncFrames", data.SyncFrames);
            w.WriteBoolean("showNeighbours", data.ShowNeighbours);
            WriteStrings(w, "frameLabels", data.FrameLabels);
            WriteStrings(w, "ids", data.Ids);
            if (data.Texts is { } t) WriteStrings(w, "texts", t);
            if (data.Marked is { } m) WriteStrings(w, "marked", m);
            if (data.Neighbours is { } nb)
            {
                w.WriteStartArray("neighbours");
                foreach (var list in nb)
                {
                    w.WriteStartArray();
                    foreach (int j in list) w.WriteNumberValue(j);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
            }
            w.WriteStartArray("layouts");
            foreach (var layout in data.Layouts) WriteLayout(w, layout);
            w.WriteEndArray();
            w.WriteStartArray("columns");
            foreach (var c in data.Columns) WriteColumn(w, c);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteLayout(Utf8JsonWriter w, PointLayout layout)
    {
        // One fixed frame of reference for all checkpoints, so the view does not jump while animating.
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var xy in layout.Frames)
            for (int i = 0; i < xy.Length; i += 2)
            {
                minX = Math.Min(minX, xy[i]); maxX = Math.Max(maxX, xy[i]);
                minY = Math.Min(minY, xy[i + 1]); maxY = Math.Max(maxY, xy[i + 1]);
            }
        double span = Math.Max(maxX - minX, maxY - minY);
        double scale = span > 0 ? Resolution / span : 1;
        w.WriteStartObject();
        w.WriteString("name", layout.Name);
        // stored = (raw - min) * scale; the player inverts this for points added later (e.g. a typed sentence).
        w.WriteStartArray("transform");
        w.WriteNumberValue(minX); w.WriteNumberValue(minY); w.WriteNumberValue(scale);
        w.WriteEndArray();
        w.WriteStartArray("extent");
        w.WriteNumberValue(Math.Round((maxX - minX) * scale)); w.WriteNumberValue(Math.Round((maxY - minY) * scale));
        w.WriteEndArray();
        w.WriteStartArray("metrics");
        foreach (var metric in layout.Metrics ?? [])
        {
            w.WriteStartObject();
            w.WriteString("name", metric.Name);
            if (double.IsFinite(metric.Value)) w.WriteNumber("value", metric.Value); else w.WriteNull("value");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("frames");
        foreach (var xy in layout.Frames)
        {
            w.WriteStartArray();
            for (int i = 0; i < xy.Length; i += 2)
            {
                w.WriteNumberValue((int)Math.Round((xy[i] - minX) * scale));
                w.WriteNumberValue((int)Math.Round((xy[i + 1] - minY) * scale));
            }
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteColumn(Utf8JsonWriter w, LabelColumn c)
    {
        w.WriteStartObject();
        w.WriteString("name", c.Name);
        WriteStrings(w, "categories", c.Categories);
        if (c.Colors is { } colors) WriteStrings(w, "colors", colors);
        w.WriteStartArray("codes");
        foreach (int code in c.Codes) w.WriteNumberValue(code);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
