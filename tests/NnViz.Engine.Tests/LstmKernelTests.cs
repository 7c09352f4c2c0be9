using NnViz.Engine.Kernels;

namespace NnViz.Engine.Tests;

/// <summary>The fused LSTM over a sequence, in double, against central differences: forward and reverse direction,
/// with and without padding masks, loss on every state (return_sequences) so every step's gradient is exercised.</summary>
public class LstmKernelTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void GradientsMatchCentralDifferences(bool reverse, bool masked)
    {
        var rng = new Rng(70);
        int T = 4, rows = 3, inDim = 2, u = 3;
        var s = new LstmKernel.Shape(T, rows, inDim, u, reverse);
        var x = GradCheck.Random(rng, T * rows * inDim);
        var w = GradCheck.Random(rng, inDim * 4 * u); var uw = GradCheck.Random(rng, u * 4 * u); var b = GradCheck.Random(rng, 4 * u, 0.5);
        double[]? mask = null;
        if (masked) { mask = new double[rows * T]; Array.Fill(mask, 1.0); mask[0 * T + 0] = 0; mask[1 * T + 3] = 0; mask[2 * T + 1] = 0; mask[2 * T + 2] = 0; }
        var c = GradCheck.Random(rng, T * rows * u);
        int n = T * rows;
        double Loss()
        {
            var g = new double[n * 4 * u]; var cc = new double[n * u]; var tc = new double[n * u]; var h = new double[n * u];
            LstmKernel.Forward(s, x, mask, w, uw, b, g, cc, tc, h);
            return GradCheck.Dot(h, c);
        }
        var gates = new double[n * 4 * u]; var cs = new double[n * u]; var tcs = new double[n * u]; var hs = new double[n * u];
        LstmKernel.Forward(s, x, mask, w, uw, b, gates, cs, tcs, hs);
        var dw = new double[w.Length]; var du = new double[uw.Length]; var db = new double[b.Length]; var dx = new double[x.Length];
        LstmKernel.Backward(s, x, mask, w, uw, gates, cs, tcs, hs, (double[])c.Clone(), new double[n * 4 * u], dw, du, db, dx,
            new double[uw.Length], new double[w.Length], new double[LstmKernel.ScratchLength(rows, u)]);
        GradCheck.Close(GradCheck.Numeric(Loss, w), dw, 1e-7, "dW");
        GradCheck.Close(GradCheck.Numeric(Loss, uw), du, 1e-7, "dU");
        GradCheck.Close(GradCheck.Numeric(Loss, b), db, 1e-7, "db");
        GradCheck.Close(GradCheck.Numeric(Loss, x), dx, 1e-7, "dx");
    }

    [Fact]
    public void MatchesTheComposedCellStepByStep()
    {
        // One row, forward direction: recompute each step with scalar formulas (Keras gate order i, f, g, o).
        var rng = new Rng(71);
        int T = 5, inDim = 3, u = 2;
        var x = GradCheck.Random(rng, T * inDim); var w = GradCheck.Random(rng, inDim * 4 * u); var uw = GradCheck.Random(rng, u * 4 * u); var b = GradCheck.Random(rng, 4 * u);
        var gates = new double[T * 4 * u]; var cs = new double[T * u]; var tcs = new double[T * u]; var hs = new double[T * u];
        LstmKernel.Forward(new LstmKernel.Shape(T, 1, inDim, u, false), x, null, w, uw, b, gates, cs, tcs, hs);
        var h = new double[u]; var cell = new double[u];
        static double Sig(double z) => 1 / (1 + Math.Exp(-z));
        for (int t = 0; t < T; t++)
        {
            var z = new double[4 * u];
            for (int k = 0; k < 4 * u; k++)
            {
                z[k] = b[k];
                for (int i = 0; i < inDim; i++) z[k] += x[t * inDim + i] * w[i * 4 * u + k];
                for (int i = 0; i < u; i++) z[k] += h[i] * uw[i * 4 * u + k];
            }
            for (int j = 0; j < u; j++)
            {
                cell[j] = Sig(z[u + j]) * cell[j] + Sig(z[j]) * Math.Tanh(z[2 * u + j]);
                h[j] = Sig(z[3 * u + j]) * Math.Tanh(cell[j]);
            }
            for (int j = 0; j < u; j++) Assert.Equal(h[j], hs[t * u + j], 12);
        }
    }
}
