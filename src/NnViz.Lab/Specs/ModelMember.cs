using NnViz.Engine.Nn;

namespace NnViz.Lab.Specs;

/// <summary>
/// Where the spec declared one layer (its path, e.g. <c>model.layers[2]</c>, and file:line:column) and, in a
/// two-input model, which input its branch reads (<c>input: title</c>); null for the layers of one-input models.
/// </summary>
public sealed record LayerSource(string Path, SourceLocation Where, string? Input = null);

/// <summary>
/// One architecture of a family (a single-model spec has one member named "model"): the engine's layer
/// configurations, each with where the spec declared it (<see cref="Sources"/>, index for index).
/// </summary>
public sealed record ModelMember(string Name, IReadOnlyList<LayerSpec> Layers, IReadOnlyList<LayerSource> Sources, SourceLocation Where)
{
    /// <summary>
    /// A member from its validated layer sections. The engine's kinds: a spec's <c>pool</c> layer is
    /// <c>global_max_pooling1d</c> with <c>mode: max</c>, else <c>global_average_pooling1d</c>; an embedding masks
    /// token id 0 (padding); an unnamed layer is <c>{kind}_{position}</c>.
    /// </summary>
    public static ModelMember FromSpec(string name, IReadOnlyList<Section> layers, SourceLocation where)
    {
        var specs = new List<LayerSpec>(layers.Count);
        foreach (var (l, i) in layers.Select((l, i) => (l, i)))
        {
            string kind = l.StringOrNull("kind") ?? "";
            specs.Add(new LayerSpec(
                kind == "pool" ? l.StringOrNull("mode") == "max" ? "global_max_pooling1d" : "global_average_pooling1d" : kind,
                l.StringOrNull("name") ?? $"{l.StringOrNull("kind") ?? "layer"}_{i + 1}",
                Units: l.Has("units") ? l.Int("units") : 0, Activation: l.StringOrNull("activation") ?? "linear",
                Rate: l.Has("rate") ? l.Double("rate") : 0, ReturnSequences: l.Has("return_sequences") && l.Bool("return_sequences"),
                Trainable: !l.Has("trainable") || l.Bool("trainable"), MaskZero: kind == "embedding",
                Merge: l.StringOrNull("merge") ?? "concat"));
        }
        return new ModelMember(name, specs, [.. layers.Select(l => new LayerSource(l.Path, l.Location, l.StringOrNull("input")))], where);
    }

    /// <summary>A layer's kind as the spec writes it (<c>pool</c> for both global poolings), for messages and pages.</summary>
    public static string WrittenKind(LayerSpec layer) =>
        layer.Kind is "global_max_pooling1d" or "global_average_pooling1d" ? "pool" : layer.Kind;

    /// <summary>"1-6-1"-style description from the units (the input width first).</summary>
    public string Shape(int inputDim) => string.Join("-", new[] { inputDim }.Concat(Layers.Where(l => l.Units > 0).Select(l => l.Units)));

    /// <summary>Where <paramref name="layer"/> (one of <see cref="Layers"/>, the same instance) was declared.</summary>
    public LayerSource Source(LayerSpec layer)
    {
        for (int i = 0; i < Layers.Count; i++)
            if (ReferenceEquals(Layers[i], layer)) return Sources[i];
        throw new ArgumentException($"layer '{layer.Name}' is not a layer of member '{Name}'", nameof(layer));
    }

    /// <summary>The input a two-input model's branch layer reads (null outside the branches).</summary>
    public string? Input(LayerSpec layer) => Source(layer).Input;

    /// <summary>An error at the layer's declaration; its path is the layer's, plus <c>.key</c> when a key is given.</summary>
    public SpecError Error(LayerSpec layer, string? key, string message)
    {
        var s = Source(layer);
        return new SpecError(s.Where.File, s.Where.Line, s.Where.Column, key is null ? s.Path : $"{s.Path}.{key}", message);
    }
}
