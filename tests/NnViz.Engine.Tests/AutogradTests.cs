using NnViz.Engine.Autograd;
using NnViz.Engine.Kernels;
using NnViz.Engine.Nn;

namespace NnViz.Engine.Tests;

/// <summary>The autograd tensor's ops (float32) against central differences of the same float forward, summed in
/// double; h = 1e-2 bounds the float rounding, hence the looser tolerance than the double kernel checks.</summary>
public class AutogradTests
{
    private static void Check(Func<Tensor[], Tensor> build, params int[][] shapes)
    {
        var rng = new Rng(40);
        var inputs = Array.ConvertAll(shapes, s => { var t = Tensor.Zeros(s); var v = GradCheck.RandomF(rng, t.Length); v.CopyTo(t.Data, 0); return t; });
        var c = GradCheck.RandomF(rng, build(inputs).Length);
        Tensor Loss() => build(inputs).Mul(new Tensor((float[])c.Clone(), build(inputs).Shape)).Sum();
        var loss = Loss();
        loss.Backward();
        foreach (var x in inputs)
        {
            var numeric = new double[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                float keep = x.Data[i];
                x.Data[i] = keep + 1e-2f; double up = Loss().Item;
                x.Data[i] = keep - 1e-2f; double down = Loss().Item;
                x.Data[i] = keep;
                numeric[i] = (up - down) / (2e-2);
            }
            GradCheck.Close(numeric, Array.ConvertAll(x.Grad, v => (double)v), 2e-2, x.ToString());
        }
    }

    [Fact] public void Tanh() => Check(t => t[0].Tanh(), [3, 4]);
    [Fact] public void Sigmoid() => Check(t => t[0].Sigmoid(), [3, 4]);
    [Fact] public void Exp() => Check(t => t[0].Exp(), [5]);
    [Fact] public void Log() => Check(t => t[0].Square().Add(new Tensor([0.5f, 0.5f, 0.5f, 0.5f, 0.5f], 5)).Log(), [5]);
    [Fact] public void AddBroadcastRow() => Check(t => t[0].Add(t[1]), [3, 4], [4]);
    [Fact] public void SubAndMul() => Check(t => t[0].Sub(t[1]).Mul(t[0]), [2, 3], [2, 3]);
    [Fact] public void MatMul() => Check(t => t[0].MatMul(t[1]), [3, 5], [5, 2]);
    [Fact] public void Transpose() => Check(t => t[0].Transpose().MatMul(t[1]), [4, 3], [4, 2]);
    [Fact] public void ConcatAndSlice() => Check(t => t[0].ConcatColumns(t[1]).SliceColumns(1, 3).Tanh(), [2, 2], [2, 3]);
    [Fact] public void LogSumExp() => Check(t => t[0].LogSumExpRows(), [3, 4]);
    [Fact] public void Relu() => Check(t => t[0].Scale(3).Relu(), [7]);

    [Fact]
    public void FusedDenseLayerMatchesComposedPrimitives()
    {
        var rng = new Rng(41);
        int rows = 6, inDim = 5, units = 4;
        var layer = new Dense("d", inDim, units, Activation.Tanh, rng);
        var x = GradCheck.RandomF(rng, rows * inDim);
        var dy = GradCheck.RandomF(rng, rows * units);
        var y = layer.Forward(Flow.Flat(x, rows, inDim), Mode.Train);
        var dx = layer.Backward(Flow.Flat(dy, rows, units), needInputGrad: true);

        var tx = new Tensor((float[])x.Clone(), rows, inDim);
        var tw = new Tensor((float[])layer.Kernel.Value.Clone(), inDim, units);
        var tb = new Tensor((float[])layer.Bias.Value.Clone(), units);
        var ty = tx.MatMul(tw).Add(tb).Tanh();
        ty.Mul(new Tensor(dy, rows, units)).Sum().Backward();
        GradCheck.Close(ty.Data, y.Data, 1e-6, "y");
        GradCheck.Close(tw.Grad, layer.Kernel.Grad, 1e-5, "dW");
        GradCheck.Close(tb.Grad, layer.Bias.Grad, 1e-5, "db");
        GradCheck.Close(tx.Grad, dx.Data, 1e-5, "dx");
    }

    [Fact]
    public void FusedSoftmaxCrossEntropyMatchesComposedPrimitives()
    {
        var rng = new Rng(42);
        int rows = 4, cols = 3;
        var z = GradCheck.RandomF(rng, rows * cols, 2);
        var t = new float[rows * cols];
        for (int r = 0; r < rows; r++) t[r * cols + rng.NextInt(cols)] = 1;
        var g = new float[z.Length];
        double fused = LossKernels.SoftmaxCrossEntropy<float>(z, t, g, rows, cols);
        // CE = mean_r (logsumexp(z_r) - Σ_j t_rj z_rj)
        var tz = new Tensor((float[])z.Clone(), rows, cols);
        var composed = tz.LogSumExpRows().Sum().Sub(tz.Mul(new Tensor(t, rows, cols)).Sum()).Scale(1f / rows);
        composed.Backward();
        Assert.Equal(composed.Item, fused, 5);
        GradCheck.Close(tz.Grad, g, 1e-6, "dz");
    }
}
