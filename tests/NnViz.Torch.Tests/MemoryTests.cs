using NnViz.Engine;
using NnViz.Engine.Training;
using TorchSharp;

namespace NnViz.Torch.Tests;

/// <summary>libtorch memory is invisible to the .NET GC, so every training step must free its temporaries itself.</summary>
public class MemoryTests
{
    [Fact]
    public void Training_steps_leave_no_live_tensors_behind()
    {
        TorchRuntime.Ensure();
        var data = new Rng(2);
        const int rows = 64, length = 10;
        var x = Parity.Tokens(data, rows, length, 300);
        var y = Enumerable.Range(0, rows * 6).Select(_ => data.NextDouble() < 0.3 ? 1f : 0f).ToArray();
        var (_, model) = TorchModel.Build(length, TrainingParityTests.C1, new Rng(5));
        var opt = new OptimizerSettings("adam", 0.005).Torch(model);
        var loss = new BinaryCrossEntropy();
        TorchTrainer.TrainEpoch(model, loss, opt, x, y, rows, 16, new Rng(1)); // first steps create the optimizer state
        // The count is global: tensors that earlier tests left to the garbage collector are freed by finalizers at any
        // moment (once 522 -> 490 during this test), so they are finalized before each reading.
        long live = LiveAfterFinalizers();
        TorchTrainer.TrainEpoch(model, loss, opt, x, y, rows, 16, new Rng(2));
        _ = model.Predict(x, rows);
        Assert.Equal(live, LiveAfterFinalizers());
    }

    private static long LiveAfterFinalizers()
    {
        for (int i = 0; i < 2; i++) { GC.Collect(); GC.WaitForPendingFinalizers(); }
        return torch.Tensor.TotalCount;
    }
}
