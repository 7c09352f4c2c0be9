using System.Collections;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace NnViz.Torch;

/// <summary>One tensor of a checkpoint: its PyTorch shape and float32 values, row-major.</summary>
public sealed record StateTensor(long[] Shape, float[] Values)
{
    public string ShapeText => CheckpointError.Shape(Shape);
}

/// <summary>Reads a PyTorch state_dict file: <c>.pt</c>/<c>.pth</c>/<c>.bin</c> (torch.save, via TorchSharp.PyBridge's
/// unpickler) or <c>.safetensors</c>. Floating tensors of any precision are read as float32.</summary>
public static class StateDict
{
    public static IReadOnlyDictionary<string, StateTensor> Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: checkpoint file not found", path);
        TorchRuntime.Ensure();
        string ext = Path.GetExtension(path).ToLowerInvariant();
        using var scope = NewDisposeScope();
        IEnumerable<(string, Tensor)> tensors;
        try
        {
            tensors = ext switch
            {
                ".safetensors" => Safetensors.LoadStateDict(path).Select(kv => (kv.Key, kv.Value)),
                ".pt" or ".pth" or ".bin" => FromHashtable(PyTorchUnpickler.UnpickleStateDict(path)),
                _ => throw new InvalidDataException($"{path}: unknown checkpoint format '{ext}' (expected .pt, .pth, .bin or .safetensors)"),
            };
            tensors = tensors.ToList();
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            throw new InvalidDataException($"{path}: not a readable PyTorch state_dict ({e.Message}). Save one with " +
                "torch.save(model.state_dict(), path) or safetensors.torch.save_file(model.state_dict(), path).", e);
        }
        var result = new SortedDictionary<string, StateTensor>(StringComparer.Ordinal);
        foreach (var (name, t) in tensors)
        {
            if (!t.is_floating_point()) continue; // integer buffers (e.g. BatchNorm's num_batches_tracked) hold no weights
            result[name] = new StateTensor(t.shape, TwinParameter.Read(t.to_type(ScalarType.Float32)));
        }
        return result;
    }

    private static IEnumerable<(string, Tensor)> FromHashtable(Hashtable table)
    {
        foreach (DictionaryEntry e in table)
            if (e.Value is Tensor t) yield return ((string)e.Key, t);
    }
}
