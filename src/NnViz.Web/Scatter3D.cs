namespace NnViz.Web;

/// <summary>Points in 3-D (x0, y0, z0, x1, ... in <paramref name="Xyz"/>) with colour columns, for a rotatable view.</summary>
public sealed record Scatter3DData(IReadOnlyList<string> Ids, float[] Xyz, IReadOnlyList<LabelColumn> Columns)
{
    public string Title { get; init; } = "";
    public string? Alt { get; init; }
    public IReadOnlyList<string>? Texts { get; init; }
    /// <summary>Names of the three axes (e.g. PC1, PC2, PC3).</summary>
    public IReadOnlyList<string> AxisNames { get; init; } = ["x", "y", "z"];
    /// <summary>Players with the same group name (3-D or point cloud) share their selection.</summary>
    public string? Group { get; init; }
    public double AspectRatio { get; init; } = 0.72;

    public void Validate()
    {
        int n = Ids.Count;
        if (n == 0) throw new ArgumentException("3-D scatter: no points");
        if (Xyz.Length != 3 * n) throw new ArgumentException($"3-D scatter: {Xyz.Length} coordinates, expected 3 x {n} points");
        int bad = Array.FindIndex(Xyz, v => !float.IsFinite(v));
        if (bad >= 0) throw new ArgumentException($"3-D scatter: point {bad / 3} has a non-finite coordinate");
        if (AxisNames.Count != 3) throw new ArgumentException("3-D scatter: expected 3 axis names");
        if (Texts is { } t && t.Count != n) throw new ArgumentException($"3-D scatter: {t.Count} texts, expected {n}");
        foreach (var c in Columns)
            if (c.Codes.Length != n || c.Codes.Any(v => v < -1 || v >= c.Categories.Count))
                throw new ArgumentException($"3-D scatter column \"{c.Name}\": expected {n} codes in -1..{c.Categories.Count - 1}");
    }
}

/// <summary>A 3-D scatter on canvas: drag to rotate, auto-rotate toggle, hover tooltip, click to select, legend.</summary>
public static class Scatter3D
{
    /// <summary>Coordinates are centred and written as integers in -Resolution..Resolution (aspect kept).</summary>
    public const int Resolution = 1000;

    public static string Html(string id, Scatter3DData data)
    {
        NnViz.Web.Html.CheckId(id);
        data.Validate();
        return $"<figure class=\"nv-player nv-scatter3d\" id=\"{id}\" data-nnviz=\"scatter3d\" tabindex=\"0\" " +
               $"aria-label=\"{NnViz.Web.Html.Attr(data.Alt ?? data.Title)}\">\n" +
               (data.Title.Length > 0 ? $"<figcaption>{NnViz.Web.Html.Text(data.Title)}</figcaption>\n" : "") +
               $"<noscript>This interactive chart needs JavaScript.</noscript>\n{NnViz.Web.Html.DataScript(Json(data))}\n</figure>\n";
    }

    public static string StandalonePage(string title, Scatter3DData data) =>
        HtmlPage.Standalone(title, Html("scatter3d", data));

    private static string Json(Scatter3DData data) => NnViz.Web.Html.Json(w =>
    {
        int n = data.Ids.Count;
        var lo = new double[] { double.MaxValue, double.MaxValue, double.MaxValue };
        var hi = new double[] { double.MinValue, double.MinValue, double.MinValue };
        for (int i = 0; i < 3 * n; i++) { lo[i % 3] = Math.Min(lo[i % 3], data.Xyz[i]); hi[i % 3] = Math.Max(hi[i % 3], data.Xyz[i]); }
        double half = Math.Max(hi[0] - lo[0], Math.Max(hi[1] - lo[1], hi[2] - lo[2])) / 2;
        double scale = half > 0 ? Resolution / half : 1;
        w.WriteStartObject();
        w.WriteString("title", data.Title);
        w.WriteNumber("n", n);
        w.WriteNumber("aspect", Math.Round(data.AspectRatio, 4));
        if (data.Group is { } g) w.WriteString("group", g);
        PointCloudPlayer.WriteStrings(w, "ids", data.Ids);
        PointCloudPlayer.WriteStrings(w, "axes", data.AxisNames);
        if (data.Texts is { } t) PointCloudPlayer.WriteStrings(w, "texts", t);
        w.WriteStartArray("xyz");
        for (int i = 0; i < 3 * n; i++)
            w.WriteNumberValue((int)Math.Round((data.Xyz[i] - (lo[i % 3] + hi[i % 3]) / 2) * scale));
        w.WriteEndArray();
        w.WriteStartArray("columns");
        foreach (var c in data.Columns)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            PointCloudPlayer.WriteStrings(w, "categories", c.Categories);
            if (c.Colors is { } colors) PointCloudPlayer.WriteStrings(w, "colors", colors);
            w.WriteStartArray("codes");
            foreach (int code in c.Codes) w.WriteNumberValue(code);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
