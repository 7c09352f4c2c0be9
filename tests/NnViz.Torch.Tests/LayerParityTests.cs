using NnViz.Engine;
using NnViz.Engine.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace NnViz.Torch.Tests;

/// <summary>Every layer of the torch engine against the native one from the same parameters: the forward output, every
/// parameter gradient and the input gradient of loss = Σ y·c (c random) agree within 1e-5 relative.</summary>
public class LayerParityTests
{
    private const double Tolerance = 1e-5;
    private const int Rows = 5, Steps = 4, In = 3; // masked rows have 0 .. Steps padded steps (the last row is all padding)

    public LayerParityTests() => TorchRuntime.Ensure();

    [Theory]
    [InlineData("linear")] [InlineData("tanh")] [InlineData("sigmoid")] [InlineData("relu")] [InlineData("softmax")]
    public void Dense_on_sequences(string activation) =>
        Check(new LayerSpec("dense", "d", Units: 6, Activation: activation), Steps, In, masked: false);

    [Theory]
    [InlineData(true, false, false)] [InlineData(false, false, false)] [InlineData(true, true, false)]
    [InlineData(false, true, false)] [InlineData(true, true, true)] [InlineData(false, true, true)]
    public void Lstm_last_or_all_states_with_and_without_mask(bool returnSequences, bool masked, bool reverse)
    {
        var rng = new Rng(11);
        var native = new Lstm("l", In, 5, returnSequences, rng, reverse);
        Compare(native, new TorchLstm(native), Steps, In, masked, rng);
    }

    [Theory]
    [InlineData("concat", true)] [InlineData("sum", true)] [InlineData("concat", false)]
    public void Bidirectional_merges(string merge, bool returnSequences) =>
        Check(new LayerSpec("bidirectional", "b", Units: 4, ReturnSequences: returnSequences, Merge: merge), Steps, In, masked: true);

    [Theory]
    [InlineData("global_average_pooling1d", true)] [InlineData("global_max_pooling1d", true)]
    [InlineData("global_average_pooling1d", false)] [InlineData("global_max_pooling1d", false)] [InlineData("flatten", false)]
    public void Pooling_and_flatten_honour_the_mask(string kind, bool masked) => Check(new LayerSpec(kind, "p"), Steps, In, masked);

    [Fact]
    public void Dropout_drops_the_same_units_in_training_and_none_in_evaluation()
    {
        var spec = new LayerSpec("dropout", "drop", Rate: 0.4);
        Check(spec, Steps, In, masked: false, train: true);
        Check(spec, Steps, In, masked: false, train: false);
    }

    [Theory]
    [InlineData(true)] [InlineData(false)]
    public void Embedding_rows_gradients_and_mask(bool maskZero)
    {
        var rng = new Rng(5);
        var native = (Embedding)LayerFactory.Create(new LayerSpec("embedding", "e", Units: 4, VocabSize: 9, MaskZero: maskZero), Steps, 1, rng);
        var twin = new TorchEmbedding(native);
        var ids = Parity.Tokens(rng, Rows, Steps, 9);
        var y = native.Forward(new Flow(ids, Rows, Steps, 1), Mode.Train);
        var ty = twin.Forward(new TorchFlow(tensor(ids, [Rows, Steps, 1])), train: true);
        Parity.Close(y.Data[..(Rows * Steps * 4)], Parity.Read(ty.Data), Tolerance, "embedding output");
        if (maskZero) Assert.Equal(y.Mask![..(Rows * Steps)], Parity.Read(ty.Mask!.to_type(ScalarType.Float32)));
        else Assert.Null(ty.Mask);
        var c = Parity.Random(rng, Rows * Steps * 4);
        native.Backward(new Flow(c, Rows, Steps, 4, y.Mask), needInputGrad: false);
        (ty.Data * tensor(c, ty.Data.shape)).sum().backward();
        Parity.Close(native.Weights.Grad, twin.Parameters[0].Gradient(), Tolerance, "embedding gradient");
    }

    [Fact]
    public void Concatenate_in_a_two_input_graph()
    {
        var rng = new Rng(8);
        var graph = GraphModel.Build([new GraphInput("a", Steps, 2), new GraphInput("b", Steps, 3)],
            [new GraphNode(new LayerSpec("lstm", "la", Units: 3), ["a"]), new GraphNode(new LayerSpec("lstm", "lb", Units: 2), ["b"]),
             new GraphNode(new LayerSpec("concatenate", "cat"), ["la", "lb"]), new GraphNode(new LayerSpec("dense", "out", Units: 2, Activation: "tanh"), ["cat"])], rng);
        var twin = TorchModel.FromNative(graph, rng);
        var x = Parity.Random(rng, Rows * graph.InputWidth);
        var y = graph.Forward(graph.InputFlow(x, Rows), Mode.Train);
        var ty = twin.Forward(tensor(x, [Rows, graph.InputWidth]), train: true);
        Parity.Close(y.Data[..(Rows * 2)], Parity.Read(ty), Tolerance, "graph output");
        var c = Parity.Random(rng, Rows * 2);
        graph.Backward(new Flow(c, Rows, 1, 2));
        (ty * tensor(c, ty.shape)).sum().backward();
        foreach (var p in twin.Parameters) Parity.Close(p.Native.Grad, p.Gradient(), Tolerance, p.Name + " gradient");
    }

    private static void Check(LayerSpec spec, int steps, int features, bool masked, bool train = true)
    {
        var rng = new Rng(3);
        var native = LayerFactory.Create(spec, steps, features, rng);
        Compare(native, TorchModel.Mirror(native, rng), steps, features, masked, rng, train);
    }

    private static void Compare(Layer native, TorchLayer twin, int steps, int features, bool masked, Rng rng, bool train = true)
    {
        var x = Parity.Random(rng, Rows * steps * features);
        float[]? mask = masked ? Enumerable.Range(0, Rows * steps).Select(i => i % steps < (i / steps) % (steps + 1) ? 0f : 1f).ToArray() : null;
        var y = native.Forward(new Flow(x, Rows, steps, features, mask), train ? Mode.Train : Mode.Eval);
        var tx = Parity.Leaf(x, Rows, steps, features);
        var tmask = mask is null ? null : tensor(mask, [Rows, steps]).to_type(ScalarType.Bool);
        var ty = twin.Forward(new TorchFlow(tx, tmask), train);
        int n = y.Length;
        Assert.Equal(n, (int)ty.Data.numel());
        Parity.Close(y.Data[..n], Parity.Read(ty.Data), Tolerance, $"{native.Name} output");
        var c = Parity.Random(rng, n);
        var dx = native.Backward(new Flow(c, y.Rows, y.Steps, y.Features, y.Mask), needInputGrad: true);
        (ty.Data * tensor(c, ty.Data.shape)).sum().backward();
        foreach (var p in twin.Parameters) Parity.Close(p.Native.Grad, p.Gradient(), Tolerance, $"{p.Name} gradient");
        Parity.Close(dx.Data[..(Rows * steps * features)], Parity.Read(tx.grad!), Tolerance, $"{native.Name} input gradient");
    }
}
