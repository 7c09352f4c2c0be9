using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NnViz.Torch.Tests;

/// <summary>Five optimizer steps of the catalogue's D2 (imdb-lstm) and C1 (toxic-animator) models on both engines, from
/// the same initial parameters, batches and dropout masks: every parameter and every batch loss within 1e-4 relative.</summary>
public class TrainingParityTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const double Tolerance = 1e-4;
    private const int Steps = 5, Batch = 32, Length = 20, Vocab = 300;

    /// <summary>experiments/imdb-lstm.yaml's model (embedding 32, LSTM 64, dropout 0.5, dense 64 relu, dropout 0.5, sigmoid).</summary>
    public static IReadOnlyList<LayerSpec> D2 =>
    [
        new("embedding", "embedding", Units: 32, VocabSize: Vocab, MaskZero: true), new("lstm", "lstm", Units: 64),
        new("dropout", "dropout_1", Rate: 0.5), new("dense", "hidden", Units: 64, Activation: "relu"),
        new("dropout", "dropout_2", Rate: 0.5), new("dense", "output", Units: 1, Activation: "sigmoid"),
    ];

    /// <summary>experiments/toxic-animator.yaml's model (frozen 50-d embedding, BiLSTM 16, six sigmoid outputs).</summary>
    public static IReadOnlyList<LayerSpec> C1 =>
    [
        new("embedding", "embedding", Units: 50, VocabSize: Vocab, Trainable: false, MaskZero: true),
        new("bidirectional", "bilstm", Units: 16), new("dense", "dense", Units: 6, Activation: "sigmoid"),
    ];

    public static TheoryData<string, string> Cases => new()
    {
        { "d2", "adam" }, { "d2", "sgd" }, { "d2", "rmsprop" }, { "c1", "adam" }, { "c1", "sgd" }, { "c1", "rmsprop" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Five_steps_agree(string model, string optimizer)
    {
        TorchRuntime.Ensure();
        var settings = optimizer switch
        {
            "adam" => new OptimizerSettings("adam", model == "c1" ? 0.005 : 0.001),
            "sgd" => new OptimizerSettings("sgd", 0.1, Momentum: 0.9, Nesterov: model == "c1"),
            _ => new OptimizerSettings("rmsprop", 0.001),
        };
        Run(model == "d2" ? D2 : C1, model == "d2" ? 1 : 6, settings, new TrainOptions(ClipNorm: model == "d2" ? 1.0 : null));
    }

    [Fact]
    public void Clipping_by_value_agrees() => Run(C1, 6, new OptimizerSettings("sgd", 0.5), new TrainOptions(ClipValue: 0.01));

    private void Run(IReadOnlyList<LayerSpec> specs, int outputs, OptimizerSettings settings, TrainOptions options)
    {
        var data = new Rng(42);
        var (native, twin) = TorchModel.Build(Length, specs, new Rng(7));
        int rows = Steps * Batch;
        var x = Parity.Tokens(data, rows, Length, Vocab);
        var y = Enumerable.Range(0, rows * outputs).Select(_ => data.NextDouble() < 0.4 ? 1f : 0f).ToArray();
        var loss = new BinaryCrossEntropy();
        var nativeLosses = new List<double>();
        var torchLosses = new List<double>();
        var nOpt = settings.Native(native.Parameters);
        var nEpoch = Trainer.TrainEpoch(native, loss, nOpt, x, y, rows, Batch, new Rng(9), b => { }, options);
        var tEpoch = TorchTrainer.TrainEpoch(twin, loss, settings.Torch(twin), x, y, rows, Batch, new Rng(9), b => { }, options);
        Assert.Equal(Steps, nEpoch.Batches);
        Assert.Equal(Steps, tEpoch.Batches);
        output.WriteLine($"{settings.Kind} loss native {nEpoch.Loss:R} torch {tEpoch.Loss:R}");
        Assert.True(Math.Abs(nEpoch.Loss - tEpoch.Loss) <= Tolerance * Math.Abs(nEpoch.Loss), $"epoch loss native {nEpoch.Loss} torch {tEpoch.Loss}");
        var initial = TorchModel.Build(Length, specs, new Rng(7)).Native;
        foreach (var p in twin.Parameters)
        {
            var before = initial.Parameters.First(q => q.Name == p.Name).Value;
            Assert.Equal(p.Trainable, !before.SequenceEqual(p.Native.Value));
            Parity.Close(p.Native.Value, p.Values(), Tolerance, p.Name);
            output.WriteLine($"{settings.Kind} {p.Name}: {Parity.RelativeError(p.Native.Value, p.Values()):E2}");
            var moved = p.Native.Value.Zip(before, (a, b) => a - b).ToArray();
            if (p.Trainable) Parity.Close(moved, p.Values().Zip(before, (a, b) => a - b).ToArray(), 1e-2, p.Name + " update");
        }
    }
}
