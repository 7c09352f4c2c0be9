using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Engine.Training;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Experiments.Pipeline;
using NnViz.Lab.Explain;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Lab.Text;

namespace NnViz.Lab.Experiments.ImdbLstm;

/// <summary>The imdb-lstm options: the common ones, the checkpoints explained, the layer spaces and the linear probes.</summary>
public sealed record ImdbLstmOptions(CommonSettings Common, int ImpactEvery, int SpaceEvery, int SpacePoints, int IsomapNeighbors, int ProbeTrain,
    IReadOnlyList<string> Sentences)
{
    public static ImdbLstmOptions Bind(Section o) => new(CommonSettings.Bind(o), o.Int("impact_every"), o.Int("space_every"), o.Int("space_points"),
        o.Int("isomap_neighbors"), o.Int("probe_train"), o.Strings("sentences"));
}

/// <summary>
/// D2 (seed 004): an IMDB sentiment LSTM explained by word impacts per checkpoint and by the Isomap layouts of three
/// layer spaces. Trains the spec's model (Embedding -> LSTM -> Dropout -> Dense relu -> Dropout -> Dense sigmoid),
/// keeps a checkpoint per epoch (artifacts checkpoints/epoch_NN.nnvz + vocabulary.json, which `nnviz serve` loads).
/// </summary>
public sealed class ImdbLstmKind : IExperimentKind
{
    public string Kind => "imdb-lstm";
    public string Summary => "sentiment LSTM explained: word impact per checkpoint, Isomap of Embedding/LSTM/Dense spaces, linear probes";

    public IReadOnlyDictionary<string, Schema> DataSchemas { get; } = new Dictionary<string, Schema>
    {
        ["reviews"] = new("reviews data", [
            new Field("kind", FieldType.String, "data kind"),
            .. DataFields.SourceAndFolder(
                "auto: aclImdb when the data folder has it (the full set before the shared sample), else generated (said on the console and the page); aclimdb: aclImdb or an error; generated: the IMDB-like corpus",
                "auto", "aclimdb", "generated"),
            new Field("train", FieldType.Int, "training reviews") { Required = true, Rule = Rules.AtLeast(10) },
            new Field("test", FieldType.Int, "test reviews") { Required = true, Rule = Rules.AtLeast(10) },
            new Field("max_length", FieldType.Int, "words kept per review (Keras pad_sequences, pre)") { Default = 200L, Rule = Rules.AtLeast(2) },
            new Field("num_words", FieldType.Int, "vocabulary size incl. pad and OOV") { Default = 10000L, Rule = Rules.AtLeast(3) }]),
    };

    public Schema OptionsSchema { get; } = CommonOptions.With(
        new Field("impact_every", FieldType.Int, "word-impact checkpoints every n epochs (plus the last)") { Default = 2L, Rule = Rules.AtLeast(1) },
        new Field("space_every", FieldType.Int, "layer-space checkpoints every n epochs (plus the last)") { Default = 5L, Rule = Rules.AtLeast(1) },
        new Field("space_points", FieldType.Int, "fixed test reviews shown in the layer spaces") { Default = 500L, Rule = Rules.AtLeast(12) },
        new Field("isomap_neighbors", FieldType.Int, "k of Isomap's neighbourhood graph") { Default = 10L, Rule = Rules.AtLeast(2) },
        new Field("probe_train", FieldType.Int, "training reviews the linear probes are fitted on") { Default = 2000L, Rule = Rules.AtLeast(10) },
        new Field("sentences", FieldType.StringList, "extra sentences shown with word impacts"));

    public IReadOnlyList<string> FigureIds { get; } = ["word_impact", "word_impact_training", "word_impact_uci", "layer_spaces", "accuracy_curves"];
    public IReadOnlyList<string> ProbeIds { get; } = ["word_impact", "layer_spaces", "linear_probe", "accuracy"];

    public IReadOnlyList<MetricInfo> Metrics { get; } =
    [
        new("test_accuracy", "test accuracy after the last epoch"),
        new("best_test_accuracy", "the highest test accuracy of any epoch (0 included)"),
        new("first_epoch_loss", "mean training loss of epoch 1"),
        new("final_train_loss", "mean training loss of the last epoch (with first_epoch_loss: did training lower the loss?)"),
        new("p_boring", "P(positive) of \"This movie is boring!\" at the last checkpoint"),
        new("p_not_boring", "P(positive) of \"This movie is not boring!\" at the last checkpoint"),
        new("boring_not_gap", "|P(not boring) - P(boring)|: how much \"not\" changes the reading"),
        new("boring_film_gap", "|P(\"That film was boring!\") - P(boring)|: how much the wording changes it"),
        new("authors_impact", "the change of P(positive) that \"authors\" brings in the write-up's application sentence"),
        .. ImdbLstmMeasures.SpaceKeys.Select(k => new MetricInfo($"probe_accuracy_{k}", $"linear-probe accuracy of the {k} layer's output on the shown test reviews ({Explain.SdcaProbe.Measure}, fitted on options.probe_train training reviews)")),
        new("probe_gain_lstm", "probe accuracy of the LSTM minus that of the pooled embedding"),
        new("probe_gain_hidden", "probe accuracy of the hidden dense layer minus that of the LSTM"),
        .. Explain.Baselines.TextComparison.Declared("test", MetricScope.Experiment),
    ];

    /// <summary>The reviews section as validated: <see cref="ReviewData.Load"/> (Explain) reads it.</summary>
    public object BindData(string dataKind, Section data) => data;
    public object BindOptions(Section options) => ImdbLstmOptions.Bind(options);

    public void Validate(ExperimentSpec spec, ICollection<SpecError> errors)
    {
        ImdbLstmChecks.ValidateImdb(spec, errors);
        Engines.RequireNative(spec, "it keeps NnViz.Engine model files per checkpoint for prefix evaluation and nnviz serve", errors);
    }

    /// <summary>Per epoch (index 0 = before training): the model file bytes, training loss and test accuracy.</summary>
    public sealed record TrainedCheckpoints(byte[][] Models, double[] Loss, double[] TestAccuracy);

    public ExperimentOutput Run(ExperimentSpec spec, RunContext ctx)
    {
        var o = spec.OptionsAs<ImdbLstmOptions>();
        var root = new Rng(spec.Seed);
        var choice = ChooseData(spec)[0];
        choice.WarnIfSubstituted(spec);
        var data = ReviewData.Load(spec.DataAs<Section>(), root, choice);
        ctx.Report("training", 0.02);
        var trained = ctx.Part("training", () => Train(spec, data, root, f => ctx.Report("training", 0.05 + 0.65 * f)));
        for (int e = 0; e < trained.Models.Length; e++)
            File.WriteAllBytes(ctx.Artifacts.FullPath($"checkpoints/epoch_{e:00}.nnvz"), trained.Models[e]);
        ctx.Artifacts.Json("checkpoints/vocabulary.json", new SavedVocabulary(data.Encoder.MaxLength, [.. data.Encoder.Words]));
        ctx.Report("explaining", 0.75);
        var measured = ImdbLstmMeasures.Measure(spec, o, data, trained, root);
        return ImdbLstmPage.Build(spec, o, ctx, data, trained, measured) with { DataUses = data.Use is { } u ? [u] : null };
    }

    public IReadOnlyList<DataChoice> ChooseData(ExperimentSpec spec) => [ReviewData.Choose(spec.DataAs<Section>())];

    /// <summary>
    /// Every checkpoint is kept as a NnViz.Engine model file (for the word impacts, which evaluate all prefixes of a
    /// sentence in one pass, and for `nnviz serve`): this kind runs on the native engine only.
    /// </summary>
    private static TrainedCheckpoints Train(ExperimentSpec spec, ReviewData data, Rng root, Action<double> progress)
    {
        var model = ModelFactory.Build(spec, spec.Members[0], data.Encoder.MaxLength, root, data.Encoder.Vocabulary.Size);
        var network = (Sequential)((NativeModel)model).Network;
        var models = new List<byte[]>();
        int[] testLabels = data.TestLabels;
        Probe[] probes =
        [
            Probe.Each("model_file", _ => models.Add(ModelFile.ToBytes(network))),
            Probe.Scalar("test_accuracy", c => Accuracy.Binary(c.Model.Predict(data.TestX, data.Test.Count), testLabels)),
        ];
        var log = EpochRecorder.Run(model, new TrainingSet(data.TrainX, data.TrainY, data.Train.Count), spec.Train, ModelFactory.Shuffle(spec, root, "shuffle"), probes, progress);
        return new TrainedCheckpoints([.. models], log.Loss, log.Number("test_accuracy"));
    }
}
