using System.Globalization;
using NnViz.Data;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Plot;

using static NnViz.Lab.Experiments.NeuronWeights.NeuronWeightsKind;

namespace NnViz.Lab.Experiments.NeuronWeights;

/// <summary>The neuron-weights page: weight images per epoch (animation and snapshots), class templates, accuracy and roughness.</summary>
internal static class NeuronWeightsPage
{
    public static ExperimentOutput Build(ExperimentSpec spec, NeuronWeightsOptions o, RunContext ctx, WeightFrames f, ImageSet train, ImageSet test, string used,
        IReadOnlyDictionary<string, double> metrics)
    {
        var blocks = new List<PageBlock>();
        int epochs = spec.Epochs;
        var snaps = o.Common.SnapshotEpochs(epochs);
        int shown = f.Weights[0].Length / 784;
        bool fixedScale = o.FixedScale;
        double fixedMax = RobustMaxAbs(f.Weights);
        ctx.Artifacts.Npy("data/first_layer_weights.npy", [.. f.Weights.SelectMany(w => w)], epochs + 1, shown, 28, 28);
        ctx.Artifacts.Npy("data/class_templates.npy", [.. f.Templates.SelectMany(w => w)], epochs + 1, 10, 28, 28);
        blocks.Add(new MarkdownBlock($"**Data:** {used}." + (train.Count < 60000 ? $" This profile trains on a subsample (the first {train.Count} training images) for speed." : "")
            + $" Colour scale: {(fixedScale ? $"fixed across all frames (±{Format.Num(fixedMax)}, the 99.5th percentile of |w| over all frames; rarer larger weights take the end colours), so brightness changes mean the weights changed" : "chosen per frame (each frame's 99.5th percentile of |w|)")}."));
        string? thumb = null;
        Figure Grid(int e, string title) => new(title, [new Panel([Tiles(f.Weights[e], shown, fixedScale ? fixedMax : RobustMaxAbs([f.Weights[e]]), "first-layer weight")], $"epoch {e} · test accuracy {Acc(f.TestAccuracy[e])}")],
            560, 600, 1, $"The first {shown} hidden neurons' 784 input weights, each as a 28x28 image (red negative, blue positive), after epoch {e}.");
        if (spec.Wants("weights_animation"))
        {
            var frames = Enumerable.Range(0, epochs + 1).Select(e => new AnimationFrame($"epoch {e}", Grid(e, $"First-layer weights, epoch {e} of {epochs}"))).ToList();
            blocks.Add(Publish.Animation(ctx, "weights", new Animation("First-layer weights, every epoch", frames, o.Common.FramesPerSecond),
                "Each tile is one hidden neuron's weights from the 784 pixels (epoch 0 = initial weights).", o.Common.Video,
                ("weights per epoch (NPY, epochs+1 x neurons x 28 x 28)", "data/first_layer_weights.npy")));
        }
        if (spec.Wants("snapshots"))
        {
            var panels = snaps.Select(e => new Panel([Tiles(f.Weights[e], shown, fixedScale ? fixedMax : RobustMaxAbs([f.Weights[e]]), "weight")],
                $"epoch {e} · acc {Acc(f.TestAccuracy[e])} · roughness {Format.Num(f.Roughness[e])}")).ToList();
            var block = Publish.Figure(ctx, "snapshots", new Figure($"First-layer weights at epochs {string.Join(", ", snaps)}", panels, 480 * panels.Count, 540, panels.Count,
                $"The first {shown} neurons' weight images at epochs {string.Join(", ", snaps)}."),
                "Roughness = neighbouring-pixel squared differences relative to white noise (1 = noise, 0 = smooth), averaged over all hidden neurons.",
                "data/first_layer_weights.npy");
            thumb = block.Path;
            blocks.Add(block);
        }
        if (spec.Wants("class_templates")) blocks.Add(ClassTemplates(ctx, f.Templates[epochs], test, epochs));
        if (spec.Wants("accuracy_curve"))
        {
            double[] es = [.. Enumerable.Range(0, epochs + 1).Select(e => (double)e)];
            blocks.Add(Publish.Figure(ctx, "accuracy_curve", Figure.Single("Test accuracy and weight roughness by epoch",
                new Panel([new LineMark(es, f.TestAccuracy, new LineStyle("#0072b2", 2), "test accuracy"), new LineMark(es, f.Roughness, new LineStyle("#d55e00", 2, [6, 4]), "roughness")],
                    "", new Axis("epoch"), new Axis("value", new DataRange(0, 1)), Legend: LegendPosition.BottomRight), 640, 360,
                "Test accuracy and the roughness of the first-layer weight images after each epoch."), "Accuracy on the test images; roughness of all first-layer weight images."));
        }
        blocks.Add(new TableBlock("Snapshot epochs", ["epoch", "test accuracy", "roughness"],
            snaps.Select(e => (IReadOnlyList<string>)[e.ToString(CultureInfo.InvariantCulture), Format.Num(f.TestAccuracy[e]), Format.Num(f.Roughness[e])]).ToList()));
        return new ExperimentOutput(blocks, metrics, used, false, thumb);
    }

    /// <summary>Each output class's weights projected back to the pixels (W1 W2), after the last epoch.</summary>
    private static FigureBlock ClassTemplates(RunContext ctx, float[] t, ImageSet test, int epochs)
    {
        var mark = new ImageGridMark(t, 10, 28, 28, ColorScale.Symmetric(ColorMap.RdBu, ImageGridMark.MaxAbs(t), "W1·W2", "lowers the class", "raises the class"))
        { Columns = 5, Labels = test.ClassNames };
        return Publish.Figure(ctx, "class_templates", new Figure($"What each class looks for: W1·W2 after epoch {epochs}", [new Panel([mark])], 620, 340, 1,
            "Each output class's weights projected back to the pixels through the first layer (ignoring the ReLU)."),
            "The second layer projected back to pixels (W1 W2, one image per class): blue pixels raise the class's logit, red ones lower it.", "data/class_templates.npy");
    }

    /// <summary>
    /// The 99.5th percentile of |w| over the given frames: a few weights on border pixels that are almost always 0 in
    /// the images grow large and would otherwise wash out every other weight (seen on Fashion-MNIST, |w| up to 4.5).
    /// </summary>
    internal static double RobustMaxAbs(IEnumerable<float[]> frames)
    {
        var all = frames.SelectMany(w => w).Where(float.IsFinite).Select(v => Math.Abs((double)v)).Order().ToArray();
        if (all.Length == 0) return 1;
        double q = all[Math.Min(all.Length - 1, (int)Math.Floor(0.995 * (all.Length - 1)))];
        return q > 0 ? q : 1;
    }

    private static ImageGridMark Tiles(float[] w, int count, double maxAbs, string title) =>
        new(w, count, 28, 28, ColorScale.Symmetric(ColorMap.RdBu, maxAbs, title, "negative", "positive")) { Columns = (int)Math.Ceiling(Math.Sqrt(count)) };

    private static string Acc(double a) => a.ToString("0.000", CultureInfo.InvariantCulture);
}
