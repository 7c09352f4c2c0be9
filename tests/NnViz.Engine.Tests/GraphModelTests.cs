using NnViz.Engine.Nn;
using NnViz.Engine.Training;

namespace NnViz.Engine.Tests;

public class GraphModelTests
{
    /// <summary>The title/abstract model: two token inputs, an LSTM each (the abstract read backwards), concatenated.</summary>
    internal static GraphModel TwoBranch(Rng rng) => GraphModel.Build(
        [new GraphInput("title", 4, 1), new GraphInput("abstract", 6, 1)],
        [
            new(new LayerSpec("embedding", "title_emb", Units: 3, VocabSize: 10, MaskZero: true), ["title"]),
            new(new LayerSpec("lstm", "title_lstm", Units: 4), ["title_emb"]),
            new(new LayerSpec("embedding", "abstract_emb", Units: 3, VocabSize: 10, MaskZero: true), ["abstract"]),
            new(new LayerSpec("bidirectional", "abstract_lstm", Units: 2, Merge: "sum"), ["abstract_emb"]),
            new(new LayerSpec("concatenate", "both"), ["title_lstm", "abstract_lstm"]),
            new(new LayerSpec("dense", "out", Units: 2), ["both"]),
        ], rng);

    private static float[] Tokens(Rng rng, int rows, int width)
    {
        var x = new float[rows * width];
        for (int i = 0; i < x.Length; i++) x[i] = rng.NextInt(10);
        return x;
    }

    [Fact]
    public void GradientsOfEveryParameterMatchCentralDifferences()
    {
        var rng = new Rng(100);
        var model = TwoBranch(rng);
        int rows = 3;
        var x = Tokens(rng, rows, 10); var y = GradCheck.RandomF(rng, rows * 2);
        var loss = new Mse();
        var grad = new float[rows * 2];
        double Loss() { var o = model.Forward(model.InputFlow(x, rows), Mode.Eval); return loss.Compute(o.Data.AsSpan(0, rows * 2), y, grad, rows, 2); }
        foreach (var p in model.Parameters) p.ZeroGrad();
        var o = model.Forward(model.InputFlow(x, rows), Mode.Train);
        var g = new float[rows * 2];
        loss.Compute(o.Data.AsSpan(0, rows * 2), y, g, rows, 2);
        model.Backward(o with { Data = g });
        foreach (var p in model.Parameters)
        {
            var analytic = Array.ConvertAll(p.Grad, v => (double)v);
            var numeric = new double[p.Length];
            for (int i = 0; i < p.Length; i++)
            {
                float keep = p.Value[i];
                p.Value[i] = keep + 1e-2f; double up = Loss();
                p.Value[i] = keep - 1e-2f; double down = Loss();
                p.Value[i] = keep;
                numeric[i] = (up - down) / 2e-2;
            }
            GradCheck.Close(numeric, analytic, 5e-3, p.Name);
        }
    }

    [Fact]
    public void AChainGraphEqualsTheSequentialModelBitForBit()
    {
        LayerSpec[] specs = [new("embedding", "e", Units: 4, VocabSize: 10, MaskZero: true), new("lstm", "l", Units: 5), new("dense", "o", Units: 1, Activation: "sigmoid")];
        var seq = Sequential.Build(6, specs, new Rng(101));
        var graph = GraphModel.Build([new GraphInput("tokens", 6, 1)],
            [new(specs[0], ["tokens"]), new(specs[1], ["e"]), new(specs[2], ["l"])], new Rng(101));
        var rng = new Rng(102);
        var x = Tokens(rng, 40, 6); var y = Array.ConvertAll(new float[40], _ => (float)rng.NextInt(2));
        var o1 = new Adam(seq.Parameters); var o2 = new Adam(graph.Parameters);
        Trainer.TrainEpoch(seq, new BinaryCrossEntropy(), o1, x, y, 40, 8, new Rng(5));
        Trainer.TrainEpoch(graph, new BinaryCrossEntropy(), o2, x, y, 40, 8, new Rng(5));
        Assert.Equal(seq.Predict(x, 40), graph.Predict(x, 40));
    }

    [Fact]
    public void SaveLoadRoundTripsBytesAndPredictions()
    {
        var graph = TwoBranch(new Rng(103));
        var x = Tokens(new Rng(104), 5, 10);
        var ms = new MemoryStream();
        ModelFile.Save(graph, ms);
        ms.Position = 0;
        var loaded = (GraphModel)ModelFile.Load(ms);
        var again = new MemoryStream();
        ModelFile.Save(loaded, again);
        Assert.Equal(ms.ToArray(), again.ToArray());
        Assert.Equal(graph.Predict(x, 5), loaded.Predict(x, 5));
    }
}
