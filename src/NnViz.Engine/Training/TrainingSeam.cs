using NnViz.Engine.Nn;

namespace NnViz.Engine.Training;

/// <summary>How the weights are updated, with Keras' names and defaults (clip_norm: gradient clipping by global norm).</summary>
public sealed record OptimizerSettings(string Kind, double LearningRate, double Momentum = 0, bool Nesterov = false, double? ClipNorm = null);

/// <summary>
/// What an engine needs to build a network ready to train: the input width per row, the layers (Keras-style
/// configs), the loss by its Keras name (mse, binary_crossentropy, categorical_crossentropy on a softmax output)
/// and the optimizer.
/// </summary>
public sealed record ModelRecipe(int InputWidth, IReadOnlyList<LayerSpec> Layers, string Loss, OptimizerSettings Optimizer);

/// <summary>A copy of one parameter: its name (e.g. <c>hidden/kernel</c>), shape and values (row-major, Keras layout).</summary>
public sealed record ParameterValues(string Name, int[] Shape, float[] Values);

/// <summary>
/// The seam between NnVizRepro's experiments and a training engine: a network bound to its loss and optimizer
/// (Keras' compiled model). Experiments train it epoch by epoch and probe it between epochs; nothing else about the
/// engine is visible to them. Implementations must be deterministic: the same recipe, initial stream and data give
/// the same bits.
/// </summary>
public interface ITrainableModel
{
    /// <summary>Input floats per row (token ids as floats for text models).</summary>
    int InputWidth { get; }

    /// <summary>Output floats per row.</summary>
    int OutputWidth { get; }

    /// <summary>
    /// One epoch of minibatch training over x (rows x InputWidth) and y (rows x OutputWidth); with a shuffle stream
    /// the rows are permuted afresh (<c>shuffle.Permutation(rows)</c>, Keras shuffle=True), else taken in order.
    /// Returns the mean training loss (batch losses weighted by batch size).
    /// </summary>
    double TrainEpoch(float[] x, float[] y, int rows, int batchSize, Rng? shuffle);

    /// <summary>
    /// Inference (no dropout, no random draws, so it can run between epochs without changing training): rows x
    /// OutputWidth, plus the outputs of the named layers (rows x that layer's width each).
    /// </summary>
    float[] Predict(float[] x, int rows, IReadOnlyCollection<string> capture, out IReadOnlyDictionary<string, float[]> captured);

    /// <summary>Copies of every parameter, in a fixed order (layer order, then kernel before bias).</summary>
    IReadOnlyList<ParameterValues> Parameters();

    /// <summary>Overwrites one parameter's values (e.g. pretrained word vectors into <c>embedding/embeddings</c>).</summary>
    void SetParameter(string name, ReadOnlySpan<float> values);
}

/// <summary>Builds trainable networks. An engine is chosen by name (a spec's <c>training.engine</c>).</summary>
public interface ITrainingEngine
{
    /// <summary>The value of <c>training.engine</c> that selects this engine.</summary>
    string Name { get; }

    /// <summary>Builds the network of the recipe; every initial weight is drawn from <paramref name="init"/> (forked per layer).</summary>
    ITrainableModel Build(ModelRecipe recipe, Rng init);
}

public static class TrainableModelExtensions
{
    /// <summary>Inference without captured layers.</summary>
    public static float[] Predict(this ITrainableModel model, float[] x, int rows) => model.Predict(x, rows, [], out _);

    /// <summary>One parameter's values by name.</summary>
    public static float[] Parameter(this ITrainableModel model, string name) =>
        model.Parameters().FirstOrDefault(p => p.Name == name)?.Values ?? throw new KeyNotFoundException($"no parameter '{name}'");
}
