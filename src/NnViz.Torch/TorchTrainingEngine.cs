using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Engine.Training;
using SeamOptimizer = NnViz.Engine.Training.OptimizerSettings;

namespace NnViz.Torch;

/// <summary>
/// The torch engine behind the training seam (<c>training.engine: torch</c>, <c>nnviz run --engine torch</c>). The
/// native initialiser builds the recipe's network from the same <see cref="Rng"/> the native engine would use, and its
/// values are copied into a libtorch twin, so both engines start from identical parameters (and dropout draws from the
/// same named forks). Training, prediction and parameter reads run on libtorch.
/// </summary>
public sealed class TorchTrainingEngine : ITrainingEngine
{
    public static TorchTrainingEngine Instance { get; } = new();

    public string Name => "torch";

    public ITrainableModel Build(ModelRecipe recipe, Rng init)
    {
        try
        {
            return TorchTrainableModel.Create(recipe, init);
        }
        catch (FileNotFoundException e) when (e.FileName?.StartsWith("TorchSharp", StringComparison.Ordinal) == true)
        {
            // NnViz.Lab carries NnViz.Torch without TorchSharp and libtorch (about 530 MB): only the nnviz CLI and the
            // torch tests ship them.
            throw new InvalidOperationException("the torch engine needs TorchSharp and libtorch in the program's folder; this " +
                "program was built without them (they come with the nnviz CLI: run `nnviz run --engine torch`).", e);
        }
    }

    /// <summary>The seam's optimizer settings as the torch engine's (Keras defaults for Adam's betas, RMSprop's rho, epsilon).</summary>
    public static OptimizerSettings Optimizer(SeamOptimizer o) => new(o.Kind, o.LearningRate, o.Momentum, o.Nesterov);
}

/// <summary>A network trained by libtorch, seen through <see cref="ITrainableModel"/>; the native twin holds the same values after every epoch.</summary>
internal sealed class TorchTrainableModel : ITrainableModel
{
    private readonly TorchEngine _engine;

    private TorchTrainableModel(TorchEngine engine) => _engine = engine;

    public static TorchTrainableModel Create(ModelRecipe recipe, Rng init)
    {
        var native = Sequential.Build(recipe.InputWidth, recipe.Layers, init);
        native.Compute = ComputeOptions.Default;
        var clip = recipe.Optimizer.ClipNorm is double c ? new TrainOptions(ClipNorm: c) : null;
        TorchRuntime.Ensure(); // loads libtorch with NnVizRepro's settings; keeps the thread count already chosen
        return new TorchTrainableModel(new TorchEngine(native, init, NativeEngine.Loss(recipe.Loss),
            TorchTrainingEngine.Optimizer(recipe.Optimizer), clip, TorchRuntime.Threads));
    }

    public int InputWidth => _engine.Model.InputWidth;
    public int OutputWidth => _engine.Model.OutputWidth;

    public double TrainEpoch(float[] x, float[] y, int rows, int batchSize, Rng? shuffle) =>
        _engine.TrainEpoch(x, y, rows, batchSize, shuffle).Loss;

    public float[] Predict(float[] x, int rows, IReadOnlyCollection<string> capture, out IReadOnlyDictionary<string, float[]> captured)
    {
        var known = _engine.Model.Layers.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in capture)
            if (!known.Contains(name)) throw new KeyNotFoundException($"no layer '{name}' to capture (layers: {string.Join(", ", known)})");
        return _engine.Predict(x, rows, capture, out captured);
    }

    public IReadOnlyList<ParameterValues> Parameters() =>
        [.. _engine.Model.Parameters.Select(p => new ParameterValues(p.Name, (int[])p.Native.Shape.Clone(), p.Values()))];

    public void SetParameter(string name, ReadOnlySpan<float> values)
    {
        var p = _engine.Model.Parameters.FirstOrDefault(q => q.Name == name) ?? throw new KeyNotFoundException($"no parameter '{name}'");
        if (values.Length != p.Native.Length) throw new ArgumentException($"{name}: expected {p.Native.Length} values, got {values.Length}");
        p.Set(values);
        values.CopyTo(p.Native.Value);
    }
}
