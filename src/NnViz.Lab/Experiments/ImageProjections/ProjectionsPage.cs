using NnViz.Data;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Plot;
using NnViz.Web;

namespace NnViz.Lab.Experiments.ImageProjections;

/// <summary>The projections page: biplots (PCA with loading arrows, t-SNE), density biplots, 3-D views, scores beside each.</summary>
internal static class ProjectionsPage
{
    // Ten classes need ten colours (Okabe-Ito has eight): Tableau 10.
    private static readonly string[] Ten = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#222222"];

    public static ExperimentOutput Build(ExperimentSpec spec, ProjectionsOptions o, RunContext ctx, Layouts l, Hidden hidden, ImageSet images, string used,
        IReadOnlyDictionary<string, double> metrics)
    {
        var blocks = new List<PageBlock>();
        int[] labels = [.. l.Rows.Select(r => images.Labels[r])];
        var names = images.ClassNames;
        ctx.Artifacts.Csv("data/layouts_2d.csv", ["row", "label", "pca1", "pca2", "tsne1", "tsne2"],
            Enumerable.Range(0, labels.Length).Select(i => (IReadOnlyList<object>)[l.Rows[i], labels[i], l.Pca2.Coords[2 * i], l.Pca2.Coords[2 * i + 1], l.Tsne2.Coords[2 * i], l.Tsne2.Coords[2 * i + 1]]));
        blocks.Add(new MarkdownBlock($"**Sample:** {used}. Scores: trustworthiness (k = 10; 1 = every 2-D neighbour is a neighbour in pixel space) and the accuracy of a 10-nearest-neighbour classifier in the layout (leave-one-out)."));
        string? thumb = null;
        if (spec.Wants("biplot"))
        {
            var block = Publish.Figure(ctx, "biplot", new Figure("Biplots: PCA (with pixel loadings) and t-SNE", [Biplot(l.Pca2, labels, names, l.Loadings, o.LoadingArrows), Biplot(l.Tsne2, labels, names, null, 0)], 1100, 560, 2,
                "PCA and t-SNE of the images, points coloured by class; arrows on the PCA panel are the pixels with the longest loadings."),
                $"PCA: {Scores(l.Pca2)}. t-SNE: {Scores(l.Tsne2)}.", "data/layouts_2d.csv");
            thumb = block.Path;
            blocks.Add(block);
        }
        if (spec.Wants("density_biplot"))
            blocks.Add(Publish.Figure(ctx, "density_biplot", new Figure("Density biplots: per-class KDE contours", [Density(l.Pca2, labels, names), Density(l.Tsne2, labels, names)], 1100, 560, 2,
                "Per-class 2-D kernel density contours of the PCA and t-SNE layouts."),
                $"Contours at 20 %, 50 % and 80 % of each class's peak density (Gaussian KDE, Scott's bandwidth). PCA: {Scores(l.Pca2)}. t-SNE: {Scores(l.Tsne2)}."));
        if (spec.Wants("scatter_3d"))
        {
            blocks.Add(Publish.Figure(ctx, "scatter_3d", new Figure("3-D views from a fixed angle (azimuth 35°, elevation 25°)", [View3D(l.Pca3, labels, names, "PC"), View3D(l.Tsne3, labels, names, "t-SNE ")], 1100, 560, 2,
                "Three-component PCA and t-SNE, drawn orthographically from a fixed angle."),
                $"PCA 3-D: {Scores(l.Pca3)}. t-SNE 3-D: {Scores(l.Tsne3)}. Rotate the interactive views below."));
            foreach (var (lay, axis) in new[] { (l.Pca3, "PC"), (l.Tsne3, "t-SNE ") })
            {
                var data = new Scatter3DData([.. l.Rows.Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture))], [.. lay.Coords.Select(v => (float)v)],
                    [new LabelColumn("class", labels, names)])
                { Title = $"{lay.Name} (drag to rotate) · {Scores(lay)}", AxisNames = [axis + "1", axis + "2", axis + "3"], Group = "projections" };
                blocks.Add(new HtmlBlock(Scatter3D.Html($"s3d-{lay.Name.Replace(" ", "").Replace("-", "").ToLowerInvariant()}", data)));
            }
        }
        if (spec.Wants("hidden_biplot"))
            blocks.Add(Publish.Figure(ctx, "hidden_biplot", new Figure($"What training adds: PCA and t-SNE of the trained MLP's hidden layer '{hidden.Layer}' ({hidden.Width} units)",
                [Biplot(l.HiddenPca2, labels, names, null, 0, LegendPosition.TopRight), Biplot(l.HiddenTsne2, labels, names, null, 0)], 1100, 560, 2,
                "The same test images, now as the hidden-layer activations of the trained MLP, projected by PCA and t-SNE; points coloured by class."),
                $"The MLP trained for {hidden.Loss.Length} epoch(s) on {hidden.TrainImages} training images (final training loss {Format.Num(hidden.Loss[^1])}; accuracy on this sample {Format.Num(hidden.SampleAccuracy)}). " +
                $"Trustworthiness is measured against the hidden space. Hidden PCA: {Scores(l.HiddenPca2)}. Hidden t-SNE: {Scores(l.HiddenTsne2)}. Raw-image t-SNE for comparison: {Scores(l.Tsne2)}."));
        blocks.Add(new TableBlock("Layout quality", ["layout", "trustworthiness (k 10)", "10-NN accuracy"],
            new[] { l.Pca2, l.Tsne2, l.Pca3, l.Tsne3, l.HiddenPca2, l.HiddenTsne2 }.Select(x => (IReadOnlyList<string>)[x.Name, Format.Num(x.Trustworthiness), Format.Num(x.KnnAccuracy)]).ToList()));
        return new ExperimentOutput(blocks, metrics, used, false, thumb);
    }

    private static string Scores(Layout l) => $"trustworthiness {Format.Num(l.Trustworthiness)}, 10-NN accuracy {Format.Num(l.KnnAccuracy)}";

    private static (double[] X, double[] Y) Split(Layout l, int a = 0, int b = 1) =>
        ([.. Enumerable.Range(0, l.Coords.Length / l.Dims).Select(i => l.Coords[i * l.Dims + a])], [.. Enumerable.Range(0, l.Coords.Length / l.Dims).Select(i => l.Coords[i * l.Dims + b])]);

    private static Panel Biplot(Layout l, int[] labels, IReadOnlyList<string> names, double[]? loadings, int arrows, LegendPosition? legend = null)
    {
        var (xs, ys) = Split(l);
        var marks = new List<Mark> { new ScatterMark(xs, ys, new PointStyle(Radius: 2.4, Opacity: 0.85, Palette: Ten)) { Classes = labels, ClassNames = names } };
        if (loadings is not null && arrows > 0)
        {
            int d = loadings.Length / 3;
            // Arrow length: loading x the spread of the scores, so the longest arrow reaches ~ the layout's edge.
            double spread = xs.Select(Math.Abs).Max();
            var top = Enumerable.Range(0, d).OrderByDescending(p => loadings[p] * loadings[p] + loadings[d + p] * loadings[d + p]).ThenBy(p => p).Take(arrows).ToList();
            double longest = Math.Sqrt(loadings[top[0]] * loadings[top[0]] + loadings[d + top[0]] * loadings[d + top[0]]);
            foreach (int p in top)
            {
                double ax = loadings[p] / longest * spread * 0.8, ay = loadings[d + p] / longest * spread * 0.8;
                marks.Add(new ArrowMark(0, 0, ax, ay, new LineStyle("#222222", 1.4)));
                marks.Add(new TextMark(ax, ay, $"px({p % 28},{p / 28})", new TextStyle("#222222", 10), 3, -3));
            }
        }
        return new Panel(marks, $"{l.Name} · trust {Format.Num(l.Trustworthiness)} · kNN {Format.Num(l.KnnAccuracy)}",
            new Axis(l.Name.EndsWith("PCA", StringComparison.Ordinal) ? "PC1" : "t-SNE 1"), new Axis(l.Name.EndsWith("PCA", StringComparison.Ordinal) ? "PC2" : "t-SNE 2"),
            Legend: legend ?? (loadings is null ? LegendPosition.None : LegendPosition.TopRight));
    }

    private static Panel Density(Layout l, int[] labels, IReadOnlyList<string> names)
    {
        var (xs, ys) = Split(l);
        return new Panel([new DensityContourMark(xs, ys, labels) { ClassNames = names, Palette = Ten }],
            $"{l.Name} · trust {Format.Num(l.Trustworthiness)} · kNN {Format.Num(l.KnnAccuracy)}",
            new Axis(l.Name == "PCA" ? "PC1" : "t-SNE 1"), new Axis(l.Name == "PCA" ? "PC2" : "t-SNE 2"), Legend: l.Name == "PCA" ? LegendPosition.TopRight : LegendPosition.None);
    }

    private static Panel View3D(Layout l, int[] labels, IReadOnlyList<string> names, string axis)
    {
        var (xs, ys) = Split(l);
        var (_, zs) = Split(l, 0, 2);
        return new Panel([new Scatter3DMark(xs, ys, zs, new PointStyle(Radius: 2.2, Opacity: 0.85, Palette: Ten)) { Classes = labels, ClassNames = names, AxisLabels = (axis + "1", axis + "2", axis + "3") }],
            $"{l.Name} · trust {Format.Num(l.Trustworthiness)} · kNN {Format.Num(l.KnnAccuracy)}", Legend: LegendPosition.None);
    }
}
