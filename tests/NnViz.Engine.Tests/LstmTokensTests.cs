using NnViz.Engine.Kernels;
using NnViz.Engine.Nn;

namespace NnViz.Engine.Tests;

/// <summary>An LSTM reading an embedding directly sums its input-side gradients per token (<see cref="LstmTokens"/>):
/// dW = Σ_v x_vᵀ·(Σ dz_p) and the embedding's gradient one row per token. The sums round differently from the per-step
/// path, so the gradients must agree with it to float precision, and their bits must not depend on threads.</summary>
public class LstmTokensTests
{
    [Fact]
    public void GroupsListEveryRealStepOnceByIdInTimeOrder()
    {
        int rows = 3, steps = 4;
        int[] ids = [5, 2, 5, 0, /**/ 2, 2, 7, 0, /**/ 9, 5, 0, 0];
        float[] mask = [1, 1, 1, 0, /**/ 1, 1, 1, 0, /**/ 1, 1, 0, 0];
        var g = TokenGroups.Build(ids, mask, rows, steps, vocab: 10);
        Assert.Equal([2, 5, 7, 9], g.Ids);
        Assert.Equal(8, g.PositionCount);
        // Time-major positions p = t·rows + r, increasing within each group; padded steps (id 0 here) left out.
        int P(int r, int t) => t * rows + r;
        Assert.Equal([P(1, 0), P(0, 1), P(1, 1)], Group(g, 0));
        Assert.Equal([P(0, 0), P(2, 1), P(0, 2)], Group(g, 1));
        Assert.Equal([P(1, 2)], Group(g, 2));
        Assert.Equal([P(2, 0)], Group(g, 3));
        for (int q = 0; q < g.Count; q++) Assert.Equal(g.Ids[q], ids[g.FirstRow[q]]);
        // No mask: every step is real, id 0 included.
        var all = TokenGroups.Build(ids, default, rows, steps, vocab: 10);
        Assert.Equal([0, 2, 5, 7, 9], all.Ids);
        Assert.Equal(12, all.PositionCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenGroups.Build([3, 11], default, 1, 2, vocab: 10));
    }

    private static int[] Group(TokenGroups g, int q) => g.Positions[g.Starts[q]..g.Starts[q + 1]];

    internal static LayerSpec[] Model(string arch, bool maskZero, bool frozen = false, int vocab = 40, int emb = 12, int units = 16) => arch switch
    {
        "lstm" => [Emb(vocab, emb, maskZero, frozen), new("lstm", "lstm", Units: units), new("dense", "out", Units: 3)],
        "lstm_seq" => [Emb(vocab, emb, maskZero, frozen), new("lstm", "lstm", Units: units, ReturnSequences: true),
            new("global_average_pooling1d", "pool"), new("dense", "out", Units: 3)],
        "bilstm" => [Emb(vocab, emb, maskZero, frozen), new("bidirectional", "lstm", Units: units), new("dense", "out", Units: 3)],
        "bilstm_sum_seq" => [Emb(vocab, emb, maskZero, frozen), new("bidirectional", "lstm", Units: units, ReturnSequences: true, Merge: "sum"),
            new("global_max_pooling1d", "pool"), new("dense", "out", Units: 3)],
        _ => throw new ArgumentException(arch),
    };

    private static LayerSpec Emb(int vocab, int emb, bool maskZero, bool frozen) =>
        new("embedding", "emb", Units: emb, VocabSize: vocab, MaskZero: maskZero, Trainable: !frozen);

    /// <summary>Token rows with some padding (trailing zeros) and many repeated ids.</summary>
    internal static float[] Tokens(Rng rng, int rows, int steps, int vocab)
    {
        var x = new float[rows * steps];
        for (int r = 0; r < rows; r++)
        {
            int length = steps - rng.NextInt(steps / 2);
            for (int t = 0; t < length; t++) x[r * steps + t] = 1 + rng.NextInt(vocab - 1);
        }
        return x;
    }

    /// <summary>Every parameter's gradient after one training forward and backward (dy fixed by the seed).</summary>
    private static float[][] Gradients(Sequential model, float[] x, int rows, int seed, ComputeOptions options)
    {
        model.Compute = options;
        foreach (var p in model.Parameters) p.ZeroGrad();
        var o = model.Forward(model.InputFlow(x, rows), Mode.Train);
        var dy = GradCheck.RandomF(new Rng((ulong)seed), o.Length);
        model.Backward(o with { Data = dy });
        return [.. model.Parameters.Select(p => (float[])p.Grad.Clone())];
    }

    private static void Unwire(Sequential model)
    {
        if (model.Layers[1] is Lstm l) l.TokenSource = null;
        else ((Bidirectional)model.Layers[1]).TokenSource = null;
    }

    private static Lstm FirstLstm(Sequential model) => model.Layers[1] is Lstm l ? l : ((Bidirectional)model.Layers[1]).Forwards;

    [Theory]
    [InlineData("lstm", true, false)]
    [InlineData("lstm", false, false)]
    [InlineData("lstm_seq", true, false)]
    [InlineData("bilstm", true, false)]
    [InlineData("bilstm", false, true)]
    [InlineData("bilstm_sum_seq", true, false)]
    [InlineData("lstm", true, true)]
    public void GradientsAgreeWithThePerStepPath(string arch, bool maskZero, bool frozen)
    {
        int rows = 9, steps = 14, vocab = 40;
        var x = Tokens(new Rng(3), rows, steps, vocab);
        var wired = Sequential.Build(steps, Model(arch, maskZero, frozen, vocab), new Rng(11));
        var plain = Sequential.Build(steps, Model(arch, maskZero, frozen, vocab), new Rng(11));
        Unwire(plain);
        var a = Gradients(wired, x, rows, 5, ComputeOptions.SingleThread);
        Assert.NotNull(FirstLstm(wired).TokenGroupsUsed);
        var b = Gradients(plain, x, rows, 5, ComputeOptions.SingleThread);
        Assert.Null(FirstLstm(plain).TokenGroupsUsed);
        for (int k = 0; k < a.Length; k++)
        {
            var name = wired.Parameters[k].Name;
            double scale = b[k].Max(v => Math.Abs((double)v));
            if (frozen && name.StartsWith("emb", StringComparison.Ordinal)) Assert.Equal(0, a[k].Max(v => Math.Abs(v)));
            else Assert.True(scale > 0, $"{name}: no gradient");
            for (int i = 0; i < a[k].Length; i++)
                Assert.True(Math.Abs(a[k][i] - b[k][i]) <= 2e-6 * scale, $"{name}[{i}]: per token {a[k][i]:R}, per step {b[k][i]:R}");
        }
    }

    /// <summary>Enough distinct tokens for several blocks of groups: one thread runs the blocks' products as it builds
    /// them, more threads build them all in parallel and run one product; the chains, and so the bits, must be the same.</summary>
    [Theory]
    [InlineData("lstm")]
    [InlineData("bilstm")]
    public void BitsDoNotDependOnThreads(string arch)
    {
        int rows = 24, steps = 30, vocab = 600;
        var x = Tokens(new Rng(8), rows, steps, vocab);
        var model = Sequential.Build(steps, Model(arch, maskZero: true, vocab: vocab, emb: 20, units: 16), new Rng(12));
        var one = Gradients(model, x, rows, 6, ComputeOptions.SingleThread);
        Assert.True(FirstLstm(model).TokenGroupsUsed!.Count > 256, "the test needs three or more blocks of groups");
        foreach (int threads in new[] { 2, 3 })
        {
            var many = Gradients(model, x, rows, 6, new ComputeOptions(threads, MinParallelWork: 0));
            for (int k = 0; k < one.Length; k++) LstmFusedCellTests.SameBits(one[k], many[k], $"{model.Parameters[k].Name}, {threads} threads");
        }
    }

    [Fact]
    public void OnlyAnLstmReadingTheEmbeddingDirectlyTakesTokens()
    {
        int steps = 6;
        var between = Sequential.Build(steps, [Emb(20, 4, true, false), new("dropout", "drop", Rate: 0.3), new("lstm", "lstm", Units: 4),
            new("dense", "out", Units: 1)], new Rng(1));
        var x = Tokens(new Rng(2), 5, steps, 20);
        Gradients(between, x, 5, 1, ComputeOptions.SingleThread);
        Assert.Null(((Lstm)between.Layers[2]).TokenGroupsUsed);
        Assert.True(between.Parameters[0].Grad.Any(v => v != 0), "the embedding still gets its gradient through the dropout");
        // Inference never groups (no backward follows).
        var direct = Sequential.Build(steps, Model("lstm", true), new Rng(1));
        direct.Forward(direct.InputFlow(Tokens(new Rng(2), 5, steps, 40), 5), Mode.Eval);
        Assert.Null(FirstLstm(direct).TokenGroupsUsed);
    }

    /// <summary>In a graph, an embedding with one consumer hands it tokens; one read by two layers does not (its gradient
    /// is the sum of both consumers' flows), and both models train the same either way.</summary>
    [Fact]
    public void GraphEmbeddingsWithOneConsumerHandItTokens()
    {
        var graph = GraphModel.Build([new GraphInput("text", 8, 1)],
        [
            new(new LayerSpec("embedding", "shared", Units: 5, VocabSize: 30, MaskZero: true), ["text"]),
            new(new LayerSpec("lstm", "a", Units: 4), ["shared"]),
            new(new LayerSpec("bidirectional", "b", Units: 3), ["shared"]),
            new(new LayerSpec("concatenate", "both"), ["a", "b"]),
            new(new LayerSpec("dense", "out", Units: 1), ["both"]),
        ], new Rng(4));
        var single = GraphModelTests.TwoBranch(new Rng(4));
        foreach (var (model, rows, width) in new[] { ((IModel)graph, 4, 8), (single, 4, 10) })
        {
            var x = Tokens(new Rng(9), rows, width, 10);
            var o = model.Forward(model.InputFlow(x, rows), Mode.Train);
            model.Backward(o with { Data = GradCheck.RandomF(new Rng(1), o.Length) });
            Assert.All(model.Parameters, p => Assert.True(p.Grad.Any(v => v != 0), $"{p.Name}: no gradient"));
        }
        Assert.Null(((Lstm)graph.Layers[1]).TokenGroupsUsed);
        Assert.Null(((Bidirectional)graph.Layers[2]).Forwards.TokenGroupsUsed);
        Assert.NotNull(((Lstm)single.Layers[1]).TokenGroupsUsed);
        Assert.NotNull(((Bidirectional)single.Layers[3]).Forwards.TokenGroupsUsed);
    }
}
