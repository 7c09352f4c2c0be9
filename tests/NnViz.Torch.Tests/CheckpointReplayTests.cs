using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Lab.Experiments.EmbeddingAnimator;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Testing;

namespace NnViz.Torch.Tests;

/// <summary>
/// record.checkpoints: the embedding animator records a user's PyTorch run (tools/parity/checkpoints, written by
/// Debian's PyTorch) instead of training: each epoch's recorded layer is the checkpoint's, a checkpoint that does not
/// fit names its tensors, and a missing file is a validation error at record.checkpoints.
/// </summary>
public class CheckpointReplayTests
{
    private static string Fixtures => CheckpointFixtures.Folder;
    private static readonly string[] Files = CheckpointFixtures.Files;

    /// <summary>A spec beside copies of the fixtures, naming them relative to its folder; the model is the fixtures' (vocabulary 12, 5 steps).</summary>
    private static string WriteSpec(string dir, int hiddenUnits = 5, string[]? files = null) => CheckpointFixtures.WriteSpec(dir, hiddenUnits, files);

    [Fact]
    public void Each_recorded_epoch_is_the_checkpoints_model_not_a_trained_one()
    {
        string dir = Specs.TempDir("replay");
        var spec = SpecLoader.Load(WriteSpec(dir), Profile.Load(Specs.Configs, "ci"));
        var root = new Rng(spec.Seed);
        var task = TextTask.Load(spec, root, new EmbeddingAnimatorKind().ChooseData(spec)[0], out _);
        var run = AnimatorTraining.Train(spec, spec.Members[0], task, null, root, _ => { });
        Assert.Equal(2, run.Frames.Length); // one frame per checkpoint, not training.epochs
        var native = Sequential.Build(task.Steps, NnViz.Lab.Experiments.Common.ModelFactory.EngineLayers(spec.Members[0], 12), new Rng(9));
        for (int e = 0; e < 2; e++)
        {
            Checkpoint.Load(Path.Combine(Fixtures, Files[e]), native);
            native.Predict(task.ValX, task.ValRows, ["hidden"], out var captured);
            Parity.Close(captured["hidden"], run.Frames[e], 1e-6, $"epoch {e + 1}");
        }
        Assert.NotEqual(run.Frames[0], run.Frames[1]);
        Assert.All(run.TrainLoss, l => Assert.True(double.IsFinite(l) && l > 0, $"loss {l}"));

        // End to end: the page is rendered from the replayed epochs.
        var runner = new Runner(new RunnerOptions(Specs.Configs, Path.Combine(dir, "out"), Path.Combine(dir, "store"), "ci"));
        var (specs, errors) = runner.ValidateAll([Path.Combine(dir, "replay.yaml")]);
        Assert.Empty(errors);
        runner.Run(specs[0]);
        Assert.True(File.Exists(Path.Combine(dir, "out", "replay", "index.html")));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void A_checkpoint_that_does_not_fit_names_every_tensor_and_file()
    {
        string dir = Specs.TempDir("replay-mismatch");
        var spec = SpecLoader.Load(WriteSpec(dir, hiddenUnits: 6), Profile.Load(Specs.Configs, "ci"));
        var root = new Rng(spec.Seed);
        var task = TextTask.Load(spec, root, new EmbeddingAnimatorKind().ChooseData(spec)[0], out _);
        var e = Assert.Throws<DataException>(() => AnimatorTraining.Train(spec, spec.Members[0], task, null, root, _ => { }));
        Assert.Contains("2 of 2 checkpoints do not fit the model", e.Message);
        foreach (var f in Files) Assert.Contains(f, e.Message);
        Assert.Contains("mismatched hidden.weight: expected shape [6, 3], found [5, 3]", e.Message);
        Assert.Contains("mismatched hidden.bias: expected shape [6], found [5]", e.Message);
        Assert.Contains("mismatched output.weight: expected shape [1, 6], found [1, 5]", e.Message);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void A_missing_checkpoint_file_is_a_validation_error_at_record_checkpoints()
    {
        string dir = Specs.TempDir("replay-missing");
        string file = WriteSpec(dir, files: [Files[0], "epoch_2.pt"]);
        var e = Assert.Throws<SpecException>(() => SpecLoader.Load(file, Profile.Load(Specs.Configs, "ci")));
        var error = Assert.Single(e.Errors);
        Assert.Equal(("record.checkpoints", 17), (error.Path, error.Line));
        Assert.Contains("record.checkpoints[1]: file 'epoch_2.pt' not found", error.Message);
        Directory.Delete(dir, true);
    }
}
