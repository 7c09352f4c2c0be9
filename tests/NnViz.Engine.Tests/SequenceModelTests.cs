using NnViz.Engine.Nn;
using NnViz.Engine.Training;

namespace NnViz.Engine.Tests;

public class SequenceModelTests
{
    internal static LayerSpec[] Imdb(int vocab, int emb = 8, int units = 6) =>
    [
        new("embedding", "embedding", Units: emb, VocabSize: vocab, MaskZero: true),
        new("lstm", "lstm", Units: units),
        new("dropout", "drop1", Rate: 0.5),
        new("dense", "hidden", Units: 5, Activation: "relu"),
        new("dropout", "drop2", Rate: 0.5),
        new("dense", "out", Units: 1, Activation: "sigmoid"),
    ];

    private static float[] Pad(int[] review, int length, bool pre)
    {
        var row = new float[length];
        int offset = pre ? length - review.Length : 0;
        for (int i = 0; i < review.Length; i++) row[offset + i] = review[i];
        return row;
    }

    [Theory]
    [InlineData("imdb", true)]
    [InlineData("imdb", false)]
    [InlineData("bilstm_pool", true)]
    [InlineData("bilstm_pool", false)]
    [InlineData("stacked", true)]
    public void SameReviewPaddedTo50And200GivesTheSameBits(string arch, bool prePadding)
    {
        LayerSpec[] specs = arch == "imdb" ? Imdb(30) : arch == "stacked" ?
        [
            new("embedding", "embedding", Units: 6, VocabSize: 30, MaskZero: true),
            new("lstm", "lstm1", Units: 5, ReturnSequences: true),
            new("bidirectional", "bilstm2", Units: 4, ReturnSequences: true, Merge: "sum"),
            new("global_average_pooling1d", "pool"),
            new("dense", "out", Units: 1, Activation: "sigmoid"),
        ] :
        [
            new("embedding", "embedding", Units: 6, VocabSize: 30, MaskZero: true),
            new("bidirectional", "bilstm", Units: 5, ReturnSequences: true),
            new("global_max_pooling1d", "pool"),
            new("dense", "out", Units: 6, Activation: "sigmoid"),
        ];
        var rng = new Rng(90);
        var review = Enumerable.Range(0, 37).Select(i => 1 + rng.NextInt(29)).ToArray();
        var m50 = Sequential.Build(50, specs, new Rng(91));
        var m200 = Sequential.Build(200, specs, new Rng(91));
        var a = m50.Predict(Pad(review, 50, prePadding), 1, ["embedding"], out _);
        var b = m200.Predict(Pad(review, 200, prePadding), 1);
        Assert.Equal(a, b);
    }

    [Fact]
    public void LstmLearnsWhetherATokenOccurs()
    {
        // Label 1 iff token 3 appears somewhere in a variable-length sequence: needs memory across steps.
        var rng = new Rng(92);
        int n = 512, T = 12;
        var x = new float[n * T]; var y = new float[n];
        for (int r = 0; r < n; r++)
        {
            int len = 4 + rng.NextInt(T - 3);
            bool has = rng.NextInt(2) == 1;
            for (int t = T - len; t < T; t++) x[r * T + t] = 4 + rng.NextInt(6);
            if (has) x[r * T + T - len + rng.NextInt(len)] = 3;
            y[r] = has ? 1 : 0;
        }
        var model = Sequential.Build(T, Imdb(10, emb: 8, units: 8), rng.Fork("model"));
        var opt = new Adam(model.Parameters, 0.01);
        for (int e = 0; e < 15; e++) Trainer.TrainEpoch(model, new BinaryCrossEntropy(), opt, x, y, n, 32, rng.Fork("shuffle"));
        var p = model.Predict(x, n);
        int correct = 0;
        for (int r = 0; r < n; r++) if ((p[r] > 0.5f) == (y[r] == 1)) correct++;
        Assert.True(correct > 0.95 * n, $"accuracy {correct}/{n}");
    }

    [Fact]
    public void ProbesBetweenBatchesDoNotDisturbTraining()
    {
        float[] Train(bool probe)
        {
            var rng = new Rng(93);
            int n = 96, T = 7;
            var x = new float[n * T]; var y = new float[n];
            for (int i = 0; i < x.Length; i++) x[i] = rng.NextInt(12);
            for (int r = 0; r < n; r++) y[r] = x[r * T + 3] > 5 ? 1 : 0;
            var model = Sequential.Build(T, Imdb(12), rng.Fork("model"));
            var opt = new RmsProp(model.Parameters);
            var shuffle = rng.Fork("shuffle");
            var probeX = x[..(10 * T)];
            for (int e = 0; e < 2; e++)
                Trainer.TrainEpoch(model, new BinaryCrossEntropy(), opt, x, y, n, 16, shuffle,
                    probe ? b => { if (b % 2 == 0) model.Predict(probeX, 10, ["lstm", "hidden"], out _); } : null);
            return model.Parameters.SelectMany(p => p.Value).ToArray();
        }
        Assert.Equal(Train(false), Train(true));
    }

    [Fact]
    public void SequenceTrainingIsBitIdenticalWithForcedParallelChunks()
    {
        float[] Train(ComputeOptions compute)
        {
            var rng = new Rng(94);
            int n = 70, T = 9;
            var x = new float[n * T]; var y = new float[n * 6];
            for (int i = 0; i < x.Length; i++) x[i] = rng.NextInt(15);
            for (int i = 0; i < y.Length; i++) y[i] = rng.NextInt(2);
            var model = Sequential.Build(T, [new("embedding", "e", Units: 6, VocabSize: 15, MaskZero: true),
                new("bidirectional", "b", Units: 20), new("dense", "o", Units: 6)], rng.Fork("m"));
            model.Compute = compute;
            var opt = new Adam(model.Parameters);
            Trainer.TrainEpoch(model, new BinaryCrossEntropy(fromLogits: true), opt, x, y, n, 35, rng.Fork("s"), null, new TrainOptions(ClipNorm: 1));
            return model.Parameters.SelectMany(p => p.Value).ToArray();
        }
        Assert.Equal(Train(ComputeOptions.SingleThread), Train(new ComputeOptions(2, MinParallelWork: 0)));
    }
}
