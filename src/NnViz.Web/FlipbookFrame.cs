namespace NnViz.Web;

/// <summary>
/// One frame of a flipbook: its label (shown as the current epoch) and its picture, given either as a path to an
/// image file relative to the page (PNG or SVG, shown with &lt;img&gt;, so the report keeps one file per frame on disk)
/// or as inline SVG markup (starting with '&lt;', for a single-file page).
/// </summary>
public sealed record FlipbookFrame(string Label, string Picture)
{
    /// <summary>True when <see cref="Picture"/> holds SVG markup rather than a file path.</summary>
    public bool IsInline => Picture.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal);
}
