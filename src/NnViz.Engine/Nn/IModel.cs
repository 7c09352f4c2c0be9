namespace NnViz.Engine.Nn;

/// <summary>What the trainer needs from a model: forward, backward and the parameters.</summary>
public interface IModel
{
    IReadOnlyList<Parameter> Parameters { get; }
    /// <summary>Input floats per row.</summary>
    int InputWidth { get; }
    /// <summary>Output floats per row.</summary>
    int OutputWidth { get; }
    Flow InputFlow(float[] x, int rows);
    Flow Forward(Flow x, Mode mode);
    void Backward(Flow dy);
    /// <summary>The threads the model's kernels (and the optimizer's update) may use.</summary>
    ComputeOptions Compute { get; }
}
