using NnViz.Engine.Kernels;
using NnViz.Engine.Nn;
using NnViz.Engine.Training;
using Xunit.Abstractions;

namespace NnViz.Engine.Tests;

/// <summary>The engine against PyTorch 1.13 (fixtures from tools/parity/make_fixtures.py), relative error 1e-4 in float32.</summary>
public class ParityTests(ITestOutputHelper output)
{
    private double _worst;
    private void Close(float[] e, ReadOnlySpan<float> a, string what, double floor = 1e-2) => _worst = Math.Max(_worst, Fixture.Close(e, a, what, floor: floor));
    private void Report(string name) => output.WriteLine($"parity {name}: max rel err {_worst:E2}");

    [Theory]
    [InlineData("linear")]
    [InlineData("tanh")]
    [InlineData("sigmoid")]
    [InlineData("relu")]
    [InlineData("softmax")]
    public void Dense(string act)
    {
        var f = Fixture.Load("dense_" + act);
        int rows = f.Int("rows"), inDim = f.Int("in"), units = f.Int("units");
        var d = new Dense("d", inDim, units, Activations.Parse(act), new Rng(0));
        f.F("kernel").CopyTo(d.Kernel.Value, 0); f.F("bias").CopyTo(d.Bias.Value, 0);
        var y = d.Forward(Flow.Flat(f.F("x"), rows, inDim), Mode.Train);
        Close(f.F("y"), y.Data.AsSpan(0, rows * units), "y");
        var dx = d.Backward(Flow.Flat(f.F("c"), rows, units), true);
        Close(f.F("grad_kernel"), d.Kernel.Grad, "dW"); Close(f.F("grad_bias"), d.Bias.Grad, "db");
        Close(f.F("grad_x"), dx.Data.AsSpan(0, rows * inDim), "dx");
        Report("dense_" + act);
    }

    private static void SetLstm(Lstm l, Fixture p)
    {
        p.F("kernel").CopyTo(l.Kernel.Value, 0); p.F("recurrent_kernel").CopyTo(l.RecurrentKernel.Value, 0); p.F("bias").CopyTo(l.Bias.Value, 0);
    }

    private void CheckLstmGrads(Lstm l, Fixture g, string what)
    {
        Close(g.F("kernel"), l.Kernel.Grad, what + " dW"); Close(g.F("recurrent_kernel"), l.RecurrentKernel.Grad, what + " dU");
        Close(g.F("bias"), l.Bias.Grad, what + " db");
    }

    [Fact]
    public void Lstm()
    {
        var f = Fixture.Load("lstm_layer");
        int rows = f.Int("rows"), T = f.Int("steps"), inDim = f.Int("in"), u = f.Int("units");
        var x = new Flow(f.F("x"), rows, T, inDim);
        var last = new Lstm("l", inDim, u, false, new Rng(0));
        SetLstm(last, f.Sub("forward"));
        Close(f.F("last"), last.Forward(x, Mode.Train).Data.AsSpan(0, rows * u), "last state");
        var seq = new Lstm("l", inDim, u, true, new Rng(0));
        SetLstm(seq, f.Sub("forward"));
        Close(f.F("y"), seq.Forward(x, Mode.Train).Data.AsSpan(0, rows * T * u), "states");
        // d loss / d states = c, plus c_last on the final state.
        var dy = f.F("c"); var cl = f.F("c_last");
        for (int r = 0; r < rows; r++) for (int j = 0; j < u; j++) dy[(r * T + T - 1) * u + j] += cl[r * u + j];
        var dx = seq.Backward(new Flow(dy, rows, T, u), true);
        CheckLstmGrads(seq, f.Sub("forward_grad"), "lstm");
        Close(f.F("grad_x"), dx.Data.AsSpan(0, rows * T * inDim), "dx");
        Report("lstm_layer");
    }

    [Fact]
    public void BidirectionalLstm()
    {
        var f = Fixture.Load("bilstm_layer");
        int rows = f.Int("rows"), T = f.Int("steps"), inDim = f.Int("in"), u = f.Int("units");
        var x = new Flow(f.F("x"), rows, T, inDim);
        var last = new Bidirectional("b", inDim, u, false, "concat", new Rng(0));
        SetLstm(last.Forwards, f.Sub("forward")); SetLstm(last.Backwards, f.Sub("backward"));
        Close(f.F("last"), last.Forward(x, Mode.Train).Data.AsSpan(0, rows * 2 * u), "last states");
        var seq = new Bidirectional("b", inDim, u, true, "concat", new Rng(0));
        SetLstm(seq.Forwards, f.Sub("forward")); SetLstm(seq.Backwards, f.Sub("backward"));
        Close(f.F("y"), seq.Forward(x, Mode.Train).Data.AsSpan(0, rows * T * 2 * u), "states");
        // The final forward state is at t = T-1, the final backward state at t = 0.
        var dy = f.F("c"); var cl = f.F("c_last");
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < u; j++)
            {
                dy[(r * T + T - 1) * 2 * u + j] += cl[r * 2 * u + j];
                dy[(r * T) * 2 * u + u + j] += cl[r * 2 * u + u + j];
            }
        var dx = seq.Backward(new Flow(dy, rows, T, 2 * u), true);
        CheckLstmGrads(seq.Forwards, f.Sub("forward_grad"), "forward");
        CheckLstmGrads(seq.Backwards, f.Sub("backward_grad"), "backward");
        Close(f.F("grad_x"), dx.Data.AsSpan(0, rows * T * inDim), "dx");
        Report("bilstm_layer");
    }

    private void ModelParity(string name, LayerSpec[] specs, ILoss loss, Func<IReadOnlyList<Parameter>, IOptimizer> makeOpt)
    {
        var f = Fixture.Load(name);
        int rows = f.Int("rows"), T = f.Int("steps");
        var model = Sequential.Build(T, specs, new Rng(0));
        var init = f.Sub("init");
        foreach (var p in model.Parameters) Fixture.F(init.Root, p.Name).CopyTo(p.Value, 0);
        var x = f.F("x"); var y = f.F("y");
        int outW = model.OutputWidth;
        var opt = makeOpt(model.Parameters);
        foreach (var p in model.Parameters) p.ZeroGrad();
        var o = model.Forward(model.InputFlow(x, rows), Mode.Train);
        Close(f.F("output"), o.Data.AsSpan(0, rows * outW), "output");
        var grad = new float[rows * outW];
        double l0 = loss.Compute(o.Data.AsSpan(0, rows * outW), y, grad, rows, outW);
        model.Backward(o with { Data = grad });
        var losses = f.F("losses");
        Assert.Equal(losses[0], l0, 5);
        var grads = f.Sub("grads");
        foreach (var p in model.Parameters) Close(Fixture.F(grads.Root, p.Name), p.Grad, "grad " + p.Name);
        opt.Step();
        for (int s = 1; s < 5; s++) Assert.Equal(losses[s], Trainer.Step(model, loss, opt, x, y, grad, rows), 5);
        var after = f.Sub("after5");
        foreach (var p in model.Parameters) Close(Fixture.F(after.Root, p.Name), p.Value, "after 5 steps " + p.Name);
        Report(name);
    }

    [Fact]
    public void ImdbModelWithMaskedPaddingAndRmsProp() => ModelParity("imdb_model",
    [
        new("embedding", "embedding", Units: 5, VocabSize: 20, MaskZero: true), new("lstm", "lstm", Units: 4),
        new("dropout", "drop1", Rate: 0), new("dense", "hidden", Units: 5, Activation: "relu"),
        new("dropout", "drop2", Rate: 0), new("dense", "out", Units: 1, Activation: "sigmoid"),
    ], new BinaryCrossEntropy(), ps => new RmsProp(ps, lr: 0.01, rho: 0.9, epsilon: 1e-7));

    [Fact]
    public void BiLstmModelMultiLabelWithAdam() => ModelParity("bilstm_model",
    [
        new("embedding", "embedding", Units: 5, VocabSize: 20, MaskZero: true), new("bidirectional", "bilstm", Units: 4),
        new("dense", "out", Units: 3),
    ], new BinaryCrossEntropy(fromLogits: true), ps => new Adam(ps, lr: 0.01, epsilon: 1e-7));

    [Theory]
    [InlineData("sgd_momentum")]
    [InlineData("sgd_nesterov")]
    [InlineData("adam")]
    [InlineData("rmsprop")]
    public void OptimizerFiveSteps(string name)
    {
        var f = Fixture.Load("optim_" + name);
        var model = Sequential.Build(3, [new("dense", "h", 4, "tanh"), new("dense", "out", 2)], new Rng(0));
        var init = f.Sub("init");
        foreach (var p in model.Parameters) Fixture.F(init.Root, p.Name).CopyTo(p.Value, 0);
        IOptimizer opt = name switch
        {
            "sgd_momentum" => new Sgd(model.Parameters, 0.1, 0.9),
            "sgd_nesterov" => new Sgd(model.Parameters, 0.1, 0.9, nesterov: true),
            "adam" => new Adam(model.Parameters, 0.05, epsilon: 1e-7),
            _ => new RmsProp(model.Parameters, 0.01, 0.9, 1e-7),
        };
        var x = f.F("x"); var y = f.F("y"); var grad = new float[16];
        for (int s = 0; s < 5; s++) Trainer.Step(model, new Mse(), opt, x, y, grad, 8);
        var after = f.Sub("after5");
        // Parameters after steps of size ~lr: a weight that crossed zero is judged relative to one step, not to its own size.
        foreach (var p in model.Parameters) Close(Fixture.F(after.Root, p.Name), p.Value, p.Name, floor: 0.05);
        Report("optim_" + name);
    }
}
