using System.Globalization;
using NnViz.Data;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Plot;

namespace NnViz.Lab.Experiments.CurveFit;

/// <summary>The curve-fit page: the fit animation (all architectures side by side), final fits, loss curves, ranking.</summary>
internal static class CurveFitPage
{
    private const string TargetColor = "#0072b2"; // Okabe-Ito blue: the target, as in the write-up
    private const string ModelColor = "#d55e00";  // Okabe-Ito vermillion: the model

    public static ExperimentOutput Build(ExperimentSpec spec, CurveFitOptions o, RunContext ctx, IReadOnlyList<MemberCurves> members, Dataset test,
        IReadOnlyDictionary<string, double> metrics)
    {
        var blocks = new List<PageBlock>();
        int epochs = spec.Epochs;
        double lowX = o.LowXBelow;
        double[] xs = [.. test.X.Select(v => (double)v)];
        double[] target = [.. test.Y.Select(v => (double)v)];
        var yRange = YRange(target);
        string? thumb = null;

        string curvesCsv = ctx.Artifacts.Csv("data/final_curves.csv", ["x", "target", .. members.Select(m => m.Name)],
            Enumerable.Range(0, test.Rows).Select(i => (IReadOnlyList<object>)[xs[i], target[i], .. members.Select(m => (object)m.Curves[epochs][i])]));
        string lossCsv = ctx.Artifacts.Csv("data/test_mse_by_epoch.csv", ["epoch", .. members.Select(m => m.Name)],
            Enumerable.Range(0, epochs + 1).Select(e => (IReadOnlyList<object>)[e, .. members.Select(m => (object)m.TestMse[e])]));
        foreach (var m in members)
        {
            ctx.Artifacts.Npy($"data/curves_{m.Name}.npy", [.. m.Curves.SelectMany(c => c)], epochs + 1, test.Rows);
            m.Weights?.Write(ctx.Artifacts, m.Name);
        }

        if (spec.Wants("fit_animation"))
        {
            var frames = Enumerable.Range(0, epochs + 1).Select(e => new AnimationFrame($"epoch {e}",
                Grid(spec, members, e, xs, target, yRange, $"{spec.Title}: epoch {e} of {epochs}"))).ToList();
            blocks.Add(Publish.Animation(ctx, "fit", new Animation("Model curve (red) against the target (blue), every epoch", frames, o.Common.FramesPerSecond),
                $"Each panel is one architecture; epoch 0 is the untrained network. Test MSE in each panel title.",
                o.Common.Video, ("curves per epoch (NPY)", $"data/curves_{members[0].Name}.npy")));
        }
        if (spec.Wants("final_fits"))
        {
            var fig = Grid(spec, members, epochs, xs, target, yRange, $"All architectures after {epochs} epochs");
            var block = Publish.Figure(ctx, "final_fits", fig, "Target (blue) and model (red) at the last epoch.", curvesCsv);
            thumb = block.Path;
            blocks.Add(block);
        }
        if (spec.Wants("loss_curves"))
            blocks.Add(Publish.Figure(ctx, "loss_curves", LossFigure(members, epochs), "Lower is better; the y axis is log10 of the test MSE.", lossCsv));

        var ranked = members.OrderBy(m => m.TestMse[epochs]).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
        blocks.Add(new TableBlock("Ranking by final test MSE", ["rank", "architecture", "final test MSE", $"MSE where x < {lowX.ToString(CultureInfo.InvariantCulture)}", "mean test MSE over epochs", "final train loss"],
            ranked.Select((m, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), m.Name,
                Format.Num(m.TestMse[epochs]), Format.Num(m.LowXMse[epochs]), Format.Num(m.TestMse.Skip(1).Average()), Format.Num(m.TrainLoss[epochs])]).ToList(),
            "The mean test MSE over epochs measures convergence speed (lower = converged sooner)."));
        return new ExperimentOutput(blocks, metrics, "synthetic, as in the write-up: polynomial", false, thumb ?? blocks.OfType<FigureBlock>().FirstOrDefault()?.Path, WriteUpSynthetic: true);
    }

    private static Figure Grid(ExperimentSpec spec, IReadOnlyList<MemberCurves> members, int epoch, double[] xs, double[] target, DataRange yRange, string title)
    {
        var panels = members.Select((m, i) => new Panel(
            [
                new LineMark(xs, target, new LineStyle(TargetColor, 2), "target"),
                new LineMark(xs, [.. m.Curves[epoch].Select(v => (double)v)], new LineStyle(ModelColor, 2), "model"),
            ],
            $"{m.Name}  (MSE {Format.Num(m.TestMse[epoch])})", new Axis("x"), new Axis("y", yRange),
            Legend: i == 0 ? LegendPosition.TopRight : LegendPosition.None)).ToList();
        int cols = Math.Min(3, panels.Count);
        int rows = (panels.Count + cols - 1) / cols;
        return new Figure(title, panels, 300 * cols, 240 * rows + 40, cols,
            $"{title}. {panels.Count} panels, one per architecture, each showing the target polynomial in blue and the network's output in red.");
    }

    private static Figure LossFigure(IReadOnlyList<MemberCurves> members, int epochs)
    {
        double[] es = [.. Enumerable.Range(1, epochs).Select(e => (double)e)];
        var marks = members.Select((m, i) => (Mark)new LineMark(es, [.. m.TestMse.Skip(1).Select(v => Math.Log10(Math.Max(v, 1e-12)))],
            new LineStyle(Palettes.ClassColor(Palettes.OkabeIto, i), 2), m.Name)).ToList();
        return Figure.Single("Test MSE by epoch", new Panel(marks, "", new Axis("epoch"), new Axis("log10 test MSE")), 720, 420,
            "Test mean squared error (log10) of each architecture after every epoch.");
    }

    private static DataRange YRange(double[] target)
    {
        double min = target.Min(), max = target.Max(), pad = 0.1 * (max - min);
        return new DataRange(min - pad, max + pad);
    }
}
