using NnViz.Engine;
using NnViz.Engine.Training;
using NnViz.Lab.Experiments.Pipeline;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Tests;

/// <summary>The shared training loop, driven through the engine seam by a scripted model (a stand-in for a second engine).</summary>
public class EpochRecorderTests
{
    /// <summary>A one-weight "model": each epoch adds 1 to its weight and reports the loss the script gives; Predict returns the weight.</summary>
    private sealed class ScriptedModel(double[] losses) : ITrainableModel
    {
        private float _w;
        public int Epochs { get; private set; }
        public List<int> BatchSizes { get; } = [];
        public int InputWidth => 1;
        public int OutputWidth => 1;

        public double TrainEpoch(float[] x, float[] y, int rows, int batchSize, Rng? shuffle)
        {
            BatchSizes.Add(batchSize);
            _w += 1;
            return losses[Epochs++];
        }

        public float[] Predict(float[] x, int rows, IReadOnlyCollection<string> capture, out IReadOnlyDictionary<string, float[]> captured)
        {
            captured = capture.ToDictionary(c => c, _ => new[] { -_w });
            return [.. Enumerable.Repeat(_w, rows)];
        }

        public IReadOnlyList<ParameterValues> Parameters() => [new("w", [1], [_w])];
        public void SetParameter(string name, ReadOnlySpan<float> values) => _w = values[0];
    }

    private static TrainingSettings Settings(int epochs, EarlyStoppingSettings? stop = null) => new(epochs, 8, true, 1, "native", stop);
    private static readonly TrainingSet Rows = new([0f, 1f], [0f, 1f], 2);

    [Fact]
    public void ProbesTheUntrainedModelAsEpochZeroWithNaNLossThenEveryEpoch()
    {
        var model = new ScriptedModel([0.9, 0.5, 0.25]);
        var progress = new List<double>();
        var log = EpochRecorder.Run(model, Rows, Settings(3), null,
            [Probe.Array("output", c => c.Model.Predict([0f], 1)), Probe.Array("scratch", c => [10 * c.Array("output")[0]], keep: false),
             Probe.Scalar("twice", c => 2 * c.Array("output")[0]), Probe.Scalar("tenfold", c => c.Array("scratch")[0]), Probe.Scalar("epoch", c => c.Epoch)],
            progress.Add);
        Assert.Equal(4, log.Checkpoints);
        Assert.True(double.IsNaN(log.Loss[0]));
        Assert.Equal([0.9, 0.5, 0.25], log.Loss[1..]);
        Assert.Equal([0f, 1f, 2f, 3f], log.Array("output").Select(a => a[0]));
        Assert.Equal([0.0, 2, 4, 6], log.Number("twice")); // a later probe reads an earlier one's value at the same checkpoint
        Assert.Equal([0.0, 1, 2, 3], log.Number("epoch"));
        Assert.Equal([0.0, 10, 20, 30], log.Number("tenfold"));
        Assert.False(log.Arrays.ContainsKey("scratch")); // seen by later probes, not kept
        Assert.Equal([1 / 3.0, 2 / 3.0, 1.0], progress);
        Assert.Equal([8, 8, 8], model.BatchSizes);
    }

    [Fact]
    public void WithoutTheInitialProbeIndexZeroIsTheFirstEpoch()
    {
        var log = EpochRecorder.Run(new ScriptedModel([0.9, 0.5]), Rows, Settings(2), null, [Probe.Scalar("w", c => c.Model.Parameters()[0].Values[0])], _ => { },
            new RecorderOptions(ProbeBeforeTraining: false));
        Assert.Equal([0.9, 0.5], log.Loss);
        Assert.Equal([1.0, 2.0], log.Number("w"));
    }

    [Fact]
    public void EarlyStoppingEndsTrainingAndKeepsTheRecordedEpochs()
    {
        // The watched value stops improving after epoch 2; patience 2 stops after epoch 4 of 10.
        double[] watched = [0.8, 0.6, 0.7, 0.65, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0];
        var model = new ScriptedModel([.. Enumerable.Repeat(1.0, 10)]);
        var log = EpochRecorder.Run(model, Rows, Settings(10, new EarlyStoppingSettings("val_loss", 2)), null,
            [Probe.Scalar("val_loss", c => watched[c.Epoch - 1])], _ => { }, new RecorderOptions(ProbeBeforeTraining: false, StopOn: "val_loss"));
        Assert.Equal(4, model.Epochs);
        Assert.Equal(4, log.Checkpoints);
        Assert.Equal(watched[..4], log.Number("val_loss"));
    }

    [Fact]
    public void WithoutEarlyStoppingInTheSpecEveryEpochRuns()
    {
        var model = new ScriptedModel([.. Enumerable.Repeat(1.0, 5)]);
        EpochRecorder.Run(model, Rows, Settings(5), null, [Probe.Scalar("val_loss", _ => 1.0)], _ => { },
            new RecorderOptions(ProbeBeforeTraining: false, StopOn: "val_loss"));
        Assert.Equal(5, model.Epochs);
    }

    [Fact]
    public void AccuracyThresholdsAtOneHalfAndBreaksArgMaxTiesToTheLowerClass()
    {
        Assert.Equal(0.75, Accuracy.Binary([0.1f, 0.5f, 0.49f, 0.9f], [0f, 1f, 1f, 1f]));
        Assert.Equal([2], Accuracy.Misclassified([0.1f, 0.5f, 0.49f], [0, 1, 1]));
        // Rows of three scores: row 0 ties classes 1 and 2 (class 1 wins), row 1 is class 0.
        Assert.Equal(0.5, Accuracy.Categorical([0.1f, 0.45f, 0.45f, 0.7f, 0.2f, 0.1f], 2, [2, 0]));
    }

    [Fact]
    public void TheNativeEngineTrainsARecipeThroughTheSeam()
    {
        var recipe = new ModelRecipe(1, [new NnViz.Engine.Nn.LayerSpec("dense", "out", Units: 1)], "mse", new OptimizerSettings("sgd", 0.1));
        float[] x = [.. Enumerable.Range(0, 32).Select(i => i / 16f - 1)];
        float[] y = [.. x.Select(v => 3 * v - 1)];
        var a = NativeEngine.Instance.Build(recipe, new Rng(7));
        var b = NativeEngine.Instance.Build(recipe, new Rng(7));
        var log = EpochRecorder.Run(a, new TrainingSet(x, y, 32), Settings(60), new Rng(3), [Probe.Array("kernel", c => c.Model.Parameter("out/kernel"))], _ => { });
        Assert.InRange(log.Array("kernel")[^1][0], 2.9f, 3.1f);
        Assert.True(log.Loss[^1] < log.Loss[1] / 100, $"loss {log.Loss[1]} -> {log.Loss[^1]}");
        EpochRecorder.Run(b, new TrainingSet(x, y, 32), Settings(60), new Rng(3), [], _ => { });
        Assert.Equal(a.Parameters().SelectMany(p => p.Values), b.Parameters().SelectMany(p => p.Values)); // same recipe, streams and data: same bits
    }
}
