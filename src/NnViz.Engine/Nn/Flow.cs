namespace NnViz.Engine.Nn;

/// <summary>
/// A batch flowing between layers: Rows samples, each Steps x Features (Steps = 1 for flat data), row-major in
/// Data (which may be longer than needed: layers reuse buffers sized for the largest batch seen).
/// Mask (Rows x Steps, 1 = real step, 0 = padding) travels with sequences so padded steps change nothing.
/// </summary>
public readonly record struct Flow(float[] Data, int Rows, int Steps, int Features, float[]? Mask = null)
{
    public int Width => Steps * Features;
    public int Length => Rows * Steps * Features;
    public static Flow Flat(float[] data, int rows, int features) => new(data, rows, 1, features);
}

/// <summary>Whether a forward pass is for training (dropout active) or evaluation.</summary>
public enum Mode { Eval, Train }
