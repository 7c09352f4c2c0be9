namespace NnViz.Web;

/// <summary>
/// One frame of a flipbook: its label (shown as the current epoch) and its picture, given either as a path to an
/// SVG file relative to the page (shown with &lt;img&gt;, so the report keeps one SVG per frame on disk) or as inline
/// SVG markup (starting with '&lt;', for a single-file page).
/// </summary>
public sealed record FlipbookFrame(string Label, string Svg)
{
    /// <summary>True when <see cref="Svg"/> holds markup rather than a file path.</summary>
    public bool IsInline => Svg.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal);
}
