using NnViz.Engine.Kernels;

namespace NnViz.Engine.Nn;

/// <summary>Builds a layer from its spec and input shape.</summary>
public static class LayerFactory
{
    public static Layer Create(LayerSpec spec, int steps, int features, Rng rng)
    {
        Layer layer = spec.Kind switch
        {
            "dense" => new Dense(spec.Name, features, spec.Units, Activations.Parse(spec.Activation), rng),
            _ => throw new ArgumentException($"{spec.Name}: unknown layer kind '{spec.Kind}'"),
        };
        layer.Spec = spec;
        if (!spec.Trainable) foreach (var p in layer.Parameters) p.Trainable = false;
        return layer;
    }
}
