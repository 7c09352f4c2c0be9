using System.Globalization;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Experiments.Pipeline;
using NnViz.Lab.Explain;
using NnViz.Lab.Text;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Plot;
using NnViz.Web;
using static NnViz.Lab.Experiments.ImdbLstm.ImdbLstmKind;
using static NnViz.Lab.Experiments.ImdbLstm.ImdbLstmMeasures;

namespace NnViz.Lab.Experiments.ImdbLstm;

/// <summary>The D2 page: word-impact rows (write-up sentences, UCI sentences, per checkpoint), three linked layer spaces, probes, accuracy.</summary>
internal static class ImdbLstmPage
{
    public static ExperimentOutput Build(ExperimentSpec spec, ImdbLstmOptions o, RunContext ctx, ReviewData data, TrainedCheckpoints trained, ImdbLstmMeasures measured)
    {
        var blocks = new List<PageBlock>();
        var metrics = measured.Metrics;
        int epochs = spec.Epochs;

        // Word impacts (seed 004 figures 1, 4-7).
        var (writeUp, training, uci, authors) = measured.Impacts;
        double pBoring = writeUp[0].Probability, pFilm = writeUp[1].Probability, pNot = writeUp[2].Probability;
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
        blocks.AddRange(LayerSpaceBlocks(spec, o, ctx, data, measured.Spaces, metrics));

        if (spec.Wants("accuracy_curves"))
        {
            double[] es = [.. Enumerable.Range(0, epochs + 1).Select(e => (double)e)];
            blocks.Add(Publish.Figure(ctx, "accuracy_curves", NnViz.Plot.Figure.Single("Test accuracy by epoch",
                new Panel([new LineMark(es, trained.TestAccuracy, new LineStyle(Palettes.ClassColor(Palettes.OkabeIto, 0), 2), "test accuracy")], "",
                    new Axis("epoch"), new Axis("accuracy", new DataRange(0.4, 1.0)), Legend: LegendPosition.BottomRight), 640, 360,
                "Test accuracy after every epoch (threshold 0.5)."), $"The write-up reports about 80 % on the full aclImdb test set after 10 epochs; here {Num(trained.TestAccuracy[epochs])} on {data.Used}."));
        }
        blocks.Add(measured.Comparison.Block(""));
        blocks.Add(new TableBlock("Checkpoints", ["epoch", "training loss", "test accuracy"],
            Enumerable.Range(0, epochs + 1).Select(e => (IReadOnlyList<string>)[e.ToString(CultureInfo.InvariantCulture), e == 0 ? "-" : Num(trained.Loss[e]), Num(trained.TestAccuracy[e])]).ToList(),
            "Model files: checkpoints/epoch_NN.nnvz (NnViz.Engine ModelFile) and checkpoints/vocabulary.json; `nnviz serve` loads them."));
        return new ExperimentOutput(blocks, metrics, data.Used, data.Generated, thumb);
    }

    /// <summary>The features and layouts of every explained epoch, and the shown reviews, as data files.</summary>
    private static string[] WriteSpaces(RunContext ctx, ReviewData data, LayerSpaces s)
    {
        int n = s.Shown.Length;
        for (int l = 0; l < 3; l++)
            for (int k = 0; k < s.Epochs.Count; k++)
            {
                ctx.Artifacts.Npy($"data/features_{SpaceKeys[l]}_epoch_{s.Epochs[k]:00}.npy", s.Features[k][l].Values, n, s.Features[0][l].Dim);
                ctx.Artifacts.Npy($"data/layout_{SpaceKeys[l]}_epoch_{s.Epochs[k]:00}.npy", LayerSpaceLayout.ToFloat(s.Layouts[l][k].Coordinates), n, 2);
            }
        string[] texts = [.. s.Shown.Select(i => Short(data.Test.Texts[i], 280))];
        int[] testLabels = data.TestLabels;
        ctx.Artifacts.Csv("data/space_points.csv", ["row", "id", "label", "text"],
            s.Shown.Select((i, r) => (IReadOnlyList<object>)[r, data.Test.Ids[i], testLabels[i], texts[r]]));
        ctx.Artifacts.Json("data/space_epochs.json", s.Epochs);
        return texts;
    }

    /// <summary>The three linked point-cloud players (one per layer space), in one row.</summary>
    private static HtmlBlock Players(ReviewData data, LayerSpaces s, string[] texts)
    {
        int[] testLabels = data.TestLabels;
        int[] shownY = [.. s.Shown.Select(i => testLabels[i])];
        var frameLabels = s.Epochs.Select(e => $"epoch {e}").ToList();
        var columns = new List<LabelColumn> { new("predicted (last epoch)", Predicted(s.Predictions[^1]), ["NEG", "POS"], ["#d73027", "#1a9850"]) };
        columns.AddRange(s.Epochs.Select((e, k) => new LabelColumn($"predicted (epoch {e})", Predicted(s.Predictions[k]), ["NEG", "POS"], ["#d73027", "#1a9850"])));
        columns.Add(new LabelColumn("true label", shownY, ["NEG", "POS"], ["#d73027", "#1a9850"]));
        string[] ids = [.. s.Shown.Select(i => data.Test.Ids[i])];
        var players = Enumerable.Range(0, 3).Select(l => PointCloudPlayer.Html($"space-{SpaceKeys[l]}", new PointCloudData(ids, frameLabels,
            [new PointLayout("aligned", [.. s.Layouts[l].Select(f => LayerSpaceLayout.ToFloat(f.Coordinates))])], columns)
        {
            Title = s.Features[0][l].Layer, Alt = $"Isomap of the {s.Features[0][l].Layer} space of {s.Shown.Length} test reviews, coloured by predicted label",
            Texts = texts, Group = "imdb-spaces", SyncFrames = true, ShowNeighbours = true, AspectRatio = 0.9,
        })).ToList();
        return new HtmlBlock(NnViz.Web.ReportParts.Columns(players, 3, "nv-row3"));
    }

    private static List<PageBlock> LayerSpaceBlocks(ExperimentSpec spec, ImdbLstmOptions o, RunContext ctx, ReviewData data, LayerSpaces s,
        IReadOnlyDictionary<string, double> metrics)
    {
        int epochs = spec.Epochs, n = s.Shown.Length;
        string[] texts = WriteSpaces(ctx, data, s);
        var blocks = new List<PageBlock>
        {
            new MarkdownBlock("## Layer spaces\n\n" +
                $"{n} fixed test reviews after the Embedding (mean over words), the LSTM and the hidden Dense layer, each reduced to 2-D with Isomap (k = {o.IsomapNeighbors}), " +
                $"at epochs {string.Join(", ", s.Epochs)}; earlier checkpoints are rotated onto the last by Procrustes so the frames line up. Colour = predicted label (switch to the true label or an earlier epoch's prediction in the menu). " +
                "Hover a point to read the review and its 3 nearest neighbours in that chart; click or shift-drag to select reviews: they are highlighted in all three charts. The players share their time slider."),
            Players(data, s, texts),
        };
        if (spec.Wants("layer_spaces"))
        {
            var panels = Enumerable.Range(0, 3).Select(l =>
            {
                var c = s.Layouts[l][^1].Coordinates;
                return new Panel([ScatterMark.ByClass([.. Enumerable.Range(0, n).Select(i => c[2 * i])], [.. Enumerable.Range(0, n).Select(i => c[2 * i + 1])],
                    Predicted(s.Predictions[^1]), ["predicted NEG", "predicted POS"], radius: 2.4, opacity: 0.8)],
                    $"{s.Features[^1][l].Layer} (probe acc {Num(metrics[$"probe_accuracy_{SpaceKeys[l]}"])})", new Axis("isomap 1"), new Axis("isomap 2"),
                    Legend: l == 0 ? LegendPosition.BottomLeft : LegendPosition.None);
            }).ToList();
            blocks.Add(Publish.Figure(ctx, "layer_spaces", new NnViz.Plot.Figure($"Layer spaces after {epochs} epochs (Isomap)", panels, 960, 360, 3,
                "Three scatter plots of the same test reviews: pooled embeddings, LSTM output and hidden Dense output, each laid out by Isomap and coloured by predicted label."),
                "The static version of the charts above (last checkpoint).", "data/space_points.csv", $"data/layout_lstm_epoch_{epochs:00}.npy"));
        }
        var probeRows = s.Probes.Select(p => (IReadOnlyList<string>)[p.Layer, p.Dim.ToString(CultureInfo.InvariantCulture), Num(p.TrainAccuracy), Num(p.ShownAccuracy)]).ToList();
        blocks.Add(new TableBlock("Linear probes (last checkpoint)", ["layer", "width", "probe accuracy (train reviews)", "probe accuracy (shown test reviews)"], probeRows,
            $"Measure: {SdcaProbe.Measure}, on each layer's output, fitted on up to {o.ProbeTrain} training reviews (options.probe_train, stratified) and scored on the shown test reviews against their true labels. " +
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

    private static int[] Predicted(float[] p) => Array.ConvertAll(p, Accuracy.Predicted);
    private static string Short(string s, int max) => s.Length <= max ? s : s[..max] + "…";
    private static string Signed(double v) => v.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);
}
