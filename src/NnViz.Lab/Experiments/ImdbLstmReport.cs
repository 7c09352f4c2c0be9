using System.Globalization;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Explain;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Lab.Text;
using NnViz.Plot;
using NnViz.Web;
using static NnViz.Lab.Experiments.ImdbLstmKind;

namespace NnViz.Lab.Experiments;

/// <summary>The D2 page: word-impact rows (write-up sentences, UCI sentences, per checkpoint), three linked layer spaces, probes, accuracy.</summary>
internal static class ImdbLstmReport
{
    public static ExperimentOutput Build(ExperimentSpec spec, RunContext ctx, ReviewData data, TrainedCheckpoints trained, Rng root)
    {
        var blocks = new List<PageBlock>();
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        int epochs = spec.Epochs;
        var models = new Sequential?[epochs + 1];
        Sequential Model(int e) => models[e] ??= Load(trained.Models[e]);
        var final = Model(epochs);
        metrics["test_accuracy"] = trained.TestAccuracy[epochs];
        metrics["best_test_accuracy"] = trained.TestAccuracy.Max();

        // Word impacts (seed 004 figures 1, 4-7).
        string Cp(int e) => $"epoch {e}";
        var writeUp = WriteUpSentences.Boring.Append(WriteUpSentences.Application).Concat(spec.Options.Strings("sentences"))
            .Select(s => WordImpact.Explain(final, data.Encoder, s, Cp(epochs))).ToList();
        double pBoring = writeUp[0].Probability, pFilm = writeUp[1].Probability, pNot = writeUp[2].Probability;
        metrics["p_boring"] = pBoring;
        metrics["p_not_boring"] = pNot;
        metrics["boring_not_gap"] = Math.Abs(pNot - pBoring);
        metrics["boring_film_gap"] = Math.Abs(pFilm - pBoring);
        var authors = writeUp[3].Words.First(w => w.Text == "authors");
        metrics["authors_impact"] = authors.Impact;
        var impactEpochs = Every(spec.Options.Int("impact_every"), epochs);
        var training = new[] { WriteUpSentences.Application, WriteUpSentences.Boring[2] }
            .SelectMany(s => impactEpochs.Select(e => WordImpact.Explain(Model(e), data.Encoder, s, Cp(e)))).ToList();
        var uci = WriteUpSentences.Uci.Select(u => WordImpact.Explain(final, data.Encoder, u.Text, Cp(epochs), u.Label)).ToList();
        ctx.Artifacts.Json("data/word_impacts.json", new { write_up = writeUp, training, uci });
        string? thumb = null;
        blocks.Add(new MarkdownBlock(Intro(spec, data, trained, epochs)));
        if (spec.Wants("word_impact"))
        {
            var b = Figure(ctx, "word_impact", "Word impacts of the write-up's sentences (final checkpoint)", writeUp,
                "Each word is coloured by how much appending it changes P(positive): green raises it, red lowers it, grey is below a tenth of the largest change in that sentence; opacity grows with the change. " +
                $"The write-up found \"This movie is boring!\", \"That film was boring!\" and \"This movie is not boring!\" all at NEG 0.56 (its model ignores \"not\"); ours gives {Num(pBoring)}, {Num(pFilm)} and {Num(pNot)}.");
            thumb = b.Path;
            blocks.Add(b);
        }
        if (spec.Wants("word_impact_training"))
            blocks.Add(Figure(ctx, "word_impact_training", "Word impacts while the model learns (every few epochs)", training,
                "One row per checkpoint, as in the write-up's figure 7: epoch 0 is the untrained model. The write-up saw \"authors\" pull its sentence down slightly " +
                $"(an unknown word or a bias of the training data); here \"authors\" {(data.Encoder.Vocabulary.Contains("authors") ? "is in the vocabulary" : "is unknown (OOV)")} and changes P(positive) by {Signed(authors.Impact)} at the end."));
        if (spec.Wants("word_impact_uci"))
            blocks.Add(Figure(ctx, "word_impact_uci", "The UCI sentences of the write-up's figure 1 (final checkpoint)", uci,
                "Label = the sentence's true label in the UCI Sentiment Labelled Sentences set; the model was trained on movie reviews, so product and restaurant words are often unknown (dotted)."));

        // Layer spaces (seed 004 figures 2, 3, 8).
        var spaces = LayerSpaces(spec, ctx, data, trained, root, Model, metrics);
        blocks.AddRange(spaces);

        if (spec.Wants("accuracy_curves"))
        {
            double[] es = [.. Enumerable.Range(0, epochs + 1).Select(e => (double)e)];
            blocks.Add(Publish.Figure(ctx, "accuracy_curves", NnViz.Plot.Figure.Single("Test accuracy by epoch",
                new Panel([new LineMark(es, trained.TestAccuracy, new LineStyle(Palettes.ClassColor(Palettes.OkabeIto, 0), 2), "test accuracy")], "",
                    new Axis("epoch"), new Axis("accuracy", new DataRange(0.4, 1.0)), Legend: LegendPosition.BottomRight), 640, 360,
                "Test accuracy after every epoch (threshold 0.5)."), $"The write-up reports about 80 % on the full aclImdb test set after 10 epochs; here {Num(trained.TestAccuracy[epochs])} on {data.Used}."));
        }
        blocks.Add(new TableBlock("Checkpoints", ["epoch", "training loss", "test accuracy"],
            Enumerable.Range(0, epochs + 1).Select(e => (IReadOnlyList<string>)[e.ToString(CultureInfo.InvariantCulture), e == 0 ? "-" : Num(trained.Loss[e]), Num(trained.TestAccuracy[e])]).ToList(),
            "Model files: checkpoints/epoch_NN.nnvz (NnViz.Engine ModelFile) and checkpoints/vocabulary.json; `nnviz serve` loads them."));
        return new ExperimentOutput(blocks, metrics, data.Used, data.Generated, thumb);
    }

    private static List<PageBlock> LayerSpaces(ExperimentSpec spec, RunContext ctx, ReviewData data, TrainedCheckpoints trained, Rng root,
        Func<int, Sequential> model, Dictionary<string, double> metrics)
    {
        int epochs = spec.Epochs;
        int[] testLabels = data.TestLabels;
        int[] shown = Sampling.Stratified(testLabels, spec.Options.Int("space_points"), root.Fork("data/space-points"));
        int n = shown.Length;
        float[] x = Sampling.Rows(data.TestX, shown, data.Encoder.MaxLength);
        var spaceEpochs = Every(spec.Options.Int("space_every"), epochs);
        var names = LayerNames(spec);
        var perEpoch = spaceEpochs.Select(e => LayerFeatures.Capture(model(e), x, n, names[0], names[1], names[2], out var p) is var f ? (f, p) : default).ToList();
        string[] keys = ["embedding", "lstm", "hidden"];
        var layouts = new SpaceFrame[3][];
        for (int l = 0; l < 3; l++)
        {
            int d = perEpoch[0].f[l].Dim;
            layouts[l] = LayerSpaceLayout.Fit(keys[l], [.. perEpoch.Select(p => p.f[l].Values)], n, d, spec.Options.Int("isomap_neighbors"), root);
            for (int k = 0; k < spaceEpochs.Count; k++)
            {
                ctx.Artifacts.Npy($"data/features_{keys[l]}_epoch_{spaceEpochs[k]:00}.npy", perEpoch[k].f[l].Values, n, d);
                ctx.Artifacts.Npy($"data/layout_{keys[l]}_epoch_{spaceEpochs[k]:00}.npy", LayerSpaceLayout.ToFloat(layouts[l][k].Coordinates), n, 2);
            }
        }
        string[] texts = [.. shown.Select(i => Short(data.Test.Texts[i], 280))];
        ctx.Artifacts.Csv("data/space_points.csv", ["row", "id", "label", "text"],
            shown.Select((i, r) => (IReadOnlyList<object>)[r, data.Test.Ids[i], testLabels[i], texts[r]]));
        ctx.Artifacts.Json("data/space_epochs.json", spaceEpochs);

        // Linear probes on the final checkpoint: fitted on training reviews, scored on the shown test reviews.
        int[] trainLabels = data.TrainLabels;
        int[] probeRows = Sampling.Stratified(trainLabels, spec.Options.Int("probe_train"), root.Fork("data/probe-train"));
        var probeX = Sampling.Rows(data.TrainX, probeRows, data.Encoder.MaxLength);
        var probeF = LayerFeatures.Capture(model(epochs), probeX, probeRows.Length, names[0], names[1], names[2], out _);
        int[] probeY = [.. probeRows.Select(i => trainLabels[i])];
        int[] shownY = [.. shown.Select(i => testLabels[i])];
        var probeRowsTable = new List<IReadOnlyList<string>>();
        for (int l = 0; l < 3; l++)
        {
            var fit = LinearProbe.Train(probeF[l].Values, probeRows.Length, probeF[l].Dim, probeY);
            double acc = LinearProbe.Accuracy(fit, perEpoch[^1].f[l].Values, n, perEpoch[^1].f[l].Dim, shownY);
            metrics[$"probe_accuracy_{keys[l]}"] = acc;
            probeRowsTable.Add([probeF[l].Layer, probeF[l].Dim.ToString(CultureInfo.InvariantCulture), Num(LinearProbe.Accuracy(fit, probeF[l].Values, probeRows.Length, probeF[l].Dim, probeY)), Num(acc)]);
        }
        metrics["probe_gain_lstm"] = metrics["probe_accuracy_lstm"] - metrics["probe_accuracy_embedding"];
        metrics["probe_gain_hidden"] = metrics["probe_accuracy_hidden"] - metrics["probe_accuracy_lstm"];

        var blocks = new List<PageBlock>();
        var frameLabels = spaceEpochs.Select(e => $"epoch {e}").ToList();
        var columns = new List<LabelColumn> { new("predicted (last epoch)", Predicted(perEpoch[^1].p), ["NEG", "POS"], ["#d73027", "#1a9850"]) };
        columns.AddRange(spaceEpochs.Select((e, k) => new LabelColumn($"predicted (epoch {e})", Predicted(perEpoch[k].p), ["NEG", "POS"], ["#d73027", "#1a9850"])));
        columns.Add(new LabelColumn("true label", shownY, ["NEG", "POS"], ["#d73027", "#1a9850"]));
        string[] ids = [.. shown.Select(i => data.Test.Ids[i])];
        var players = Enumerable.Range(0, 3).Select(l => PointCloudPlayer.Html($"space-{keys[l]}", new PointCloudData(ids, frameLabels,
            [new PointLayout("aligned", [.. layouts[l].Select(f => LayerSpaceLayout.ToFloat(f.Coordinates))])], columns)
        {
            Title = perEpoch[0].f[l].Layer, Alt = $"Isomap of the {perEpoch[0].f[l].Layer} space of {n} test reviews, coloured by predicted label",
            Texts = texts, Group = "imdb-spaces", SyncFrames = true, ShowNeighbours = true, AspectRatio = 0.9,
        })).ToList();
        blocks.Add(new MarkdownBlock("## Layer spaces\n\n" +
            $"{n} fixed test reviews after the Embedding (mean over words), the LSTM and the hidden Dense layer, each reduced to 2-D with Isomap (k = {spec.Options.Int("isomap_neighbors")}), " +
            $"at epochs {string.Join(", ", spaceEpochs)}; earlier checkpoints are rotated onto the last by Procrustes so the frames line up. Colour = predicted label (switch to the true label or an earlier epoch's prediction in the menu). " +
            "Hover a point to read the review and its 3 nearest neighbours in that chart; click or shift-drag to select reviews: they are highlighted in all three charts. The players share their time slider."));
        blocks.Add(new HtmlBlock(NnViz.Web.ReportParts.Columns(players, 3, "nv-row3")));
        if (spec.Wants("layer_spaces"))
        {
            var panels = Enumerable.Range(0, 3).Select(l =>
            {
                var c = layouts[l][^1].Coordinates;
                return new Panel([ScatterMark.ByClass([.. Enumerable.Range(0, n).Select(i => c[2 * i])], [.. Enumerable.Range(0, n).Select(i => c[2 * i + 1])],
                    Predicted(perEpoch[^1].p), ["predicted NEG", "predicted POS"], radius: 2.4, opacity: 0.8)],
                    $"{perEpoch[^1].f[l].Layer} (probe acc {Num(metrics[$"probe_accuracy_{keys[l]}"])})", new Axis("isomap 1"), new Axis("isomap 2"),
                    Legend: l == 0 ? LegendPosition.BottomLeft : LegendPosition.None);
            }).ToList();
            blocks.Add(Publish.Figure(ctx, "layer_spaces", new NnViz.Plot.Figure($"Layer spaces after {epochs} epochs (Isomap)", panels, 960, 360, 3,
                "Three scatter plots of the same test reviews: pooled embeddings, LSTM output and hidden Dense output, each laid out by Isomap and coloured by predicted label."),
                "The static version of the charts above (last checkpoint).", "data/space_points.csv", $"data/layout_lstm_epoch_{epochs:00}.npy"));
        }
        blocks.Add(new TableBlock("Linear probes (last checkpoint)", ["layer", "width", "probe accuracy (train reviews)", "probe accuracy (shown test reviews)"], probeRowsTable,
            "A logistic regression on each layer's output, fitted on training reviews and scored on the shown test reviews against their true labels. " +
            $"The write-up says the LSTM makes the data close to linearly separable and the hidden Dense layer barely changes it: LSTM minus embedding = {Signed(metrics["probe_gain_lstm"])}, hidden minus LSTM = {Signed(metrics["probe_gain_hidden"])}."));
        return blocks;
    }

    private static string Intro(ExperimentSpec spec, ReviewData data, TrainedCheckpoints t, int epochs) =>
        $"Data: **{data.Used}**{(data.Generated ? " (generated stand-in; the ground truth treats \"not boring\" as positive)" : "")}. " +
        $"Vocabulary {data.Encoder.Vocabulary.Size} ids (0 pad, 1 OOV), {data.Encoder.MaxLength} words per review. " +
        $"After {epochs} epochs the test accuracy is {Num(t.TestAccuracy[epochs])}.\n\n" +
        "Word impact (seed 004, section 3): the model is evaluated on every prefix of a sentence (\"This\", \"This movie\", ...) in one pass " +
        "(the LSTM's state after word t is the state of the prefix ending there) and each word is coloured by the change it brings.";

    private static FigureBlock Figure(RunContext ctx, string id, string title, IReadOnlyList<ImpactRow> rows, string caption)
    {
        string path = ctx.Artifacts.Text($"figures/{id}.svg", WordImpactFigure.Svg(title, rows));
        return new FigureBlock(path, title, title + ": word-impact rows", caption, ["data/word_impacts.json"]);
    }

    internal static List<int> Every(int step, int epochs) =>
        [.. Enumerable.Range(0, epochs + 1).Where(e => e % step == 0).Append(epochs).Distinct().Order()];

    /// <summary>The embedding, the LSTM and the hidden dense layer (the dense before the output).</summary>
    internal static string[] LayerNames(ExperimentSpec spec)
    {
        var ls = spec.Members[0].Layers;
        return [ls.First(l => l.Kind == "embedding").Name, ls.First(l => l.Kind == "lstm").Name, ls.Take(ls.Count - 1).Last(l => l.Kind == "dense").Name];
    }

    private static int[] Predicted(float[] p) => Array.ConvertAll(p, v => v >= 0.5f ? 1 : 0);
    private static Sequential Load(byte[] bytes) => (Sequential)ModelFile.Load(new MemoryStream(bytes));
    private static string Short(string s, int max) => s.Length <= max ? s : s[..max] + "…";
    private static string Num(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
    private static string Signed(double v) => v.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);
}
