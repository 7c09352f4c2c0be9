namespace NnViz.Engine.Nn;

/// <summary>A trainable array with its gradient. Shape follows Keras (a Dense kernel is in x units).</summary>
public sealed class Parameter
{
    public Parameter(string name, int[] shape, float[]? value = null)
    {
        Name = name;
        Shape = shape;
        int n = 1;
        foreach (int d in shape) n *= d;
        Value = value ?? new float[n];
        if (Value.Length != n) throw new ArgumentException($"{name}: {Value.Length} values for shape [{string.Join(", ", shape)}]");
        Grad = new float[n];
    }

    /// <summary>Full name, e.g. "dense_1/kernel".</summary>
    public string Name { get; }
    public int[] Shape { get; }
    public float[] Value { get; }
    public float[] Grad { get; }
    /// <summary>Frozen parameters (a fixed embedding) keep their values; optimizers skip them.</summary>
    public bool Trainable { get; set; } = true;
    public int Length => Value.Length;

    public void ZeroGrad() => Array.Clear(Grad);
}
