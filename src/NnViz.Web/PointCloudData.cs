namespace NnViz.Web;

/// <summary>
/// A categorical column to colour points by (class, predicted label, or one label of a multi-label task).
/// <paramref name="Codes"/>[i] indexes <paramref name="Categories"/> for point i (-1 = unknown, drawn grey);
/// <paramref name="Colors"/> (CSS colours, one per category) defaults to the Okabe-Ito palette. Points of a higher
/// code are drawn on top, so put the rare category (e.g. "toxic") last.
/// </summary>
public sealed record LabelColumn(string Name, int[] Codes, IReadOnlyList<string> Categories,
    IReadOnlyList<string>? Colors = null);

/// <summary>A named number printed beside a layout (trustworthiness, temporal stability, ...).</summary>
public sealed record LayoutMetric(string Name, double Value);

/// <summary>
/// One set of 2-D positions over the checkpoints, e.g. "aligned" or "independent". <paramref name="Frames"/>[f] holds
/// the n points of checkpoint f as x0, y0, x1, y1, ... (length 2n).
/// </summary>
public sealed record PointLayout(string Name, IReadOnlyList<float[]> Frames, IReadOnlyList<LayoutMetric>? Metrics = null);

/// <summary>
/// Everything a point-cloud player shows. <paramref name="Ids"/> identify the n points (linked views match selections
/// by id); <paramref name="FrameLabels"/> name the checkpoints ("epoch 1", ...); each layout has one frame per label.
/// One frame gives a static scatter with hover and selection.
/// </summary>
public sealed record PointCloudData(IReadOnlyList<string> Ids, IReadOnlyList<string> FrameLabels,
    IReadOnlyList<PointLayout> Layouts, IReadOnlyList<LabelColumn> Columns)
{
    public string Title { get; init; } = "";

    /// <summary>Alt text describing the chart for screen readers; defaults to the title.</summary>
    public string? Alt { get; init; }

    /// <summary>Per-point text shown on hover and in the selection list (a review, a comment, a word).</summary>
    public IReadOnlyList<string>? Texts { get; init; }

    /// <summary>Players with the same group name share their selection (select in one, highlight in all).</summary>
    public string? Group { get; init; }

    /// <summary>With a group: players also share the animation time (scrub one, all follow).</summary>
    public bool SyncFrames { get; init; }

    /// <summary>Ids selected (and lettered A, B, C, ... in this order) when the page opens.</summary>
    public IReadOnlyList<string>? Marked { get; init; }

    /// <summary>The hover tooltip also lists the texts of the 3 nearest points in the current view.</summary>
    public bool ShowNeighbours { get; init; }

    /// <summary>Optional: for each point, indices of its nearest neighbours in the original (high-dimensional) space,
    /// nearest first; the tooltip then lists their texts instead of the nearest points on screen.</summary>
    public IReadOnlyList<int[]>? Neighbours { get; init; }

    /// <summary>Checkpoint transitions per second at speed 1x.</summary>
    public double FramesPerSecond { get; init; } = 1;

    /// <summary>Canvas height as a fraction of its width.</summary>
    public double AspectRatio { get; init; } = 0.72;

    /// <summary>Throws with a message naming the first inconsistency.</summary>
    public void Validate()
    {
        int n = Ids.Count, f = FrameLabels.Count;
        if (n == 0) throw new ArgumentException("point cloud: no points (Ids is empty)");
        if (f == 0) throw new ArgumentException("point cloud: no frames (FrameLabels is empty)");
        if (Layouts.Count == 0) throw new ArgumentException("point cloud: no layout");
        foreach (var layout in Layouts)
        {
            if (layout.Frames.Count != f)
                throw new ArgumentException($"point cloud layout \"{layout.Name}\": {layout.Frames.Count} frames, expected {f} (one per frame label)");
            for (int k = 0; k < f; k++)
            {
                var xy = layout.Frames[k];
                if (xy.Length != 2 * n)
                    throw new ArgumentException($"point cloud layout \"{layout.Name}\" frame {k}: {xy.Length} numbers, expected 2 x {n} points");
                int bad = Array.FindIndex(xy, v => !float.IsFinite(v));
                if (bad >= 0) throw new ArgumentException($"point cloud layout \"{layout.Name}\" frame {k}: point {bad / 2} has a non-finite coordinate");
            }
        }
        foreach (var c in Columns)
        {
            if (c.Codes.Length != n) throw new ArgumentException($"point cloud column \"{c.Name}\": {c.Codes.Length} codes, expected {n}");
            int bad = Array.FindIndex(c.Codes, v => v < -1 || v >= c.Categories.Count);
            if (bad >= 0) throw new ArgumentException($"point cloud column \"{c.Name}\": point {bad} has code {c.Codes[bad]}, expected -1..{c.Categories.Count - 1}");
            if (c.Colors is { } col && col.Count < c.Categories.Count)
                throw new ArgumentException($"point cloud column \"{c.Name}\": {col.Count} colours for {c.Categories.Count} categories");
        }
        if (Neighbours is { } nb)
        {
            if (nb.Count != n) throw new ArgumentException($"point cloud: {nb.Count} neighbour lists, expected {n}");
            for (int i = 0; i < n; i++)
                if (Array.FindIndex(nb[i], j => j < 0 || j >= n) is var k and >= 0)
                    throw new ArgumentException($"point cloud: neighbour {nb[i][k]} of point {i} is out of range 0..{n - 1}");
        }
        if (Texts is { } t && t.Count != n) throw new ArgumentException($"point cloud: {t.Count} texts, expected {n}");
        if (new HashSet<string>(Ids, StringComparer.Ordinal).Count != n) throw new ArgumentException("point cloud: ids are not unique");
        if (!(FramesPerSecond > 0)) throw new ArgumentException("point cloud: FramesPerSecond must be > 0");
    }
}
