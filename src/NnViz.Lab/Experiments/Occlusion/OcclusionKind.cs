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

namespace NnViz.Lab.Experiments.Occlusion;

/// <summary>The occlusion options: the common ones, the test records drawn as heatmaps and those checked against the known rule.</summary>
public sealed record OcclusionOptions(CommonSettings Common, int RecordsShown, int AgreementRecords)
{
    public static OcclusionOptions Bind(Section o) => new(CommonSettings.Bind(o), o.Int("records_shown"), o.Int("agreement_records"));
}

/// <summary>Title/abstract records: where from (<see cref="OcclusionData"/>), how many, and their encoding (words kept, vocabulary).</summary>
public sealed record TitleAbstractData(string Source, string? Folder, int N, int TitleLength, int AbstractLength, int NumWords)
{
    public static TitleAbstractData Bind(Section d) => new(d.String("source"), d.StringOrNull("folder"), d.Int("n"),
        d.Int("title_length"), d.Int("abstract_length"), d.Int("num_words"));
}

/// <summary>
/// D1 (seed 001): a title + abstract classifier (stacked bidirectional LSTMs per input, joined by one dense layer)
/// explained by the occlusion heatmap (title prefixes x abstract sentence prefixes), the per-word activation display
/// the write-up criticises, and word-level occlusion.
/// </summary>
public sealed class OcclusionKind : IExperimentKind
{
    public string Kind => "occlusion";
    public string Summary => "two-input RNN classifier explained by prefix occlusion heatmaps (title x abstract), activations and word occlusion";

    public IReadOnlyDictionary<string, Schema> DataSchemas { get; } = new Dictionary<string, Schema>
    {
        ["title-abstract"] = new("title/abstract data", [
            new Field("kind", FieldType.String, "data kind"),
            .. DataFields.SourceAndFolder(
                "auto: the title/abstract records of the data folder when found, else generated (said on the console and the page); real (or file): those records or an error; generated: records with a known rule",
                "auto", "real", "file", "generated"),
            new Field("n", FieldType.Int, "records (the last fifth is the test set)") { Required = true, Rule = Rules.AtLeast(10) },
            new Field("title_length", FieldType.Int, "title words kept") { Default = 12L, Rule = Rules.AtLeast(2) },
            new Field("abstract_length", FieldType.Int, "abstract words kept") { Default = 80L, Rule = Rules.AtLeast(2) },
            new Field("num_words", FieldType.Int, "vocabulary size incl. pad and OOV") { Default = 5000L, Rule = Rules.AtLeast(3) }]),
    };

    public Schema OptionsSchema { get; } = CommonOptions.With(
        new Field("records_shown", FieldType.Int, "test records shown as heatmaps") { Default = 3L, Rule = Rules.AtLeast(1) },
        new Field("agreement_records", FieldType.Int, "positive test records whose grids are checked against the known rule") { Default = 40L, Rule = Rules.AtLeast(1) });

    public IReadOnlyList<string> FigureIds { get; } = ["occlusion_toy", "occlusion_records", "activations", "word_occlusion"];
    public IReadOnlyList<string> ProbeIds { get; } = ["occlusion", "activations", "word_occlusion"];

    public IReadOnlyList<MetricInfo> Metrics { get; } =
    [
        new("test_accuracy", "accuracy on the test records after the last epoch"),
        new("toy_full_probability", "P(positive) of the write-up's toy record read in full (with the occlusion_toy figure)"),
        new("occlusion_agreement", "generated data: share of heatmap cells on the side of 0.5 the known rule predicts, over positive test records"),
        .. Explain.Baselines.TextComparison.Declared("test", MetricScope.Experiment),
    ];

    public object BindData(string dataKind, Section data) => TitleAbstractData.Bind(data);
    public object BindOptions(Section options) => OcclusionOptions.Bind(options);

    public void Validate(ExperimentSpec spec, ICollection<SpecError> errors)
    {
        Engines.RequireNative(spec, "its two-input GraphModel is read back from NnViz.Engine model files", errors);
        foreach (var m in spec.Members)
        {
            var ls = m.Layers;
            void Add(LayerSpec l, string key, string msg) => errors.Add(m.Error(l, key, msg));
            int cat = ls.ToList().FindIndex(l => l.Kind == "concatenate");
            if (cat < 0) { Add(ls[0], "kind", "expected a concatenate layer joining the title and abstract branches"); continue; }
            foreach (var l in ls.Take(cat).Where(l => m.Input(l) is not ("title" or "abstract")))
                Add(l, "input", $"branch layers before the concatenate layer need 'input: title' or 'input: abstract', received '{m.Input(l)}'");
            foreach (var input in new[] { "title", "abstract" })
            {
                var branch = ls.Take(cat).Where(l => m.Input(l) == input).ToList();
                if (branch.Count == 0 || branch[0].Kind != "embedding") Add(ls[0], "input", $"the {input} branch must start with an embedding");
                if (branch.Count > 0 && branch[^1].Kind is "lstm" or "bidirectional" && branch[^1].ReturnSequences)
                    Add(branch[^1], "return_sequences", $"the last layer of the {input} branch must return one vector (return_sequences: false)");
            }
            var last = ls[^1];
            if (last.Kind != "dense" || last.Units != 1 || last.Activation != "sigmoid") Add(last, "activation", "the output must be dense with 1 unit and sigmoid activation");
            if (spec.Loss != "binary_crossentropy") errors.Add(new SpecError(spec.File, 1, 1, "loss", $"expected binary_crossentropy, received '{spec.Loss}'"));
        }
    }

    public sealed record TrainedModel(byte[] Model, double[] Loss, double[] TestAccuracy);

    public ExperimentOutput Run(ExperimentSpec spec, RunContext ctx)
    {
        var o = spec.OptionsAs<OcclusionOptions>();
        var root = new Rng(spec.Seed);
        var d = spec.DataAs<TitleAbstractData>();
        var choice = OcclusionData.Choose(d);
        choice.WarnIfSubstituted(spec);
        var (corpus, use) = OcclusionData.Read(d, choice, root);
        int n = Math.Min(corpus.Count, d.N);
        int nTest = Math.Max(1, n / 5), nTrain = n - nTest;
        var inputs = TitleAbstractInputs.Build(Slice(corpus, 0, nTrain), d.TitleLength, d.AbstractLength, d.NumWords);
        var trained = ctx.Part("training", () => Train(spec, corpus, nTrain, nTest, inputs, root, f => ctx.Report("training", 0.05 + 0.7 * f)));
        File.WriteAllBytes(ctx.Artifacts.FullPath("checkpoints/final.nnvz"), trained.Model);
        ctx.Report("explaining", 0.8);
        var model = (GraphModel)ModelFile.Load(new MemoryStream(trained.Model));
        var records = new OcclusionRecords(corpus, nTrain, nTest, inputs, model);
        var measured = OcclusionMeasures.Measure(spec, o, records, trained);
        var output = OcclusionPage.Build(spec, o, ctx, records, trained, measured);
        return use is null ? output with { DataUsed = $"{output.DataUsed}; {choice.Why}" } : output with { DataUsed = $"real: {use}", DataUses = [use] };
    }

    public IReadOnlyList<DataChoice> ChooseData(ExperimentSpec spec) => [OcclusionData.Choose(spec.DataAs<TitleAbstractData>())];

    /// <summary>
    /// The two-input model is a GraphModel of NnViz.Engine (built by <see cref="Common.TitleAbstractModel.Build"/>), and the
    /// explanations read its model file back: this kind runs on the native engine only.
    /// </summary>
    private static TrainedModel Train(ExperimentSpec spec, TitleAbstractCorpus c, int nTrain, int nTest, TitleAbstractInputs inputs, Rng root, Action<double> progress)
    {
        var graph = TitleAbstractModel.Build(spec.Members[0], inputs.Title.MaxLength, inputs.Abstract.MaxLength, inputs.Title.Vocabulary.Size, root.Fork("model"));
        var model = new NativeModel(graph, spec.Loss, spec.OptimizerSettings);
        var x = inputs.Batch(c.Titles[..nTrain], c.Abstracts[..nTrain]);
        var xt = inputs.Batch(c.Titles[nTrain..(nTrain + nTest)], c.Abstracts[nTrain..(nTrain + nTest)]);
        float[] testLabels = c.Labels[nTrain..];
        Probe[] probes = [Probe.Scalar("test_accuracy", k => Accuracy.Binary(k.Model.Predict(xt, nTest), testLabels))];
        var log = EpochRecorder.Run(model, new TrainingSet(x, c.Labels[..nTrain], nTrain), spec.Train, ModelFactory.Shuffle(spec, root, "shuffle"), probes, progress);
        var ms = new MemoryStream();
        ModelFile.Save(graph, ms);
        return new TrainedModel(ms.ToArray(), log.Loss, log.Number("test_accuracy"));
    }

    internal static TitleAbstractCorpus Slice(TitleAbstractCorpus c, int start, int count) =>
        c with { Titles = c.Titles[start..(start + count)], Abstracts = c.Abstracts[start..(start + count)], Labels = c.Labels[start..(start + count)], Ids = c.Ids[start..(start + count)], Tags = c.Tags?[start..(start + count)] };
}
