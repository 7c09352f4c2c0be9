using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Engine.Training;

namespace NnViz.Torch.Tests;

/// <summary>The seam-shaped engine: trains on libtorch, keeps the native model in step for probes and recorders.</summary>
public class TorchEngineTests
{
    [Fact]
    public void Two_epochs_track_the_native_engine_and_probes_see_the_torch_weights()
    {
        var data = new Rng(6);
        const int rows = 48, length = 12;
        var x = Parity.Tokens(data, rows, length, 300);
        var y = Enumerable.Range(0, rows * 6).Select(_ => data.NextDouble() < 0.4 ? 1f : 0f).ToArray();
        var settings = new OptimizerSettings("adam", 0.005);
        var loss = new BinaryCrossEntropy();

        var reference = Sequential.Build(length, TrainingParityTests.C1, new Rng(2));
        var opt = settings.Native(reference.Parameters);
        var observed = Sequential.Build(length, TrainingParityTests.C1, new Rng(2));
        using var engine = new TorchEngine(observed, new Rng(2), loss, settings);
        var probes = 0;
        for (int epoch = 0; epoch < 2; epoch++)
        {
            var native = Trainer.TrainEpoch(reference, loss, opt, x, y, rows, 16, new Rng((ulong)(10 + epoch)));
            var torch = engine.TrainEpoch(x, y, rows, 16, new Rng((ulong)(10 + epoch)), b =>
            {
                probes++;
                Parity.Close(engine.Model.Predict(x, rows), observed.Predict(x, rows), 1e-5, $"probe after batch {b}");
            });
            Assert.Equal(native.Batches, torch.Batches);
            Assert.True(Math.Abs(native.Loss - torch.Loss) <= 1e-4 * native.Loss, $"epoch {epoch}: native {native.Loss}, torch {torch.Loss}");
        }
        Assert.Equal(6, probes);
        foreach (var p in reference.Parameters)
        {
            Parity.Close(p.Value, engine.Parameters()[p.Name], 1e-4, p.Name);
            Assert.Equal(engine.Parameters()[p.Name], observed.Parameters.First(q => q.Name == p.Name).Value);
        }
    }
}
