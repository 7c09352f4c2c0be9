using NnViz.Engine.Nn;

namespace NnViz.Engine.Training;

/// <summary>The training engine of this repository (NnViz.Engine): <c>training.engine: native</c>.</summary>
public sealed class NativeEngine : ITrainingEngine
{
    public static NativeEngine Instance { get; } = new();

    public string Name => "native";

    public ITrainableModel Build(ModelRecipe recipe, Rng init)
    {
        var network = Sequential.Build(recipe.InputWidth, recipe.Layers, init);
        network.Compute = ComputeOptions.Default;
        return new NativeModel(network, recipe.Loss, recipe.Optimizer);
    }

    /// <summary>The engine's loss object for a Keras loss name (on probabilities: the output layer applies sigmoid or softmax).</summary>
    public static ILoss Loss(string name) => name switch
    {
        "mse" => new Mse(),
        "binary_crossentropy" => new BinaryCrossEntropy(fromLogits: false),
        "categorical_crossentropy" => new SoftmaxCrossEntropy(fromLogits: false),
        _ => throw new ArgumentException($"unknown loss '{name}' (expected mse, binary_crossentropy or categorical_crossentropy)"),
    };

    public static IOptimizer Optimizer(OptimizerSettings o, IReadOnlyList<Parameter> parameters) => o.Kind switch
    {
        "sgd" => new Sgd(parameters, o.LearningRate, o.Momentum, o.Nesterov),
        "adam" => new Adam(parameters, o.LearningRate),
        "rmsprop" => new RmsProp(parameters, o.LearningRate),
        _ => throw new ArgumentException($"unknown optimizer '{o.Kind}' (expected sgd, adam or rmsprop)"),
    };
}

/// <summary>
/// A NnViz.Engine network (<see cref="Sequential"/> or <see cref="GraphModel"/>) bound to its loss and optimizer.
/// <see cref="Network"/> is there for what only this engine offers (model files, prefix evaluation).
/// </summary>
public sealed class NativeModel : ITrainableModel
{
    private readonly ILoss _loss;
    private readonly IOptimizer _optimizer;
    private readonly TrainOptions? _options;

    public NativeModel(IModel network, string loss, OptimizerSettings optimizer)
    {
        if (network is not (Sequential or GraphModel)) throw new ArgumentException("expected a Sequential or a GraphModel", nameof(network));
        Network = network;
        _loss = NativeEngine.Loss(loss);
        _optimizer = NativeEngine.Optimizer(optimizer, network.Parameters);
        _options = optimizer.ClipNorm is double clip ? new TrainOptions(ClipNorm: clip) : null;
    }

    public IModel Network { get; }
    public int InputWidth => Network.InputWidth;
    public int OutputWidth => Network.OutputWidth;

    public double TrainEpoch(float[] x, float[] y, int rows, int batchSize, Rng? shuffle) =>
        Trainer.TrainEpoch(Network, _loss, _optimizer, x, y, rows, batchSize, shuffle, null, _options).Loss;

    public float[] Predict(float[] x, int rows, IReadOnlyCollection<string> capture, out IReadOnlyDictionary<string, float[]> captured) => Network switch
    {
        Sequential s => s.Predict(x, rows, capture, out captured),
        _ => ((GraphModel)Network).Predict(x, rows, capture, out captured),
    };

    public IReadOnlyList<ParameterValues> Parameters() =>
        [.. Network.Parameters.Select(p => new ParameterValues(p.Name, (int[])p.Shape.Clone(), (float[])p.Value.Clone()))];

    public void SetParameter(string name, ReadOnlySpan<float> values)
    {
        var p = Network.Parameters.FirstOrDefault(q => q.Name == name) ?? throw new KeyNotFoundException($"no parameter '{name}'");
        if (values.Length != p.Length) throw new ArgumentException($"{name}: expected {p.Length} values, got {values.Length}");
        values.CopyTo(p.Value);
    }
}
