using System.Text;
using System.Text.Json;

namespace NnViz.Engine.Nn;

/// <summary>
/// Weights + spec in one deterministic binary (little-endian): "NNVZ", version, the spec as UTF-8 JSON, then every
/// parameter as name, shape and float32 values in model order. Streams only: the caller owns the file I/O.
/// </summary>
public static class ModelFile
{
    private const int Version = 1;
    private static readonly byte[] Magic = "NNVZ"u8.ToArray();

    private sealed record SavedSpec(string Kind, int InputSteps, int InputFeatures, LayerSpec[]? Layers,
        GraphInput[]? Inputs, SavedNode[]? Nodes);
    private sealed record SavedNode(LayerSpec Layer, string[] Inputs);

    public static void Save(Sequential model, Stream stream) =>
        Write(stream, new SavedSpec("sequential", model.InputSteps, model.InputFeatures, [.. model.Specs], null, null), model.Parameters);

    public static void Save(GraphModel model, Stream stream) =>
        Write(stream, new SavedSpec("graph", 0, 0, null, [.. model.Inputs],
            [.. model.Layers.Select((l, i) => new SavedNode(l.Spec!, model.NodeInputs(i)))]), model.Parameters);

    public static byte[] ToBytes(Sequential model) { var ms = new MemoryStream(); Save(model, ms); return ms.ToArray(); }

    /// <summary>Loads either kind of model; cast to <see cref="Sequential"/> or <see cref="GraphModel"/>.</summary>
    public static IModel Load(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (!r.ReadBytes(4).AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("not an NnViz model file (bad magic)");
        int version = r.ReadInt32();
        if (version != Version) throw new InvalidDataException($"model file version {version}, this engine reads {Version}");
        var spec = JsonSerializer.Deserialize<SavedSpec>(r.ReadString()) ?? throw new InvalidDataException("empty spec");
        IModel model = spec.Kind == "graph"
            ? GraphModel.Build(spec.Inputs!, spec.Nodes!.Select(n => new GraphNode(n.Layer, n.Inputs)).ToArray(), new Rng(0))
            : Sequential.Build(spec.InputSteps, spec.InputFeatures, spec.Layers!, new Rng(0));
        int count = r.ReadInt32();
        if (count != model.Parameters.Count) throw new InvalidDataException($"file has {count} parameters, spec builds {model.Parameters.Count}");
        foreach (var p in model.Parameters)
        {
            string name = r.ReadString();
            int rank = r.ReadInt32();
            var shape = new int[rank];
            for (int i = 0; i < rank; i++) shape[i] = r.ReadInt32();
            if (name != p.Name || !shape.AsSpan().SequenceEqual(p.Shape)) throw new InvalidDataException($"parameter {name} [{string.Join(",", shape)}] does not match {p.Name} [{string.Join(",", p.Shape)}]");
            for (int i = 0; i < p.Length; i++) p.Value[i] = r.ReadSingle();
        }
        return model;
    }

    private static void Write(Stream stream, SavedSpec spec, IReadOnlyList<Parameter> ps)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(JsonSerializer.Serialize(spec));
        w.Write(ps.Count);
        foreach (var p in ps)
        {
            w.Write(p.Name);
            w.Write(p.Shape.Length);
            foreach (int d in p.Shape) w.Write(d);
            foreach (float v in p.Value) w.Write(v);
        }
    }
}
