using NnViz.Engine.Kernels;
using NnViz.Engine.Nn;

namespace NnViz.Engine.Tests;

/// <summary>
/// Layers (float32) against central differences of their own forward, with the loss Σ c ⊙ y summed in double.
/// h = 1e-2 keeps float rounding small next to the difference; the math inside the recurrent and dense kernels is
/// separately checked in double (LstmKernelTests, DenseKernelTests).
/// </summary>
public class LayerGradientTests
{
    private static void Check(Layer layer, Flow x, bool inputGrad = true, double tol = 5e-3)
    {
        var rng = new Rng(80);
        var y0 = layer.Forward(x, Mode.Eval);
        var c = GradCheck.RandomF(rng, y0.Length);
        double Loss()
        {
            var y = layer.Forward(x, Mode.Eval);
            double s = 0;
            for (int i = 0; i < c.Length; i++) s += (double)c[i] * y.Data[i];
            return s;
        }
        foreach (var p in layer.Parameters) p.ZeroGrad();
        layer.Forward(x, Mode.Eval);
        var dx = layer.Backward(y0 with { Data = c }, inputGrad);
        var targets = new List<(string, float[], float[])>();
        foreach (var p in layer.Parameters) if (p.Trainable) targets.Add((p.Name, p.Value, (float[])p.Grad.Clone()));
        if (inputGrad) targets.Add(("input", x.Data, (float[])dx.Data.Clone()));
        foreach (var (name, v, g) in targets)
        {
            var numeric = new double[x.Data == v ? x.Length : v.Length];
            for (int i = 0; i < numeric.Length; i++)
            {
                float keep = v[i];
                v[i] = keep + 1e-2f; double up = Loss();
                v[i] = keep - 1e-2f; double down = Loss();
                v[i] = keep;
                numeric[i] = (up - down) / 2e-2;
            }
            GradCheck.Close(numeric, Array.ConvertAll(g[..numeric.Length], f => (double)f), tol, $"{layer.Name} {name}");
        }
    }

    private static float[] Mask(int rows, int steps, params (int r, int t)[] pads)
    {
        var m = new float[rows * steps];
        Array.Fill(m, 1f);
        foreach (var (r, t) in pads) m[r * steps + t] = 0;
        return m;
    }

    [Fact]
    public void DenseOnSequences() => Check(new Dense("d", 3, 4, Activation.Sigmoid, new Rng(1)), new Flow(GradCheck.RandomF(new Rng(2), 2 * 3 * 3), 2, 3, 3));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Lstm(bool returnSequences) => Check(new Lstm("l", 3, 4, returnSequences, new Rng(3)),
        new Flow(GradCheck.RandomF(new Rng(4), 2 * 5 * 3), 2, 5, 3, Mask(2, 5, (0, 0), (0, 1), (1, 4))));

    [Fact]
    public void LstmWideEnoughForTheVectorCellBackward() => Check(new Lstm("l12", 3, 12, true, new Rng(12)),
        new Flow(GradCheck.RandomF(new Rng(13), 2 * 4 * 3), 2, 4, 3, Mask(2, 4, (1, 0))));

    [Theory]
    [InlineData("concat", false)]
    [InlineData("sum", true)]
    public void Bidirectional(string merge, bool returnSequences) => Check(new Bidirectional("b", 2, 3, returnSequences, merge, new Rng(5)),
        new Flow(GradCheck.RandomF(new Rng(6), 3 * 4 * 2), 3, 4, 2, Mask(3, 4, (0, 0), (2, 3))));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MaskedPooling(bool max) => Check(new GlobalPooling1D("p", 3, max),
        new Flow(GradCheck.RandomF(new Rng(7), 2 * 4 * 3), 2, 4, 3, Mask(2, 4, (0, 1), (1, 0), (1, 3))));

    [Fact]
    public void Flatten() => Check(new Flatten("f", 3, 2), new Flow(GradCheck.RandomF(new Rng(8), 2 * 3 * 2), 2, 3, 2));

    [Fact]
    public void EmbeddingGradientsScatterIntoTheRowsUsed()
    {
        var e = new Embedding("e", 5, 3, maskZero: true, new Rng(9));
        var ids = new Flow([1, 3, 0, 3, 4, 1], 2, 3, 1);
        Check(e, ids, inputGrad: false);
        var y = e.Forward(ids, Mode.Eval);
        Assert.Equal([1f, 1f, 0f, 1f, 1f, 1f], y.Mask!.AsSpan(0, 6).ToArray());
        Assert.Equal(e.Weights.Value.AsSpan(3 * 3, 3).ToArray(), y.Data.AsSpan(3, 3).ToArray());
    }

    [Fact]
    public void FrozenEmbeddingKeepsItsVectorsAndHasNoGradient()
    {
        var model = Sequential.Build(3, [new LayerSpec("embedding", "e", Units: 2, VocabSize: 4, Trainable: false), new LayerSpec("flatten", "f"),
            new LayerSpec("dense", "o", 1)], new Rng(10));
        var e = (Embedding)model.Layers[0];
        var vectors = new float[] { 0, 0, 1, 2, 3, 4, 5, 6 };
        e.SetVectors(vectors);
        var opt = new Training.Adam(model.Parameters, 0.1);
        Training.Trainer.TrainEpoch(model, new Training.Mse(), opt, [1, 2, 3, 3, 2, 1], [1, -1], 2, 2, null);
        Assert.Equal(vectors, e.Weights.Value);
        Assert.All(e.Weights.Grad, g => Assert.Equal(0f, g));
    }

    [Fact]
    public void DropoutScalesKeptValuesDropsAboutRateAndIsIdentityAtEval()
    {
        var d = new Dropout("drop", 1000, 0.3, new Rng(11));
        var x = new Flow(Enumerable.Repeat(1f, 1000).ToArray(), 1, 1, 1000);
        Assert.Same(x.Data, d.Forward(x, Mode.Eval).Data);
        var y = d.Forward(x, Mode.Train);
        int dropped = y.Data.Take(1000).Count(v => v == 0);
        Assert.InRange(dropped, 250, 350);
        Assert.All(y.Data.Take(1000).Where(v => v != 0), v => Assert.Equal(1f / 0.7f, v, 6));
        var dx = d.Backward(x with { Data = Enumerable.Repeat(2f, 1000).ToArray() }, true);
        for (int i = 0; i < 1000; i++) Assert.Equal(y.Data[i] * 2, dx.Data[i], 6);
    }
}
