using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Engine.Training;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Explain;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Lab.Text;

namespace NnViz.Lab.Experiments;

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
        ["reviews"] = new("reviews data",
            new Field("kind", FieldType.String, "data kind"),
            new Field("source", FieldType.String, "auto: the full aclImdb when the data folder has it, else generated; aclimdb: real files (the shared sample counts); generated: the IMDB-like corpus") { Default = "auto", OneOf = ["auto", "aclimdb", "generated"] },
            new Field("folder", FieldType.String, "data folder (default: NNVIZ_DATA, else ./data)"),
            new Field("train", FieldType.Int, "training reviews") { Required = true, Rule = Rules.AtLeast(10) },
            new Field("test", FieldType.Int, "test reviews") { Required = true, Rule = Rules.AtLeast(10) },
            new Field("max_length", FieldType.Int, "words kept per review (Keras pad_sequences, pre)") { Default = 200L, Rule = Rules.AtLeast(2) },
            new Field("num_words", FieldType.Int, "vocabulary size incl. pad and OOV") { Default = 10000L, Rule = Rules.AtLeast(3) }),
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

    public void Validate(ExperimentSpec spec, ICollection<SpecError> errors) => RecurrentChecks.ValidateImdb(spec, errors);

    /// <summary>Per epoch (index 0 = before training): the model file bytes, training loss and test accuracy.</summary>
    public sealed record TrainedCheckpoints(byte[][] Models, double[] Loss, double[] TestAccuracy);

    public ExperimentOutput Run(ExperimentSpec spec, RunContext ctx)
    {
        var root = new Rng(spec.Seed);
        var data = ReviewData.Load(spec.Data, root);
        ctx.Report("training", 0.02);
        var trained = ctx.Part("training", () => Train(spec, data, root, f => ctx.Report("training", 0.05 + 0.65 * f)));
        for (int e = 0; e < trained.Models.Length; e++)
            File.WriteAllBytes(ctx.Artifacts.FullPath($"checkpoints/epoch_{e:00}.nnvz"), trained.Models[e]);
        ctx.Artifacts.Json("checkpoints/vocabulary.json", new SavedVocabulary(data.Encoder.MaxLength, [.. data.Encoder.Words]));
        ctx.Report("explaining", 0.75);
        return ImdbLstmReport.Build(spec, ctx, data, trained, root);
    }

    private static TrainedCheckpoints Train(ExperimentSpec spec, ReviewData data, Rng root, Action<double> progress)
    {
        var model = ModelFactory.Build(spec.Members[0], data.Encoder.MaxLength, root, data.Encoder.Vocabulary.Size);
        var loss = ModelFactory.Loss(spec);
        var opt = ModelFactory.Optimizer(spec, model.Parameters);
        var shuffle = spec.Training.Bool("shuffle") ? root.Fork("shuffle") : null;
        int epochs = spec.Epochs;
        var models = new byte[epochs + 1][];
        var lossByEpoch = new double[epochs + 1];
        var acc = new double[epochs + 1];
        models[0] = ModelFile.ToBytes(model);
        lossByEpoch[0] = double.NaN;
        acc[0] = data.TestAccuracy(model);
        for (int e = 1; e <= epochs; e++)
        {
            lossByEpoch[e] = Trainer.TrainEpoch(model, loss, opt, data.TrainX, data.TrainY, data.Train.Count, spec.BatchSize, shuffle, null, ModelFactory.TrainOptions(spec)).Loss;
            models[e] = ModelFile.ToBytes(model);
            acc[e] = data.TestAccuracy(model);
            progress((double)e / epochs);
        }
        return new TrainedCheckpoints(models, lossByEpoch, acc);
    }
}

/// <summary>What `nnviz serve` needs besides the model files to encode a typed sentence.</summary>
public sealed record SavedVocabulary(int MaxLength, IReadOnlyList<string> Words);
