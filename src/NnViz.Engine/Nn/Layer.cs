namespace NnViz.Engine.Nn;

/// <summary>
/// A layer: forward and backward over a batch, side by side in each subclass. Output and input-gradient buffers
/// belong to the layer and grow only when a larger batch arrives, so steady-state training allocates nothing.
/// A layer's output stays valid until its next Forward.
/// </summary>
public abstract class Layer(string name)
{
    public string Name { get; } = name;
    /// <summary>Features per step of the output.</summary>
    public abstract int OutputDim { get; }
    /// <summary>Steps of the output for an input of the given steps (1 for flat outputs).</summary>
    public virtual int OutputSteps(int inputSteps) => inputSteps;
    public virtual IReadOnlyList<Parameter> Parameters => [];
    /// <summary>The spec this layer was built from (for save/load and round trips).</summary>
    public LayerSpec? Spec { get; internal set; }
    /// <summary>The computing options (threads) of the owning model.</summary>
    internal virtual ComputeOptions Compute { get; set; } = ComputeOptions.SingleThread;

    public abstract Flow Forward(Flow x, Mode mode);

    /// <summary>Accumulates parameter gradients from dy (shaped like the last output) and returns dx
    /// (or an empty flow when needInputGrad is false, e.g. for the first layer).</summary>
    public abstract Flow Backward(Flow dy, bool needInputGrad);

    protected static float[] Ensure(ref float[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length) buffer = new float[length];
        return buffer;
    }
}
