using System.Text.Json;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Testing;

namespace NnViz.Torch.Tests;

/// <summary>PyTorch state_dicts written by tools/parity/make_checkpoints.py (Debian's PyTorch) load into both engines and
/// reproduce PyTorch's outputs; a checkpoint that does not fit names every missing, mismatched and unexpected tensor.</summary>
public class CheckpointTests
{
    private static string Dir => Path.Combine(RepoPaths.Root, "tools", "parity", "checkpoints");

    private static IReadOnlyList<LayerSpec> Specs(string model, int hidden = 5, string output = "output") => model == "lstm_model"
        ?
        [
            new("embedding", "embedding", Units: 4, VocabSize: 12, MaskZero: true), new("lstm", "lstm", Units: 3),
            new("dense", "hidden", Units: hidden, Activation: "relu"), new("dense", output, Units: 1, Activation: "sigmoid"),
        ]
        : [new("embedding", "embedding", Units: 4, VocabSize: 12, MaskZero: true), new("bidirectional", "bilstm", Units: 3), new("dense", "dense", Units: 2, Activation: "sigmoid")];

    [Theory]
    [InlineData("lstm_model", ".pt")] [InlineData("lstm_model", ".safetensors")]
    [InlineData("bilstm_model", ".pt")] [InlineData("bilstm_model", ".safetensors")]
    public void Each_epoch_reproduces_pytorchs_outputs_on_both_engines(string model, string ext)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, model + ".json")));
        var root = json.RootElement;
        int rows = root.GetProperty("rows").GetInt32(), steps = root.GetProperty("steps").GetInt32();
        var ids = root.GetProperty("ids").EnumerateArray().Select(e => (float)e.GetInt32()).ToArray();
        var (native, twin) = TorchModel.Build(steps, Specs(model), new Rng(1));
        int epoch = 0;
        foreach (var expected in root.GetProperty("outputs").EnumerateArray())
        {
            var want = expected.EnumerateArray().Select(e => e.GetSingle()).ToArray();
            Checkpoint.Load(Path.Combine(Dir, $"{model}_epoch{++epoch}{ext}"), native, twin);
            Parity.Close(want, native.Predict(ids, rows), 1e-5, $"{model} epoch {epoch} native");
            Parity.Close(want, twin.Predict(ids, rows), 1e-5, $"{model} epoch {epoch} torch");
        }
        Assert.Equal(2, epoch);
    }

    [Fact]
    public void Pt_and_safetensors_hold_the_same_tensors()
    {
        var pt = StateDict.Load(Path.Combine(Dir, "bilstm_model_epoch2.pt"));
        var st = StateDict.Load(Path.Combine(Dir, "bilstm_model_epoch2.safetensors"));
        Assert.Equal(pt.Keys, st.Keys);
        Assert.Contains("bilstm.weight_hh_l0_reverse", pt.Keys);
        foreach (var (name, t) in pt)
        {
            Assert.Equal(t.Shape, st[name].Shape);
            Assert.Equal(t.Values, st[name].Values);
        }
    }

    [Fact]
    public void A_checkpoint_that_does_not_fit_names_every_tensor_and_changes_nothing()
    {
        var native = Sequential.Build(5, Specs("lstm_model", hidden: 4, output: "out"), new Rng(1));
        var before = native.Parameters.Select(p => p.Value.ToArray()).ToList();
        var path = Path.Combine(Dir, "lstm_model_epoch1.pt");
        var e = Assert.Throws<CheckpointError>(() => Checkpoint.Load(path, native));
        Assert.Equal(
        [
            "mismatched hidden.weight: expected shape [4, 3], found [5, 3]",
            "mismatched hidden.bias: expected shape [4], found [5]",
            "missing out.weight: expected shape [1, 4]",
            "missing out.bias: expected shape [1]",
            "unexpected output.bias: shape [1] (no layer of the model takes it)",
            "unexpected output.weight: shape [1, 5] (no layer of the model takes it)",
        ], e.Problems);
        Assert.StartsWith(path + ": the checkpoint does not fit the model (6 problems)", e.Message);
        Assert.Equal(before, native.Parameters.Select(p => p.Value).ToList());
    }

    [Fact]
    public void Unreadable_files_are_reported_with_their_path()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"nnviz-not-a-checkpoint-{Environment.ProcessId}.pt");
        File.WriteAllText(bad, "not a pickle");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => StateDict.Load(bad));
            Assert.StartsWith(bad + ": not a readable PyTorch state_dict", e.Message);
        }
        finally { File.Delete(bad); }
        Assert.Contains("unknown checkpoint format '.json'", Assert.Throws<InvalidDataException>(() => StateDict.Load(Path.Combine(Dir, "lstm_model.json"))).Message);
        Assert.Throws<FileNotFoundException>(() => StateDict.Load(Path.Combine(Dir, "absent.pt")));
    }
}

public class CheckpointRunTests
{
    private static string Dir => Path.Combine(RepoPaths.Root, "tools", "parity", "checkpoints");

    [Fact]
    public void A_run_is_checked_file_by_file_before_any_is_used()
    {
        var lstm = Sequential.Build(5, [new("embedding", "embedding", Units: 4, VocabSize: 12), new("lstm", "lstm", Units: 3),
            new("dense", "hidden", Units: 5, Activation: "relu"), new("dense", "output", Units: 1, Activation: "sigmoid")], new Rng(1));
        var before = lstm.Parameters.Select(p => p.Value.ToArray()).ToList();
        Checkpoint.CheckAll([Path.Combine(Dir, "lstm_model_epoch1.pt"), Path.Combine(Dir, "lstm_model_epoch2.safetensors")], lstm);
        Assert.Equal(before, lstm.Parameters.Select(p => p.Value).ToList());

        var wrong = Path.Combine(Dir, "bilstm_model_epoch2.pt");
        var e = Assert.Throws<CheckpointError>(() => Checkpoint.CheckAll([Path.Combine(Dir, "lstm_model_epoch1.pt"), wrong], lstm));
        Assert.StartsWith(wrong + ": the checkpoint does not fit the model", e.Message);
        Assert.Contains("missing lstm.weight_ih_l0: expected shape [12, 4]", e.Problems);
        Assert.Contains("unexpected bilstm.weight_ih_l0_reverse: shape [12, 4] (no layer of the model takes it)", e.Problems);
        var both = Assert.Throws<AggregateException>(() => Checkpoint.CheckAll([wrong, wrong], lstm));
        Assert.Equal(2, both.InnerExceptions.Count);
    }
}
