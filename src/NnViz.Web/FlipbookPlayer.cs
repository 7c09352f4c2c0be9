
namespace NnViz.Web;

/// <summary>
/// The flipbook player: a sequence of frames (fit curves, decision boundaries, weight grids; PNG or SVG files, or
/// inline SVG) with play/pause, a scrub slider, speed, step back/forward, keyboard (space, arrows, Home/End when
/// focused) and the frame label.
/// Frames by path are stacked &lt;img&gt; elements (all decoded once, no flicker); inline frames are swapped in one
/// at a time, so ids inside different frames never clash.
/// </summary>
public static class FlipbookPlayer
{
    /// <summary>An HTML fragment for a page that loads <see cref="SiteAssets"/>.</summary>
    /// <param name="id">element id, unique in the page.</param>
    /// <param name="title">the caption (omitted when empty, e.g. when the page titles the player itself).</param>
    /// <param name="frames">at least one frame.</param>
    /// <param name="framesPerSecond">playback rate at speed 1x.</param>
    /// <param name="alt">a description of what the frames show, for screen readers.</param>
    public static string Html(string id, string title, IReadOnlyList<FlipbookFrame> frames,
        double framesPerSecond = 4, string? alt = null)
    {
        NnViz.Web.Html.CheckId(id);
        if (frames.Count == 0) throw new ArgumentException("a flipbook needs at least one frame", nameof(frames));
        if (!(framesPerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(framesPerSecond), framesPerSecond, "expected > 0");
        string json = NnViz.Web.Html.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("title", title);
            w.WriteString("alt", alt ?? title);
            w.WriteNumber("fps", Math.Round(framesPerSecond, 6));
            w.WriteStartArray("frames");
            foreach (var f in frames)
            {
                w.WriteStartObject();
                w.WriteString("label", f.Label);
                w.WriteString(f.IsInline ? "svg" : "src", f.Picture);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
        var last = frames[^1];
        // Without JS the reader still sees the last frame (the finished state).
        string fallback = last.IsInline
            ? $"<div class=\"nv-stage\">{last.Picture}</div>"
            : $"<div class=\"nv-stage\"><img src=\"{NnViz.Web.Html.Attr(last.Picture)}\" alt=\"{NnViz.Web.Html.Attr((alt ?? title) + ", " + last.Label)}\"></div>";
        return
            $"<figure class=\"nv-player nv-flipbook\" id=\"{id}\" data-nnviz=\"flipbook\" tabindex=\"0\" aria-label=\"{NnViz.Web.Html.Attr(title.Length > 0 ? title : alt ?? "animation")}\">\n" +
            (title.Length > 0 ? $"<figcaption>{NnViz.Web.Html.Text(title)}</figcaption>\n" : "") +
            $"<noscript>{fallback}</noscript>\n{NnViz.Web.Html.DataScript(json)}\n</figure>\n";
    }

    /// <summary>A whole self-contained page (CSS and JS inlined) holding one flipbook, for the animation file
    /// written next to the frame files.</summary>
    public static string StandalonePage(string title, IReadOnlyList<FlipbookFrame> frames,
        double framesPerSecond = 4, string? alt = null) =>
        HtmlPage.Standalone(title, Html("flipbook", title, frames, framesPerSecond, alt));
}
