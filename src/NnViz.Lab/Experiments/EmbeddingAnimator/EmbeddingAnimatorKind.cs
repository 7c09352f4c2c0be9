using NnViz.Data;
using NnViz.Engine;

using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.EmbeddingAnimator;

/// <summary>
/// Catalogue C (seed 000, the Neural Embedding Animator): train a text classifier, record every validation text's
/// representation (record.layer, by default the layer before the output) after each epoch, project the epochs to 2-D
/// twice — jointly fitted and Procrustes-aligned, and independently per epoch as the write-up did — and animate them
/// with the temporal stability and trustworthiness of each printed beside it. The last epoch is also shown static
/// with the most informative points lettered (C3).
/// </summary>
public sealed class EmbeddingAnimatorKind : IExperimentKind
{
    public string Kind => "embedding-animator";
    public string Summary => "text classifier's hidden representations animated across epochs (aligned vs independent projections, C1-C3)";

    private static Field[] TextFields(params Field[] extra) =>
    [
        new Field("kind", FieldType.String, "data kind"),
        new Field("n", FieldType.Int, "training texts") { Required = true, Rule = Rules.AtLeast(10) },
        new Field("val_n", FieldType.Int, "validation texts (the animated points)") { Required = true, Rule = Rules.AtLeast(10) },
        new Field("num_words", FieldType.Int, "vocabulary size (Keras num_words)") { Default = 5000L, Rule = Rules.AtLeast(3) },
        new Field("max_length", FieldType.Int, "tokens per text after padding/truncating (pre)") { Default = 60L, Rule = Rules.AtLeast(1) },
        .. extra,
    ];

    public IReadOnlyDictionary<string, Schema> DataSchemas { get; } = new Dictionary<string, Schema>
    {
        ["reviews"] = new("restaurant reviews: Yelp's review JSON, else the UCI Yelp sentences, else generated", TextFields(
            SourceField, FolderField,
            new Field("label_noise", FieldType.Double, "generated reviews: fraction of labels flipped (tagged label-noise)") { Default = 0.0, Rule = Rules.Range(0, 1) })),
        ["toxic"] = new("toxic comments (Jigsaw's six labels): Jigsaw, else generated", TextFields(
            SourceField, FolderField,
            new Field("toxic_rate", FieldType.Double, "generated comments: fraction of toxic comments") { Default = 0.4, Rule = Rules.Range(0, 1) })),
        ["yelp"] = new("Yelp reviews (1-3 stars negative, 4-5 positive)", TextFields(
            new Field("folder", FieldType.String, "data folder (default NNVIZ_DATA, then ./data)"))),
        ["jigsaw"] = new("Jigsaw toxic comments train.csv (or the sample)", TextFields(
            new Field("folder", FieldType.String, "data folder (default NNVIZ_DATA, then ./data)"))),
    };

    private static Field SourceField => new("source", FieldType.String,
        "real: the write-up's data from the data folder (an error when absent); generated: NnVizRepro's corpus; auto: real when found, else generated (said on the console and the page)")
        { Default = "auto", OneOf = ["auto", "real", "generated"] };

    private static Field FolderField => new("folder", FieldType.String, "data folder (default NNVIZ_DATA, then ./data)");

    public Schema OptionsSchema { get; } = CommonOptions.With(
        new Field("projection", FieldType.String, "2-D method") { Default = "tsne", OneOf = ["tsne", "umap", "pca"] },
        new Field("perplexity", FieldType.Double, "t-SNE perplexity (capped at (n-1)/3)") { Default = 30.0, Rule = Rules.Positive() },
        new Field("iterations", FieldType.Int, "t-SNE iterations (a third of them early exaggeration, at most 250)") { Default = 750L, Rule = Rules.AtLeast(10) },
        new Field("aligned_strategy", FieldType.String, "the aligned layout: joint (one fit of all epochs stacked), dynamic (movement penalty) or chained (each epoch starts from the previous)") { Default = "joint", OneOf = ["dynamic", "joint", "chained"] },
        new Field("movement_penalty", FieldType.Double, "joint fit: weight of each point's movement between epochs") { Default = 1.0, Rule = Rules.NonNegative() },
        new Field("quality_k", FieldType.Int, "neighbours for trustworthiness and kNN accuracy") { Default = 10L, Rule = Rules.AtLeast(1) },
        new Field("colour_label", FieldType.String, "label colouring the points first (the page can switch)"),
        new Field("pretrained", FieldType.String, "initialise the embedding from word vectors in the data folder") { Default = "none", OneOf = ["none", "glove"] },
        new Field("vectors_folder", FieldType.String, "data folder for the word vectors (default NNVIZ_DATA, then ./data)"),
        new Field("drift_words", FieldType.StringList, "words whose vectors and neighbours are followed (C5)"),
        new Field("drift_pairs", FieldType.StringList, "word pairs ('food ramen') whose cosine similarity before and after training is measured (C5's 'closer' claims)"),
        new Field("drift_colour", FieldType.String, "word-drift colouring: the chosen words, or also toxic words (the generated corpus's lexicon; on real comments the words that mark toxic training comments) and their toxic neighbours measured") { Default = "chosen", OneOf = ["chosen", "toxic_lexicon"] },
        new Field("drift_top_words", FieldType.Int, "most frequent words drawn in the drift animation") { Default = 300L, Rule = Rules.AtLeast(10) },
        new Field("marked_points", FieldType.Int, "points lettered on the last epoch (C3)") { Default = 12L, Rule = Rules.AtLeast(0) });

    public IReadOnlyList<string> FigureIds { get; } = ["first_epoch", "animation", "separation", "consistency", "marked_last_epoch", "training_curves", "comparison", "word_drift"];
    public IReadOnlyList<string> ProbeIds { get; } = ["representation", "val_loss", "val_accuracy"];

    /// <summary>The two layouts of each animation (see <see cref="AnimatorProjection.Layouts"/>).</summary>
    private static readonly string[] LayoutNames = ["aligned", "independent"];

    public IReadOnlyList<MetricInfo> Metrics { get; } =
    [
        new("knn_first", "kNN accuracy of the colour label in the recorded representation after epoch 1", MetricScope.PerMemberOfFamily),
        new("knn_last", "kNN accuracy of the colour label in the representation after the last epoch run", MetricScope.PerMemberOfFamily),
        new("silhouette_first", "silhouette of the colour label's classes in the representation after epoch 1", MetricScope.PerMemberOfFamily),
        new("silhouette_last", "silhouette of the colour label's classes after the last epoch run", MetricScope.PerMemberOfFamily),
        new("epochs_run", "epochs trained before early stopping (or all)", MetricScope.PerMemberOfFamily),
        new("final_val_accuracy", "validation accuracy (averaged over labels) after the last epoch run", MetricScope.PerMemberOfFamily),
        new("first_epoch_loss", "mean training loss of epoch 1", MetricScope.PerMemberOfFamily),
        new("final_train_loss", "mean training loss of the last epoch run (with first_epoch_loss: did training lower the loss?)", MetricScope.PerMemberOfFamily),
        .. LayoutNames.SelectMany(l => new MetricInfo[]
        {
            new($"stability_{l}", $"temporal stability of the {l} layout (data motion vs screen motion, 1 = faithful)", MetricScope.PerMemberOfFamily),
            new($"trust_{l}", $"trustworthiness of the {l} layout, mean over epochs", MetricScope.PerMemberOfFamily),
            new($"min_trust_{l}", $"trustworthiness of the {l} layout at its worst epoch", MetricScope.PerMemberOfFamily),
        }),
        new("marked_mislabel_rate", "generated data with label noise: share of the lettered points that are flipped labels", MetricScope.PerMemberOfFamily),
        new("mislabel_base_rate", "generated data with label noise: share of flipped labels among all validation texts", MetricScope.PerMemberOfFamily),
        new("comparison_trust", "model comparison (C4): trustworthiness of the chained layouts, mean over models"),
        new("comparison_min_trust", "model comparison (C4): trustworthiness at the worst model"),
        new("drift_neighbour_overlap", "word drift (C5): mean share of a chosen word's 5 nearest words kept after training"),
        new("toxic_neighbour_share_before", "word drift (C5): mean share of toxic words among a toxic word's 5 nearest drawn words before training (toxic: the generated lexicon, or on real data words in >= 10 training comments, >= 90 % of them toxic)"),
        new("toxic_neighbour_share_after", "word drift (C5): the same share after training"),
        new("toxic_neighbour_base_rate", "word drift (C5): the share expected by chance"),
        new("drift_pairs_closer", "word drift (C5): share of the options.drift_pairs found in the vocabulary whose cosine similarity rose with training"),
        new("drift_pairs_measured", "word drift (C5): how many of options.drift_pairs were found in the vocabulary"),
        .. AnimatorScores.Declared,
    ];

    public object BindData(string dataKind, Section data) => TextData.Bind(dataKind, data);
    public object BindOptions(Section options) => AnimatorOptions.Bind(options);

    public void Validate(ExperimentSpec spec, ICollection<SpecError> errors)
    {
        int labels = spec.DataKind is "toxic" or "jigsaw" ? 6 : 1;
        foreach (var m in spec.Members)
        {
            if (m.Layers[0].Kind != "embedding")
                errors.Add(m.Error(m.Layers[0], "kind",
                    $"the first layer must be an embedding (texts arrive as token ids), received '{ModelMember.WrittenKind(m.Layers[0])}'"));
            var last = m.Layers[^1];
            if (last.Kind != "dense" || last.Units != labels || last.Activation != "sigmoid")
                errors.Add(m.Error(last, null,
                    $"the output must be dense with {labels} sigmoid unit(s) (one per label of '{spec.DataKind}'), received {ModelMember.WrittenKind(last)} with {last.Units} {last.Activation} unit(s)"));
            if (m.Layers.Count < 3)
                errors.Add(new SpecError(m.Where.File, m.Where.Line, m.Where.Column, "model", $"member '{m.Name}' needs a hidden layer between the embedding and the output to record"));
        }
        if (spec.Loss != "binary_crossentropy")
            errors.Add(new SpecError(spec.File, 1, 1, "loss", $"expected 'binary_crossentropy' with sigmoid outputs, received '{spec.Loss}'"));
        if (spec.Options.StringOrNull("colour_label") is { } c && labels == 6 && !Jigsaw.LabelNames.Contains(c))
            errors.Add(spec.Options.Error("colour_label", $"unknown label '{c}' (expected one of {string.Join(", ", Jigsaw.LabelNames)})"));
        if (spec.Options.String("drift_colour") == "toxic_lexicon" && spec.DataKind != "toxic")
            errors.Add(spec.Options.Error("drift_colour", $"toxic_lexicon colours toxic comments' words: it needs data kind 'toxic', received '{spec.DataKind}'"));
    }

    public IReadOnlyList<DataChoice> ChooseData(ExperimentSpec spec)
    {
        var texts = TextSources.Choose(spec.DataAs<TextData>());
        var o = spec.OptionsAs<AnimatorOptions>();
        return o.Pretrained != "glove" ? [texts] : [texts, DataChoice.Choose("vectors", "auto", o.VectorsFolder, [KnownDataSet.Glove6B50d])];
    }

    public ExperimentOutput Run(ExperimentSpec spec, RunContext ctx)
    {
        var o = spec.OptionsAs<AnimatorOptions>();
        var root = new Rng(spec.Seed);
        ctx.Report("reading data", 0);
        var choices = ChooseData(spec);
        foreach (var c in choices) c.WarnIfSubstituted(spec);
        var task = TextTask.Load(spec, root, choices[0], out DataUse? textUse);
        var (vectors, vectorsNote, vectorsUse) = PretrainedVectors(spec, choices.Count > 1 ? choices[1] : null, task, root);
        var runs = spec.Members.Select((m, i) => ctx.Part($"train-{m.Name}", () => AnimatorTraining.Train(spec, m, task, vectors, root,
            f => ctx.Report($"training {m.Name}", (i + f) / spec.Members.Count * 0.5)))).ToList();
        int colour = ColourColumn(o, task);
        int[] labels = task.ValCodes(colour);
        var projected = runs.Select((r, i) => ctx.Part($"project-{r.Member}", () =>
        {
            ctx.Report($"projecting {r.Member}", 0.5 + 0.4 * i / runs.Count);
            return AnimatorProjection.Layouts(o).Select(l => AnimatorProjection.Project(l.Name, r.Frames, task.ValRows, r.Dim,
                AnimatorProjection.Options(o, l.Strategy, l.Align, task.ValRows), root.Fork($"projection/{r.Member}/{l.Name}"))).ToList();
        })).ToList();
        var separation = runs.Select(r => AnimatorProjection.Separation(r.Frames, task.ValRows, r.Dim, labels, o.QualityK)).ToList();
        // C4: with several members, the same points move from one model's representation to the next (not stored as a part: its figures are NaN).
        var comparison = runs.Count > 1 && spec.Wants("comparison") ? ModelComparison.Project(runs, task.ValRows, o, root.Fork("projection/comparison")) : null;
        var measured = AnimatorMeasures.Measure(spec, o, task, runs, projected, separation, comparison, colour, root);
        ctx.Report("rendering", 0.9);
        var output = EmbeddingAnimatorPage.Build(spec, o, ctx, task, measured, vectorsNote);
        DataUse[] uses = [.. new[] { textUse, vectorsUse }.OfType<DataUse>()];
        return output with { DataUses = uses.Length == 0 ? null : uses };
    }

    /// <summary>The colour label's column: options.colour_label, else "toxic" for toxic data, else the first.</summary>
    internal static int ColourColumn(AnimatorOptions o, TextTask task)
    {
        int i = o.ColourLabel is { } want ? task.LabelNames.ToList().IndexOf(want) : 0;
        return Math.Max(i, 0);
    }

    /// <summary>GloVe rows for the vocabulary when asked and found; otherwise null and a note saying so.</summary>
    private static (float[]? Vectors, string Note, DataUse? Use) PretrainedVectors(ExperimentSpec spec, DataChoice? choice, TextTask task, Rng root)
    {
        if (choice is null) return (null, "embeddings initialised randomly (glorot uniform)", null);
        if (choice.Located is not LocatedDataSet set)
            return (null, $"GloVe vectors not found ({choice.Why}), so the embeddings are random vectors (glorot uniform)", null);
        var glove = set.ReadVectors();
        var embedding = spec.Members[0].Layers[0];
        var at = spec.Members[0].Sources[0];
        if (glove.Dim != embedding.Units)
            throw new DataException($"the vectors have {glove.Dim} dimensions but the embedding layer ({at.Where.File}:{at.Where.Line}:{at.Where.Column}) has {embedding.Units} units",
                set.Require("vectors").Path, hint: $"set {at.Path}.units to {glove.Dim}, or give vectors of {embedding.Units} dimensions");
        var m = EmbeddingAlignment.Align(glove, task.Vocabulary, root.Fork("vectors/oov"));
        var use = new DataUse(set.Identity(), FormattableString.Invariant($"rows for the {m.Coverage.Words} vocabulary words ({m.Coverage.Found} found)"), [new RowCount("words", m.Coverage.Found)]);
        string warnings = string.Concat(glove.Warnings.Select(w => "; " + choice.Warn(spec, w)));
        return (m.Weights, FormattableString.Invariant($"embeddings initialised from GloVe ({set.Info.Title}, {set.Require("vectors").Name}: {m.Coverage.Found}/{m.Coverage.Words} vocabulary words found, {100 * m.Coverage.TokenCoverage:F1} % of tokens; the rest N(0, sd²){warnings})"), use);
    }
}
