using NnViz.Engine.Nn;
using NnViz.Engine.Training;

namespace NnViz.Engine.Tests;

/// <summary>The two directions of a Bidirectional layer run concurrently when two threads are allowed: after training
/// (forward, backward and Adam through both directions) the parameters and predictions must keep the bits of the
/// one-thread run, where the directions run in turn.</summary>
public class BidirectionalConcurrencyTests
{
    private static float[] Train(ComputeOptions compute, string merge, bool sequences)
    {
        var rng = new Rng(71);
        int rows = 96, steps = 12, vocab = 30;
        var data = rng.Fork("data");
        var x = new float[rows * steps]; var y = new float[rows];
        for (int i = 0; i < x.Length; i++) x[i] = 1 + data.NextInt(vocab - 1);
        for (int r = 0; r < rows; r++) y[r] = x[r * steps] > vocab / 2 ? 1 : 0;
        LayerSpec[] specs = sequences
            ? [new("embedding", "e", Units: 8, VocabSize: vocab), new("bidirectional", "b", Units: 6, ReturnSequences: true, Merge: merge),
               new("bidirectional", "b2", Units: 4, Merge: merge), new("dense", "o", 1, "sigmoid")]
            : [new("embedding", "e", Units: 8, VocabSize: vocab), new("bidirectional", "b", Units: 6, Merge: merge), new("dense", "o", 1, "sigmoid")];
        var model = Sequential.Build(steps, specs, rng);
        model.Compute = compute;
        var opt = new Adam(model.Parameters);
        var shuffle = rng.Fork("shuffle");
        for (int e = 0; e < 2; e++) Trainer.TrainEpoch(model, new BinaryCrossEntropy(), opt, x, y, rows, 32, shuffle);
        var all = new List<float>();
        foreach (var p in model.Parameters) all.AddRange(p.Value);
        all.AddRange(model.Predict(x, rows));
        return all.ToArray();
    }

    [Theory]
    [InlineData("concat", true)]
    [InlineData("sum", false)]
    public void ConcurrentDirectionsGiveTheSequentialBits(string merge, bool sequences)
    {
        var one = Train(ComputeOptions.SingleThread, merge, sequences);
        var two = Train(new ComputeOptions(2, MinParallelWork: 0), merge, sequences);
        Assert.Equal(one.Select(BitConverter.SingleToInt32Bits), two.Select(BitConverter.SingleToInt32Bits));
    }
}
