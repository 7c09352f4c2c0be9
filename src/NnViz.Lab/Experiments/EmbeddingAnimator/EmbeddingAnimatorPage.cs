
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Plot;
using NnViz.Web;
using static NnViz.Lab.Experiments.Common.Format;

namespace NnViz.Lab.Experiments.EmbeddingAnimator;

/// <summary>The embedding-animator page: epoch 1 static, the aligned/independent animation with its figures, separation by epoch, lettered last epoch and hard examples, training curves.</summary>
internal static class EmbeddingAnimatorPage
{
    public static ExperimentOutput Build(ExperimentSpec spec, AnimatorOptions o, RunContext ctx, TextTask task, AnimatorMeasures measured, string vectorsNote)
    {
        var blocks = new List<PageBlock>();
        int colour = measured.Colour;
        string label = task.LabelNames[colour];
        int[] codes = task.ValCodes(colour);
        string[] classNames = Categories(task, colour);
        string? thumb = null;
        var runs = measured.Members.Select(m => m.Run).ToList();
        if (measured.Comparison is { } comparison) blocks.AddRange(Comparison(o, task, runs, comparison, colour));
        foreach (var (run, seqs, sep, hard) in measured.Members)
        {
            string tag = runs.Count > 1 ? $"_{run.Member}" : "";
            string heading = runs.Count > 1 ? $" ({run.Member})" : "";
            WriteData(ctx, task, run, seqs, codes, tag);
            blocks.Add(new MarkdownBlock(
                $"### Model{heading}\n\n{Describe(spec, run)}; {vectorsNote}. Data: {task.DataUsed}; {task.TrainRows} training and " +
                $"{task.ValRows} validation texts. The recorded representation is layer `{run.Layer}` ({run.Dim} values per text)."));
            if (measured.Scores is { } scores) blocks.AddRange(scores.Blocks(runs.IndexOf(run), task, run.Layer, heading));
            var aligned = seqs.First(s => s.Name == "aligned");
            if (spec.Wants("first_epoch"))
            {
                var b = Publish.Figure(ctx, $"first_epoch{tag}", Scatter(aligned.Frames[0], codes, classNames,
                    $"Epoch 1{heading}: validation texts by their '{run.Layer}' representation", [], 640, 480),
                    "The first epoch on its own, before the animation: each dot is a validation text, coloured by its label.");
                thumb ??= b.Path;
                blocks.Add(b);
            }
            if (spec.Wants("animation"))
            {
                blocks.Add(new HtmlBlock(PointCloudPlayer.Html($"animator{tag.Replace('_', '-')}", Player(spec, task, run, seqs, colour, heading))));
                blocks.Add(ConsistencyTable(o, seqs, heading));
            }
            ctx.Artifacts.Csv($"data/separation{tag}.csv", ["epoch", "knn_accuracy", "silhouette"],
                Enumerable.Range(0, sep.KnnAccuracy.Length).Select(e => (IReadOnlyList<object>)[e + 1, sep.KnnAccuracy[e], sep.Silhouette[e]]));
            if (spec.Wants("separation"))
                blocks.Add(Publish.Figure(ctx, $"separation{tag}", AnimatorFigures.Separation(sep, label, heading),
                    $"Measured in the {run.Dim}-dimensional representation itself, not on screen: leave-one-out {o.QualityK}-NN accuracy and silhouette of the '{label}' classes after each epoch.",
                    $"data/separation{tag}.csv"));
            if (spec.Wants("consistency"))
                blocks.Add(Publish.Figure(ctx, $"consistency{tag}", AnimatorFigures.Consistency(seqs, heading),
                    "Each layout's temporal stability and mean trustworthiness; the dashed lines are the targets (stability 0.6, trustworthiness 0.9)."));
            if (hard is not null)
                blocks.AddRange(Marked(ctx, task, run, aligned, hard, codes, classNames, colour, tag, heading));
            if (spec.Wants("training_curves"))
                blocks.Add(Publish.Figure(ctx, $"training_curves{tag}", AnimatorFigures.Training(run, heading),
                    "Training loss, validation loss and validation accuracy (averaged over labels) per epoch; training stops early when the validation loss stops improving."));
        }
        if (measured.Drift is { } drift) blocks.AddRange(Drift(spec, o, drift));
        return new ExperimentOutput(blocks, measured.Metrics, task.DataUsed, task.Generated, thumb);
    }

    private static TableBlock ConsistencyTable(AnimatorOptions o, IReadOnlyList<ProjectedSequence> seqs, string heading) =>
        new($"Consistency of the animation{heading}", ["layout", "temporal stability", "trustworthiness (mean)", "trustworthiness (worst epoch)", "mean displacement"],
            seqs.Select(s => (IReadOnlyList<string>)[s.Name, Num(s.Stability), Num(s.Trustworthiness), Num(s.MinTrustworthiness), Num(s.Displacement)]).ToList(),
            "Temporal stability: Pearson correlation between how far each text moves in the representation and how far its dot moves on screen, " +
            $"averaged over epoch transitions (1 = screen motion means data motion). Trustworthiness: k = {o.QualityK} neighbourhoods on screen that are true neighbourhoods in the representation. " +
            $"Aligned: {o.AlignedStrategy} strategy (joint: one t-SNE of all epochs stacked; dynamic: epochs fitted in lockstep with a movement penalty, then Procrustes-aligned; chained: each epoch starts from the previous one, then Procrustes-aligned); independent: one t-SNE per epoch, as the write-up did.");

    /// <summary>C4: the comparison player (frames = models, last epoch of each) first, then the per-model sections.</summary>
    private static List<PageBlock> Comparison(AnimatorOptions o, TextTask task, IReadOnlyList<AnimatorRun> runs, ProjectedSequence c, int colour)
    {
        var columns = Enumerable.Range(0, task.LabelNames.Count).OrderBy(k => k == colour ? 0 : 1).ThenBy(k => k)
            .Select(k => new LabelColumn(task.LabelNames[k], task.ValCodes(k), Categories(task, k), ClassColours)).ToList();
        var data = new PointCloudData(task.ValIds, [.. runs.Select(r => $"{r.Member} (epoch {r.StoppedAfter})")],
            [new PointLayout("chained", c.Frames, [new LayoutMetric("trustworthiness", c.Trustworthiness), new LayoutMetric("worst trustworthiness", c.MinTrustworthiness)])], columns)
        {
            Title = "Model comparison: the same validation texts, from one model's representation to the next",
            Alt = $"Animated scatter of {task.ValRows} validation texts moving between the last-epoch representations of {string.Join(", ", runs.Select(r => r.Member))}.",
            Texts = [.. task.ValTexts.Select(t => t.Length > 240 ? t[..240] + "…" : t)],
            ShowNeighbours = true,
        };
        return
        [
            new MarkdownBlock("### Model comparison\n\nEach frame is one model's last-epoch representation of the same validation texts. The spaces differ, so each is fitted on its own, " +
                "starting from the previous model's layout and Procrustes-aligned onto it (a joint fit would compare unrelated coordinates; temporal stability is undefined across spaces). " +
                $"Trustworthiness (k = {o.QualityK}): mean {Num(c.Trustworthiness)}, worst {Num(c.MinTrustworthiness)}."),
            new HtmlBlock(PointCloudPlayer.Html("comparison", data)),
        ];
    }

    /// <summary>C5: the word-vector drift player and the neighbour table, appended.</summary>
    private static List<PageBlock> Drift(ExperimentSpec spec, AnimatorOptions o, DriftMeasures drift)
    {
        var (data, nbs, share, k, pairs) = drift;
        string shareText = share is null ? "" :
            $"\n\nWords are coloured toxic by {share.Rule}: {share.Words} of the {data.Ids.Count} drawn words ({string.Join(", ", share.Drawn)}). " +
            $"Of each toxic word's {k} nearest words (cosine), on average {Num(share.Before)} are toxic before training and {Num(share.After)} after " +
            $"(chance: {Num(share.BaseRate)}).";
        return
        [
            new MarkdownBlock($"### Word-embedding drift\n\nThe {data.Ids.Count} most frequent words' vectors (normalised) before and after training, laid out jointly; " +
                $"the chosen words are lettered. Missing from the vocabulary: {Missing(o, nbs)}.{shareText}"),
            new HtmlBlock(PointCloudPlayer.Html("word-drift", data)),
            new TableBlock("Nearest words before and after training (cosine)", ["word", $"{k} nearest before", $"{k} nearest after", "kept"],
                nbs.Select(w => (IReadOnlyList<string>)[w.Word, string.Join(", ", w.Before), string.Join(", ", w.After), Num(w.Overlap)]).ToList(),
                "Kept: the fraction of a word's nearest neighbours that are still among them after training (1 = its neighbourhood did not change)."),
            .. PairsTable(o, pairs),
        ];
    }

    /// <summary>"Closer" measured: each listed pair's cosine similarity before and after training.</summary>
    private static IEnumerable<PageBlock> PairsTable(AnimatorOptions o, IReadOnlyList<PairDrift> pairs)
    {
        if (o.DriftPairs.Count == 0) yield break;
        var missing = o.DriftPairs.Select(PairDrifts.Split).Where(p => !pairs.Any(x => x.A == p.A && x.B == p.B)).Select(p => $"{p.A}–{p.B}").ToList();
        yield return new TableBlock("Word pairs: cosine similarity before and after training",
            ["pair", "before", "after", "closer?"],
            pairs.Select(p => (IReadOnlyList<string>)[$"{p.A} – {p.B}", Num(p.Before), Num(p.After), p.Closer ? "yes" : "no"]).ToList(),
            "\"Closer\" is measured as a rise of the cosine similarity of the two words' vectors." +
            (missing.Count > 0 ? $" Not in this corpus's vocabulary, so not measured: {string.Join(", ", missing)}." : ""));
    }

    private static string Missing(AnimatorOptions o, IReadOnlyList<WordNeighbours> nbs)
    {
        string m = string.Join(", ", o.DriftWords.Where(w => nbs.All(n => n.Word != w)));
        return m.Length > 0 ? m : "none";
    }

    private static string Describe(ExperimentSpec spec, AnimatorRun run) =>
        $"`{string.Join(" → ", spec.Members.First(m => m.Name == run.Member).Layers.Select(l => l.Units > 0 ? $"{ModelMember.WrittenKind(l)} {l.Units}" : ModelMember.WrittenKind(l)))}`, " +
        $"{run.StoppedAfter} of {spec.Epochs} epochs run{(run.StoppedAfter < spec.Epochs ? " (early stopping)" : "")}, final validation accuracy {Num(run.ValAccuracy[^1])}";

    /// <summary>The static figures' class colours, so the player colours the same classes the same way.</summary>
    private static readonly string[] ClassColours = [Palettes.ClassColor(Palettes.OkabeIto, 0), Palettes.ClassColor(Palettes.OkabeIto, 1)];

    internal static string[] Categories(TextTask task, int col) =>
        task.LabelNames.Count == 1 && task.LabelNames[0] == "positive" ? ["negative", "positive"] : [$"not {task.LabelNames[col]}", task.LabelNames[col]];

    private static PointCloudData Player(ExperimentSpec spec, TextTask task, AnimatorRun run, IReadOnlyList<ProjectedSequence> seqs, int colour, string heading)
    {
        var columns = Enumerable.Range(0, task.LabelNames.Count).OrderBy(c => c == colour ? 0 : 1).ThenBy(c => c)
            .Select(c => new LabelColumn(task.LabelNames[c], task.ValCodes(c), Categories(task, c), ClassColours)).ToList();
        var layouts = seqs.Select(s => new PointLayout(s.Name, s.Frames,
            [new LayoutMetric("temporal stability", s.Stability), new LayoutMetric("trustworthiness", s.Trustworthiness)])).ToList();
        return new PointCloudData(task.ValIds, [.. Enumerable.Range(1, run.StoppedAfter).Select(e => $"epoch {e}")], layouts, columns)
        {
            Title = $"Validation texts across epochs{heading}",
            Alt = $"Animated scatter of {task.ValRows} validation texts over {run.StoppedAfter} epochs, coloured by label; toggle aligned and independent layouts.",
            Texts = [.. task.ValTexts.Select(t => t.Length > 240 ? t[..240] + "…" : t)],
            ShowNeighbours = true,
            FramesPerSecond = 1,
        };
    }

    private static IEnumerable<PageBlock> Marked(RunContext ctx, TextTask task, AnimatorRun run, ProjectedSequence aligned, IReadOnlyList<HardExample> hard,
        int[] codes, string[] classNames, int colour, string tag, string heading)
    {
        var last = aligned.Frames[^1];
        yield return Publish.Figure(ctx, $"marked_last_epoch{tag}", Scatter(last, codes, classNames,
            $"Epoch {run.StoppedAfter}{heading}: the {hard.Count} most informative texts", hard, 760, 560),
            "Lettered: texts whose nearest neighbours in the representation mostly carry the other label, or that the model confidently predicts against their label (suspected mislabels). Their texts and neighbours are in the table below.");
        string Short(int i) => task.ValTexts[i].Length > 160 ? task.ValTexts[i][..160] + "…" : task.ValTexts[i];
        yield return new TableBlock($"Hard examples{heading}", ["", "label", "p(" + task.LabelNames[colour] + ")", "other-label neighbours", "text", "its 3 nearest neighbours (label: text)"],
            hard.Select(h => (IReadOnlyList<string>)[h.Letter, classNames[h.Label], Num(h.Probability), Num(h.NeighbourDisagreement), Short(h.Index),
                string.Join(" | ", h.Neighbours.Take(3).Select(j => $"{classNames[codes[j]]}: {Short(j)}"))]).ToList(),
            task.ValTags is { } t ? "Ranked by neighbour disagreement + |p − label|. Generated-data ground truth of the lettered texts: " +
                string.Join(", ", hard.Select(h => $"{h.Letter}: {(t[h.Index].Length == 0 ? "no tags" : t[h.Index])}")) + "." : "Ranked by neighbour disagreement + |p − label|.");
    }

    private static Figure Scatter(float[] xy, int[] codes, string[] classNames, string title, IReadOnlyList<HardExample> marked, double w, double h)
    {
        int n = codes.Length;
        double[] xs = [.. Enumerable.Range(0, n).Select(i => (double)xy[2 * i])];
        double[] ys = [.. Enumerable.Range(0, n).Select(i => (double)xy[2 * i + 1])];
        var marks = new List<Mark> { ScatterMark.ByClass(xs, ys, codes, classNames, radius: 2.6, opacity: 0.75) };
        double span = Math.Max(xs.Max() - xs.Min(), ys.Max() - ys.Min());
        foreach (var m in marked)
        {
            double x = xs[m.Index], y = ys[m.Index], dx = span * 0.06, dy = span * 0.06;
            marks.Add(new ArrowMark(x + dx, y + dy, x, y, new LineStyle("#222222", 1.2), 6));
            marks.Add(new TextMark(x + dx, y + dy, m.Letter, new TextStyle("#000000", 13, Bold: true), 2, -2));
        }
        return Figure.Single(title, new Panel(marks, "", new Axis(""), new Axis(""), EqualAspect: true, Legend: LegendPosition.BottomLeft), w, h,
            $"{title}. Scatter of {n} validation texts after projection to 2-D, coloured {classNames[0]} / {classNames[1]}.");
    }

    private static void WriteData(RunContext ctx, TextTask task, AnimatorRun run, IReadOnlyList<ProjectedSequence> seqs, int[] codes, string tag)
    {
        for (int e = 0; e < run.StoppedAfter; e++)
        {
            var f = run.Frames[e];
            ctx.Artifacts.Csv($"data/representation{tag}_epoch{e + 1:00}.csv", ["id", "label", .. Enumerable.Range(0, run.Dim).Select(c => $"h{c}")],
                Enumerable.Range(0, task.ValRows).Select(i => (IReadOnlyList<object>)[task.ValIds[i], codes[i], .. Enumerable.Range(0, run.Dim).Select(c => (object)f[i * run.Dim + c])]));
        }
        foreach (var s in seqs)
            ctx.Artifacts.Npy($"data/layout{tag}_{s.Name}.npy", [.. s.Frames.SelectMany(x => x)], s.Frames.Length, task.ValRows, 2);
    }
}
