namespace NnViz.Plot;

/// <summary>
/// Points at (xs[i], ys[i]). Colour, in order of precedence: <see cref="Colors"/> (one per point),
/// <see cref="Classes"/> (an index into the style's palette; Okabe-Ito by default), the style's colour.
/// <see cref="ClassNames"/> gives one legend row per class; <see cref="Label"/> one row for the whole mark.
/// Misclassified points: a second ScatterMark with <see cref="MarkerShape.Cross"/>, or per-point <see cref="Shapes"/>.
/// </summary>
public sealed record ScatterMark(double[] Xs, double[] Ys, PointStyle Style, string? Label = null) : Mark
{
    public int[]? Classes { get; init; }
    public string[]? Colors { get; init; }
    public IReadOnlyList<string>? ClassNames { get; init; }
    public MarkerShape[]? Shapes { get; init; }

    /// <summary>Points coloured by class index (the common case: a labelled data set).</summary>
    public static ScatterMark ByClass(double[] xs, double[] ys, int[] classes, IReadOnlyList<string>? classNames = null,
        double radius = 3, double opacity = 0.85) =>
        new(xs, ys, new PointStyle(Radius: radius, Opacity: opacity)) { Classes = classes, ClassNames = classNames };

    internal override Bounds? DataBounds() => Bounds.Of(Xs, Ys);

    internal override void Render(RenderContext ctx)
    {
        var sb = ctx.Sb;
        bool single = Colors is null && Classes is null;
        ctx.OpenGroup(this, "scatter");
        sb.Append("<g");
        if (single) sb.Append(" fill=\"").Append(Style.Color).Append('"');
        if (Style.Opacity < 1) sb.Append(" fill-opacity=\"").AppendNum(Style.Opacity).Append('"');
        if (Style.StrokeColor is { } sc) sb.Append(" stroke=\"").Append(sc).Append("\" stroke-width=\"").AppendNum(Style.StrokeWidth).Append('"');
        sb.Append(">\n");
        int n = Math.Min(Xs.Length, Ys.Length);
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(Xs[i]) || !double.IsFinite(Ys[i])) continue;
            string? color = single ? null : PointColor(i);
            MarkerShape shape = Shapes is { } s && i < s.Length ? s[i] : Style.Shape;
            Markers.Write(sb, shape, ctx.X.Map(Xs[i]), ctx.Y.Map(Ys[i]), Style.Radius, color ?? Style.Color, color is not null);
        }
        sb.Append("</g>\n");
        ctx.CloseGroup();
    }

    private string PointColor(int i) =>
        Colors is { } c && i < c.Length ? c[i]
        : Classes is { } k && i < k.Length ? Palettes.ClassColor(Style.ClassPalette, k[i])
        : Style.Color;

    internal override IEnumerable<LegendEntry> LegendEntries()
    {
        if (ClassNames is { } names)
            return names.Select((name, k) => new LegendEntry(name, Palettes.ClassColor(Style.ClassPalette, k), false, Shape: Style.Shape));
        return Label is null ? [] : [new LegendEntry(Label, Style.Color, false, Shape: Style.Shape)];
    }
}
