using NnViz.Engine.Kernels;

namespace NnViz.Engine.Nn;

/// <summary>Builds a layer from its spec and input shape (steps x features per row).</summary>
public static class LayerFactory
{
    public static readonly IReadOnlyList<string> Kinds =
        ["dense", "dropout", "embedding", "lstm", "bidirectional", "global_average_pooling1d", "global_max_pooling1d", "flatten"];

    public static Layer Create(LayerSpec spec, int steps, int features, Rng rng)
    {
        Layer layer = spec.Kind switch
        {
            "dense" => new Dense(spec.Name, features, spec.Units, Activations.Parse(spec.Activation), rng),
            "dropout" => new Dropout(spec.Name, features, spec.Rate, rng),
            "embedding" => new Embedding(spec.Name, spec.VocabSize, spec.Units, spec.MaskZero, rng),
            "lstm" => new Lstm(spec.Name, features, spec.Units, spec.ReturnSequences, rng),
            "bidirectional" => new Bidirectional(spec.Name, features, spec.Units, spec.ReturnSequences, spec.Merge, rng),
            "global_average_pooling1d" => new GlobalPooling1D(spec.Name, features, max: false),
            "global_max_pooling1d" => new GlobalPooling1D(spec.Name, features, max: true),
            "flatten" => new Flatten(spec.Name, steps, features),
            _ => throw new ArgumentException($"{spec.Name}: unknown layer kind '{spec.Kind}' (known: {string.Join(", ", Kinds)})"),
        };
        layer.Spec = spec;
        if (!spec.Trainable) foreach (var p in layer.Parameters) p.Trainable = false;
        return layer;
    }
}
