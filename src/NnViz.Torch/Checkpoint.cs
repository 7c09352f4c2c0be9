using NnViz.Engine.Nn;

namespace NnViz.Torch;

/// <summary>A checkpoint that does not fit the model: every missing, mismatched and unexpected tensor, named.</summary>
public sealed class CheckpointError(string path, IReadOnlyList<string> problems)
    : Exception($"{path}: the checkpoint does not fit the model ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n  "
        + string.Join("\n  ", problems) + "\nState_dict names are PyTorch's: <layer>.weight/.bias for Dense and Embedding, " +
        "<layer>.weight_ih_l0/.weight_hh_l0/.bias_ih_l0/.bias_hh_l0 (and _reverse for Bidirectional) for LSTMs, with <layer> the spec's layer name.")
{
    public IReadOnlyList<string> Problems { get; } = problems;
    public static string Shape(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";
}

/// <summary>
/// Loads PyTorch state_dicts into NnVizRepro models. Each layer is found by its spec name under PyTorch's own tensor
/// names and layouts, converted to the native (Keras) layout: Linear.weight (out x in) is the transposed Dense kernel;
/// Embedding.weight is the embedding matrix; LSTM weight_ih/weight_hh (4u x in, 4u x u) are the transposed kernel and
/// recurrent kernel (both engines use gate order i, f, g, o) and Keras's single bias is bias_ih + bias_hh; a
/// Bidirectional layer's backward half is PyTorch's *_reverse set. Everything is checked before anything is written.
/// </summary>
public static class Checkpoint
{
    private sealed record Need(string Name, long[] Shape, Action<float[]> Write);

    /// <summary>Reads the file and writes its values into the native model's parameters (all or nothing).</summary>
    public static void Load(string path, IModel model) => Apply(path, StateDict.Load(path), model);

    /// <summary>Reads the file into the native model and then into its torch twin.</summary>
    public static void Load(string path, IModel model, TorchModel twin)
    {
        Load(path, model);
        foreach (var p in twin.Parameters) p.Set(model.Parameters.First(q => q.Name == p.Name).Value);
    }

    /// <summary>Writes the state_dict's values into the native model, after checking every tensor (all or nothing).</summary>
    public static void Apply(string path, IReadOnlyDictionary<string, StateTensor> state, IModel model)
    {
        var needs = Needs(model);
        var problems = Problems(state, needs);
        if (problems.Count > 0) throw new CheckpointError(path, problems);
        foreach (var need in needs) need.Write(state[need.Name].Values);
    }

    /// <summary>Checks a run's checkpoints (one per epoch) against the model before any is used, so a run is never
    /// recorded halfway; the error names every file that does not fit and its problems.</summary>
    public static void CheckAll(IReadOnlyList<string> paths, IModel model)
    {
        if (paths.Count == 0) throw new ArgumentException("no checkpoint files given", nameof(paths));
        var needs = Needs(model);
        var errors = new List<CheckpointError>();
        foreach (var path in paths)
        {
            var problems = Problems(StateDict.Load(path), needs);
            if (problems.Count > 0) errors.Add(new CheckpointError(path, problems));
        }
        if (errors.Count == 1) throw errors[0];
        if (errors.Count > 1) throw new AggregateException($"{errors.Count} of {paths.Count} checkpoints do not fit the model", errors);
    }

    private static List<Need> Needs(IModel model)
    {
        var layers = model switch
        {
            Sequential s => s.Layers,
            GraphModel g => g.Layers,
            _ => throw new NotSupportedException($"checkpoints load into Sequential and GraphModel, not {model.GetType().Name}"),
        };
        return layers.SelectMany(Needs).ToList();
    }

    private static List<string> Problems(IReadOnlyDictionary<string, StateTensor> state, List<Need> needs)
    {
        var problems = new List<string>();
        foreach (var need in needs)
        {
            if (!state.TryGetValue(need.Name, out var t)) problems.Add($"missing {need.Name}: expected shape {CheckpointError.Shape(need.Shape)}");
            else if (!t.Shape.SequenceEqual(need.Shape))
                problems.Add($"mismatched {need.Name}: expected shape {CheckpointError.Shape(need.Shape)}, found {t.ShapeText}");
        }
        var known = needs.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, t) in state)
            if (!known.Contains(name)) problems.Add($"unexpected {name}: shape {t.ShapeText} (no layer of the model takes it)");
        return problems;
    }

    private static IEnumerable<Need> Needs(Layer layer) => layer switch
    {
        Dense d =>
        [
            new($"{d.Name}.weight", [d.Units, d.InputDim], w => Transpose(w, d.Units, d.InputDim, d.Kernel.Value)),
            new($"{d.Name}.bias", [d.Units], b => b.CopyTo(d.Bias.Value, 0)),
        ],
        Embedding e => [new($"{e.Name}.weight", [e.VocabSize, e.Dim], w => w.CopyTo(e.Weights.Value, 0))],
        Lstm l => LstmNeeds(l, layer.Name, ""),
        Bidirectional b => [.. LstmNeeds(b.Forwards, b.Name, ""), .. LstmNeeds(b.Backwards, b.Name, "_reverse")],
        _ => [],
    };

    private static IEnumerable<Need> LstmNeeds(Lstm l, string module, string suffix)
    {
        int g = 4 * l.Units;
        float[]? bih = null; // written before bias_hh (needs are applied in order), which adds it
        yield return new($"{module}.weight_ih_l0{suffix}", [g, l.InputDim], w => Transpose(w, g, l.InputDim, l.Kernel.Value));
        yield return new($"{module}.weight_hh_l0{suffix}", [g, l.Units], w => Transpose(w, g, l.Units, l.RecurrentKernel.Value));
        yield return new($"{module}.bias_ih_l0{suffix}", [g], b => bih = b);
        yield return new($"{module}.bias_hh_l0{suffix}", [g], b =>
        {
            for (int i = 0; i < g; i++) l.Bias.Value[i] = bih![i] + b[i];
        });
    }

    /// <summary>dst (cols x rows) = srcᵀ for src rows x cols, row-major.</summary>
    private static void Transpose(float[] src, int rows, int cols, float[] dst)
    {
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) dst[c * rows + r] = src[r * cols + c];
    }
}
