using NnViz.Engine.Nn;
using TorchSharp;
using static TorchSharp.torch;
using TorchParameter = TorchSharp.Modules.Parameter;

namespace NnViz.Torch;

/// <summary>A batch between torch layers: Data is rows x steps x features (float32); Mask (rows x steps, bool, true =
/// real step) travels with sequences exactly as <see cref="Flow.Mask"/> does in the native engine.</summary>
public readonly record struct TorchFlow(Tensor Data, Tensor? Mask = null)
{
    public long Rows => Data.shape[0];
    public long Steps => Data.shape[1];
    public long Features => Data.shape[2];
}

/// <summary>A native parameter and its libtorch twin (same name, Keras layout, values copied from the native one).</summary>
public sealed class TwinParameter
{
    public TwinParameter(Parameter native)
    {
        Native = native;
        // The parameter shares the new tensor's storage (libtorch counts references), so the wrapper can go at once.
        using var value = tensor(native.Value, Array.ConvertAll(native.Shape, d => (long)d)).DetachFromDisposeScope();
        Tensor = new TorchParameter(value, requires_grad: native.Trainable);
        Tensor.DetachFromDisposeScope();
    }

    public Parameter Native { get; }
    public TorchParameter Tensor { get; }
    public string Name => Native.Name;
    public bool Trainable => Native.Trainable;

    /// <summary>The torch values, row-major in the native layout.</summary>
    public float[] Values() => Read(Tensor);

    /// <summary>The accumulated gradient (zeros when none yet).</summary>
    public float[] Gradient()
    {
        using var g = Tensor.grad;
        return g is null ? new float[Native.Length] : Read(g);
    }

    /// <summary>Overwrites the torch values (e.g. from a checkpoint or the native model).</summary>
    public void Set(ReadOnlySpan<float> values)
    {
        if (values.Length != Native.Length) throw new ArgumentException($"{Name}: {values.Length} values for {Native.Length}");
        using var _ = no_grad();
        using var src = tensor(values.ToArray(), Tensor.shape);
        Tensor.copy_(src);
    }

    /// <summary>A tensor's values, row-major.</summary>
    public static float[] Read(Tensor t)
    {
        using var c = t.detach().contiguous();
        return c.data<float>().ToArray();
    }
}

/// <summary>A layer of the torch engine: the libtorch counterpart of one native layer, built from it.</summary>
public abstract class TorchLayer(string name)
{
    public string Name { get; } = name;
    public virtual IReadOnlyList<TwinParameter> Parameters => [];
    public abstract TorchFlow Forward(TorchFlow x, bool train);
}
