using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Engine.Training;
using NnViz.Lab.Specs;
using TorchCheckpoint = NnViz.Torch.Checkpoint;

namespace NnViz.Lab.Experiments.Pipeline;

/// <summary>
/// <c>record.checkpoints: [...]</c>: a user's own training run, one PyTorch state_dict per epoch (<c>.pt</c>/<c>.pth</c>/<c>.bin</c>
/// from torch.save, or <c>.safetensors</c>), recorded, projected and explained without training. The model wraps the
/// spec's model: each "epoch" loads the next checkpoint's values instead of training, and reports the loaded model's
/// loss on the training set, so <see cref="EpochRecorder"/> and the kind's probes run unchanged. Every checkpoint is
/// checked against the spec's model before any is used; the error names each missing, mismatched and unexpected tensor.
/// </summary>
public sealed class CheckpointReplay : ITrainableModel
{
    /// <summary>The kinds whose training can be replaced by checkpoints.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["embedding-animator"];

    private readonly ITrainableModel _inner;
    private readonly Sequential _layout;
    private readonly IReadOnlyList<string> _paths;
    private readonly string _loss;
    private int _next;

    private CheckpointReplay(ITrainableModel inner, Sequential layout, IReadOnlyList<string> paths, string loss)
    {
        _inner = inner; _layout = layout; _paths = paths; _loss = loss;
    }

    /// <summary>The spec's checkpoint files, resolved against the spec file's folder (empty: the kind trains).</summary>
    public static IReadOnlyList<string> Paths(ExperimentSpec spec)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(spec.File)) ?? ".";
        return [.. spec.Recording.Checkpoints.Select(p => Path.GetFullPath(p, dir))];
    }

    /// <summary>
    /// The store key's part for record.checkpoints: the SHA-256 of each file's bytes in the listed order (the paths
    /// as written are already in the spec's text), so a spec reruns when a checkpoint file is rewritten in place.
    /// Null when the spec trains (its key stays as it was).
    /// </summary>
    public static string? ContentKey(ExperimentSpec spec)
    {
        var paths = Paths(spec);
        if (paths.Count == 0) return null;
        return "checkpoints:" + string.Join(";", paths.Select(p =>
        {
            using var stream = File.OpenRead(p);
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
        }));
    }

    /// <summary>Wraps a built model; throws a <see cref="DataException"/> naming every checkpoint that does not fit the recipe.</summary>
    public static CheckpointReplay Create(ITrainableModel model, ModelRecipe recipe, IReadOnlyList<string> paths)
    {
        var layout = Sequential.Build(recipe.InputWidth, recipe.Layers, new Rng(0));
        try
        {
            TorchCheckpoint.CheckAll(paths, layout);
        }
        catch (Exception e) when (e is NnViz.Torch.CheckpointError or AggregateException or InvalidDataException or FileNotFoundException)
        {
            string message = e is AggregateException a ? a.Message + ":\n" + string.Join("\n", a.InnerExceptions.Select(x => x.Message)) : e.Message;
            throw new DataException(message, hint: "name the tensors as the spec's layers (tools/torch/README.md, Checkpoints) and give the layers the checkpoint's shapes", inner: e);
        }
        return new CheckpointReplay(model, layout, paths, recipe.Loss);
    }

    /// <summary>Validation: only the listed kinds replay checkpoints, and every file must exist (file:line:column of record.checkpoints).</summary>
    public static void Validate(ExperimentSpec spec, Section record, ICollection<SpecError> errors)
    {
        var files = record.Strings("checkpoints");
        if (files.Count == 0) return;
        if (!Kinds.Contains(spec.Kind))
        {
            errors.Add(record.Error("checkpoints", $"kind '{spec.Kind}' records only by training; checkpoints are replayed by {string.Join(", ", Kinds)}"));
            return;
        }
        string dir = Path.GetDirectoryName(Path.GetFullPath(spec.File)) ?? ".";
        foreach (var (f, i) in files.Select((f, i) => (f, i)))
            if (!File.Exists(Path.GetFullPath(f, dir)))
                errors.Add(record.Error("checkpoints", $"record.checkpoints[{i}]: file '{f}' not found (paths are relative to the spec's folder)"));
    }

    public int InputWidth => _inner.InputWidth;
    public int OutputWidth => _inner.OutputWidth;

    /// <summary>Loads the next checkpoint (no training) and returns its mean loss on the given rows.</summary>
    public double TrainEpoch(float[] x, float[] y, int rows, int batchSize, Rng? shuffle)
    {
        if (_next >= _paths.Count) throw new InvalidOperationException($"only {_paths.Count} checkpoints to replay");
        TorchCheckpoint.Load(_paths[_next++], _layout);
        foreach (var p in _layout.Parameters) _inner.SetParameter(p.Name, p.Value);
        var output = _inner.Predict(x, rows);
        return NativeEngine.Loss(_loss).Compute(output, y.AsSpan(0, output.Length), new float[output.Length], rows, OutputWidth);
    }

    public float[] Predict(float[] x, int rows, IReadOnlyCollection<string> capture, out IReadOnlyDictionary<string, float[]> captured) =>
        _inner.Predict(x, rows, capture, out captured);

    public IReadOnlyList<ParameterValues> Parameters() => _inner.Parameters();

    public void SetParameter(string name, ReadOnlySpan<float> values) => _inner.SetParameter(name, values);
}
