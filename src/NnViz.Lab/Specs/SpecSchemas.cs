using NnViz.Lab.Experiments.Pipeline;

namespace NnViz.Lab.Specs;

/// <summary>The schemas of the common spec sections (the kind-specific ones live with each data source and experiment kind).</summary>
public static class SpecSchemas
{
    public static readonly IReadOnlyList<string> LayerKinds =
        ["dense", "embedding", "lstm", "bidirectional", "dropout", "flatten", "pool", "concatenate"];

    public static readonly IReadOnlyList<string> Activations = ["linear", "tanh", "sigmoid", "relu", "softmax"];

    public static readonly Schema Layer = new("layer",
        new Field("kind", FieldType.String, "layer kind") { Required = true, OneOf = LayerKinds },
        new Field("name", FieldType.String, "layer name, used by probes"),
        new Field("units", FieldType.Int, "output units") { Rule = Rules.AtLeast(1) },
        new Field("activation", FieldType.String, "activation") { OneOf = Activations },
        new Field("rate", FieldType.Double, "dropout rate") { Rule = Rules.Range(0, 1) },
        new Field("return_sequences", FieldType.Bool, "recurrent: return all states"),
        new Field("merge", FieldType.String, "bidirectional merge") { OneOf = ["concat", "sum"] },
        new Field("trainable", FieldType.Bool, "embedding: train the vectors"),
        new Field("mode", FieldType.String, "pool: mean or max over time") { OneOf = ["mean", "max"] },
        new Field("input", FieldType.String, "two-input models: which input this branch reads"));

    public static readonly Schema Member = new("family member",
        new Field("name", FieldType.String, "member name, e.g. 1-6-1") { Required = true },
        new Field("layers", FieldType.MapList, "the member's layers") { Required = true, Nested = Layer, Rule = Rules.ListLength(1) });

    public static readonly Schema Model = new("model",
        new Field("layers", FieldType.MapList, "layers of a single model") { Nested = Layer, Rule = Rules.ListLength(1) },
        new Field("family", FieldType.MapList, "several architectures compared on one page") { Nested = Member, Rule = Rules.ListLength(1) });

    public static readonly Schema Optimizer = new("optimizer",
        new Field("kind", FieldType.String, "optimizer") { Required = true, OneOf = ["sgd", "adam", "rmsprop"] },
        new Field("learning_rate", FieldType.Double, "step size") { Required = true, Rule = Rules.Positive() },
        new Field("momentum", FieldType.Double, "sgd momentum") { Default = 0.0, Rule = Rules.Range(0, 1) },
        new Field("nesterov", FieldType.Bool, "sgd Nesterov momentum") { Default = false },
        new Field("clip_norm", FieldType.Double, "gradient clipping by global norm") { Rule = Rules.Positive() });

    public static readonly Schema EarlyStopping = new("early_stopping",
        new Field("monitor", FieldType.String, "validation metric") { Default = "val_loss", OneOf = ["val_loss", "val_accuracy"] },
        new Field("patience", FieldType.Int, "epochs without improvement") { Default = 1L, Rule = Rules.AtLeast(0) });

    public static readonly Schema Training = new("training",
        new Field("epochs", FieldType.Int, "number of epochs") { Required = true, Rule = Rules.AtLeast(1) },
        new Field("batch_size", FieldType.Int, "minibatch size") { Required = true, Rule = Rules.AtLeast(1) },
        new Field("shuffle", FieldType.Bool, "reshuffle every epoch") { Default = true },
        new Field("seed", FieldType.Int, "seed of every random stream") { Required = true, Rule = Rules.AtLeast(0) },
        new Field("engine", FieldType.String, "training engine (native: NnViz.Engine)") { Default = "native", OneOf = Engines.Names },
        new Field("early_stopping", FieldType.Map, "stop when validation stops improving") { Nested = EarlyStopping });

    public static readonly Schema Record = new("record",
        // Finer checkpoints (half epochs, every N batches) are not implemented by any kind yet: say so rather than
        // silently recording per epoch.
        new Field("every", FieldType.String, "checkpoint frequency") { Default = "epoch",
            Rule = v => (string)v == "epoch" ? null : "expected 'epoch' (the experiment kinds record once per epoch; half-epoch and every-N-batches checkpoints are not implemented)" },
        new Field("probes", FieldType.StringList, "what to record per checkpoint"),
        new Field("layer", FieldType.String, "the layer whose activations are recorded"),
        new Field("checkpoints", FieldType.StringList, "PyTorch state_dict files (.pt or .safetensors), one per epoch, recorded instead of training (embedding-animator)"));

    public static readonly Schema Claim = new("claim",
        new Field("id", FieldType.String, "short claim id") { Required = true },
        new Field("text", FieldType.String, "the claim as the write-up makes it") { Required = true },
        new Field("metric", FieldType.String, "the measured metric the claim is judged on") { Required = true },
        new Field("member", FieldType.String, "family member the metric is read for"),
        new Field("op", FieldType.String, "comparison ('about': a two-sided band of half-width 'tolerance')") { OneOf = ["<", "<=", ">", ">=", "about"] },
        new Field("value", FieldType.Double, "the number compared against"),
        new Field("other", FieldType.String, "compare against this member's metric"),
        new Field("other_metric", FieldType.String, "compare against this metric (default: the same metric)"),
        new Field("factor", FieldType.Double, "scale the right-hand side") { Default = 1.0 },
        new Field("tolerance", FieldType.Double, "half-width of the band for 'op: about': |measured - expected| <= tolerance") { Rule = Rules.NonNegative() },
        new Field("is", FieldType.String, "the member ranks first") { OneOf = ["lowest", "highest"] },
        new Field("profiles", FieldType.StringList, "profiles at whose scale the claim can hold") { Default = new List<string> { "quick", "full" } });

    public static Schema Top(IReadOnlyList<string> kinds) => new("experiment",
        new Field("name", FieldType.String, "kebab-case id, also the report folder") { Required = true, Rule = v => IsKebab((string)v) ? null : "expected kebab-case (a-z, 0-9, '-')" },
        new Field("title", FieldType.String, "page title") { Required = true },
        new Field("description", FieldType.String, "what the experiment shows") { Required = true },
        new Field("kind", FieldType.String, "experiment kind") { Required = true, OneOf = kinds },
        new Field("source", FieldType.String, "the write-up reproduced"),
        new Field("data", FieldType.Any, "data set and its parameters") { Required = true },
        new Field("model", FieldType.Map, "architecture(s)") { Required = true, Nested = Model },
        new Field("loss", FieldType.String, "loss") { Required = true, OneOf = ["mse", "binary_crossentropy", "categorical_crossentropy"] },
        new Field("optimizer", FieldType.Map, "optimizer") { Required = true, Nested = Optimizer },
        new Field("training", FieldType.Map, "training loop") { Required = true, Nested = Training },
        new Field("record", FieldType.Map, "probes per checkpoint") { Nested = Record },
        new Field("figures", FieldType.StringList, "figures to render (default: all of the kind)"),
        new Field("options", FieldType.Any, "kind-specific options"),
        new Field("claims", FieldType.MapList, "claims checked against measurements") { Nested = Claim },
        new Field("profiles", FieldType.Map, "per-profile overrides by dotted path, e.g. quick: {training.epochs: 30}") { Nested = Profiles });

    /// <summary>The spec's own per-profile overrides; values are checked when applied to the sections they name.</summary>
    public static readonly Schema Profiles = new("profiles",
        new Field("ci", FieldType.Any, "overrides for the ci profile"),
        new Field("quick", FieldType.Any, "overrides for the quick profile"),
        new Field("full", FieldType.Any, "overrides for the full profile"));

    private static bool IsKebab(string s) =>
        s.Length > 0 && s.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') && s[0] != '-' && s[^1] != '-';
}
