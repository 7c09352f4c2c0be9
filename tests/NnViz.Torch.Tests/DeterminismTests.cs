using NnViz.Engine;
using NnViz.Engine.Training;

namespace NnViz.Torch.Tests;

/// <summary>The torch engine gives the same bytes for the same seed with one or two intra-op threads.</summary>
public class DeterminismTests
{
    [Fact]
    public void One_and_two_threads_train_to_the_same_bytes()
    {
        var one = Train(threads: 1);
        var two = Train(threads: 2);
        TorchRuntime.Ensure(1);
        Assert.Equal(one.Loss, two.Loss);
        Assert.Equal(one.Bytes, two.Bytes);
    }

    private static (double Loss, byte[] Bytes) Train(int threads)
    {
        TorchRuntime.Ensure(threads);
        Assert.Equal(threads, TorchRuntime.Threads);
        var data = new Rng(1);
        const int rows = 96, length = 20;
        var x = Parity.Tokens(data, rows, length, 300);
        var y = Enumerable.Range(0, rows).Select(_ => data.NextDouble() < 0.5 ? 1f : 0f).ToArray();
        var (_, model) = TorchModel.Build(length, TrainingParityTests.D2, new Rng(3));
        var epoch = TorchTrainer.TrainEpoch(model, new BinaryCrossEntropy(), new OptimizerSettings("adam", 0.001).Torch(model),
            x, y, rows, 32, new Rng(4));
        var bytes = model.Parameters.SelectMany(p => p.Values()).SelectMany(BitConverter.GetBytes)
            .Concat(model.Predict(x, rows).SelectMany(BitConverter.GetBytes)).ToArray();
        return (epoch.Loss, bytes);
    }
}
