using System.Globalization;
using NnViz.Data;
using NnViz.Engine.Nn;
using NnViz.Lab.Explain;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Lab.Text;
using static NnViz.Lab.Experiments.Occlusion.OcclusionKind;

namespace NnViz.Lab.Experiments.Occlusion;

/// <summary>The D1 page: the write-up's toy record and test records as occlusion heatmaps, the activation display, word occlusion.</summary>
internal static class OcclusionPage
{
    /// <summary>Seed 001's toy record (figure 2).</summary>
    public const string ToyTitle = "Exploration of humans, society and R";
    public const string ToyAbstract = "We used methods and techniques to do stuff. Weber Freud and vocabulary acquisition were explored. Then we did more stuff. Our code can be found on Github.";

    public static ExperimentOutput Build(ExperimentSpec spec, OcclusionOptions o, RunContext ctx, OcclusionRecords r, TrainedModel trained, OcclusionMeasures measured)
    {
        var (c, nTrain, nTest, inputs, model) = r;
        var blocks = new List<PageBlock>();
        bool generated = c.Generated;
        blocks.Add(new MarkdownBlock(
            $"Data: **{(generated ? "generated title/abstract records" : c.Name)}** ({nTrain} train, {nTest} test){(generated ? "; the known rule: positive iff the title names a trigger method (neural network, deep learning model, recurrent network) AND the abstract contains \"our method outperforms the strongest baseline\"" : "")}. " +
            $"Test accuracy after {spec.Epochs} epochs: {Num(trained.TestAccuracy[^1])}.\n\n" +
            "The occlusion heatmap (seed 001, figures 2-3): rows are title prefixes (first word at the bottom), columns are abstract prefixes by whole sentences; " +
            "each cell is P(positive) of the model reading only that much. Fixed 0..1 scale, diverging red-white-blue with white at 0.5 (the decision threshold), so heatmaps of different records compare directly."));
        blocks.Add(measured.Comparison.Block(""));
        string? thumb = null;
        if (measured.Toy is { } toy)
        {
            var b = Heatmap(ctx, "occlusion_toy", "The write-up's toy record", toy,
                "The write-up's model read this as computational (0.64 -> 0.41 -> 0.89, 0.95 with \"R\"); ours was trained on a different corpus, so only the form of the figure compares.");
            thumb = b.Path;
            blocks.Add(b);
        }
        int[] testIdx = [.. Enumerable.Range(nTrain, nTest)];
        var shown = testIdx.Where(i => c.Labels[i] >= 0.5f).Take(Math.Max(1, o.RecordsShown - 1))
            .Concat(testIdx.Where(i => c.Labels[i] < 0.5f && (c.Tags?[i] ?? "").Contains("trigger", StringComparison.Ordinal)).Take(1)).ToList();
        if (spec.Wants("occlusion_records"))
            for (int k = 0; k < shown.Count; k++)
            {
                int i = shown[k];
                var g = OcclusionGrid.Compute(model, inputs, c.Titles[i], c.Abstracts[i]);
                blocks.Add(Heatmap(ctx, $"occlusion_records_{k + 1}", $"Test record {c.Ids[i]} (label {(c.Labels[i] >= 0.5f ? "positive" : "negative")})", g,
                    generated ? $"Known triggers of this record: {(string.IsNullOrEmpty(c.Tags?[i]) ? "none" : c.Tags![i])} (0-based title word / abstract sentence); the colour should turn blue only above and right of both." : "A test record."));
            }
        if (spec.Wants("activations")) blocks.AddRange(Activations(spec, ctx, inputs, model));
        if (spec.Wants("word_occlusion"))
        {
            var rows = new List<ImpactRow>();
            foreach (var (t, a, label) in new[] { (ToyTitle, ToyAbstract, (string?)null) }.Concat(shown.Take(2).Select(i => (c.Titles[i], c.Abstracts[i], (string?)(c.Labels[i] >= 0.5f ? "POS" : "NEG")))))
            {
                var (tr, ar) = WordOcclusion.Compute(model, inputs, t, a, "final", label);
                rows.Add(tr);
                rows.Add(ar);
            }
            string path = ctx.Artifacts.Text("figures/word_occlusion.svg", WordImpactFigure.Svg("Word-level occlusion: remove one word at a time", rows));
            blocks.Add(new FigureBlock(path, "Word-level occlusion", "Rows of words coloured by how much removing each one lowers (green) or raises (red) P(positive)",
                "The next step the write-up asks for: each word is removed on its own and the change P(full) - P(without the word) colours it (green = the word supports \"positive\", red = it works against, grey = under a tenth of the row's largest change).", []));
        }
        return new ExperimentOutput(blocks, measured.Metrics, generated ? $"generated: title/abstract records ({nTrain} train, {nTest} test)" : c.Name, generated, thumb);
    }

    private static IEnumerable<PageBlock> Activations(ExperimentSpec spec, RunContext ctx, TitleAbstractInputs inputs, GraphModel model)
    {
        var member = spec.Members[0];
        var layer = member.Layers.FirstOrDefault(l => member.Input(l) == "abstract" && l.ReturnSequences);
        if (layer is null) yield break;
        model.Predict(inputs.Batch([ToyTitle], [ToyAbstract]), 1, [layer.Name], out var cap);
        var act = cap[layer.Name];
        int steps = inputs.Abstract.MaxLength, units = act.Length / steps;
        var ids = inputs.Abstract.Ids(ToyAbstract);
        int len = Math.Min(ids.Length, steps);
        var words = Tokenizer.Keras.Tokenize(ToyAbstract).TakeLast(len).ToArray();
        var values = new double[units * len];
        for (int u = 0; u < units; u++)
            for (int t = 0; t < len; t++) values[u * len + t] = act[(steps - len + t) * units + u];
        var h = new HeatmapData($"Per-word activations of {layer.Name} ({units} units x {len} words)", [.. Enumerable.Range(0, units).Select(u => $"unit {u}")], words, values, -1, 1, "unit", "abstract word")
        { FirstRowAtBottom = false, Numbers = false, ScaleTitle = "activation", Description = "Each column is a word of the toy abstract, each row one unit of the first abstract LSTM layer; colour is the activation from -1 (red) to 1 (blue)." };
        string path = ctx.Artifacts.Text("figures/activations.svg", HeatmapFigure.Svg(h, 9));
        yield return new MarkdownBlock("## The activation display the write-up criticises\n\n" +
            "Seed 001's first attempt (its figure 1) shows every unit's activation at every word. Its own criticism holds here: the display asks the reader to compare " +
            $"{units} x {len} floating-point values with no spatial relation between units (unit 1 is no closer to unit 2 than to unit {units - 1}, so the unit axis is categorical), and the magnitude of an activation is not guaranteed to correlate with its significance for the output. The occlusion heatmap above answers the question the reader actually has.");
        yield return new FigureBlock(path, h.Title, "Heatmap of LSTM unit activations per word of the toy abstract", "Rows = units, columns = words; red -1, white 0, blue +1.", []);
    }

    private static FigureBlock Heatmap(RunContext ctx, string id, string title, OcclusionGrid g, string caption)
    {
        var h = new HeatmapData(title, [.. g.TitleWords.Select((w, r) => r == 0 ? w : "… " + w)], [.. g.Sentences.Select((s, k) => $"+{k + 1}: {s}")], g.Probabilities, 0, 1,
            "title prefix (up to this word)", "abstract prefix (up to this sentence)")
        { ScaleTitle = "P(positive)", Description = $"{title}: P(positive) for every title prefix (rows) and abstract prefix by sentences (columns), red 0 - white 0.5 - blue 1." };
        string path = ctx.Artifacts.Text($"figures/{id}.svg", HeatmapFigure.Svg(h));
        ctx.Artifacts.Csv($"data/{id}.csv", ["title_words", "abstract_sentences", "probability"],
            Enumerable.Range(0, g.Probabilities.Length).Select(k => (IReadOnlyList<object>)[k / g.Sentences.Length + 1, k % g.Sentences.Length + 1, g.Probabilities[k]]));
        return new FigureBlock(path, title, title + " as an occlusion heatmap", caption, [$"data/{id}.csv"]);
    }

    private static string Num(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
}
