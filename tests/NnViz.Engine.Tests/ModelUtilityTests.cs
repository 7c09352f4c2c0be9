using NnViz.Engine.Nn;
using NnViz.Engine.Training;

namespace NnViz.Engine.Tests;

public class ModelUtilityTests
{
    [Fact]
    public void SequentialSaveLoadKeepsSpecsWeightsAndBytes()
    {
        var model = Sequential.Build(12, SequenceModelTests.Imdb(30), new Rng(110));
        var bytes = ModelFile.ToBytes(model);
        var loaded = (Sequential)ModelFile.Load(new MemoryStream(bytes));
        Assert.Equal(model.Specs, loaded.Specs);
        Assert.Equal(bytes, ModelFile.ToBytes(loaded));
        var x = new float[3 * 12];
        for (int i = 0; i < x.Length; i++) x[i] = i % 29 + 1;
        Assert.Equal(model.Predict(x, 3), loaded.Predict(x, 3));
        Assert.Throws<InvalidDataException>(() => ModelFile.Load(new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8])));
    }

    [Fact]
    public void PrefixEvaluationEqualsPredictingEachPrefixAlone()
    {
        var model = Sequential.Build(25, SequenceModelTests.Imdb(30), new Rng(111));
        var rng = new Rng(112);
        var review = new float[25];
        for (int i = 0; i < 25; i++) review[i] = 1 + rng.NextInt(29);
        var prefixes = model.PredictPrefixes(review, 25);
        Assert.Equal(25, prefixes.Length);
        for (int p = 1; p <= 25; p++)
        {
            // The prefix alone, pre-padded to the model's length: padding is masked, so it is the same computation.
            var padded = new float[25];
            Array.Copy(review, 0, padded, 25 - p, p);
            Assert.Equal(model.Predict(padded, 1)[0], prefixes[p - 1]);
        }
    }

    [Fact]
    public void PrefixEvaluationRejectsBidirectionalModels()
    {
        var model = Sequential.Build(5, [new("embedding", "e", Units: 2, VocabSize: 5), new("bidirectional", "b", Units: 2), new("dense", "o", Units: 1)], new Rng(113));
        Assert.Throws<NotSupportedException>(() => model.PredictPrefixes([1, 2, 3, 4, 1], 5));
    }

    [Fact]
    public void EarlyStoppingStopsAfterPatienceAndRestoresTheBestWeights()
    {
        var p = new Parameter("w", [1], [0f]);
        var stop = new EarlyStopping(patience: 2, restoreBestWeights: true);
        double[] valLoss = [1.0, 0.8, 0.9, 0.85, 0.7];
        int stoppedAt = -1;
        for (int e = 0; e < valLoss.Length; e++)
        {
            p.Value[0] = e; // the "weights" after epoch e
            if (stop.Update(valLoss[e], [p])) { stoppedAt = e; break; }
        }
        Assert.Equal(3, stoppedAt);
        Assert.Equal(1, stop.BestEpoch);
        Assert.Equal(0.8, stop.Best);
        Assert.Equal(1f, p.Value[0]);
    }

    [Fact]
    public void EarlyStoppingOnAccuracyWithMinDelta()
    {
        var stop = new EarlyStopping(patience: 1, minDelta: 0.01, higherIsBetter: true);
        Assert.False(stop.Update(0.80, []));
        Assert.False(stop.Update(0.85, []));
        Assert.True(stop.Update(0.855, [])); // +0.005 is not an improvement with min_delta 0.01
    }
}
