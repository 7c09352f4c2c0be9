namespace NnViz.Engine.Autograd;

/// <summary>Reductions, summed in index order.</summary>
public static class ReduceOps
{
    public static Tensor Sum(this Tensor a)
    {
        double s = 0;
        foreach (float v in a.Data) s += v;
        var o = new Tensor([(float)s], [1], [a], "sum");
        o.BackwardFn = () => { var g = a.Grad; float go = o.Grad[0]; for (int i = 0; i < g.Length; i++) g[i] += go; };
        return o;
    }

    public static Tensor Mean(this Tensor a) => a.Sum().Scale(1f / a.Length);

    /// <summary>Row-wise log-sum-exp of [m, n] -> [m], shifted by the row max.</summary>
    public static Tensor LogSumExpRows(this Tensor a)
    {
        int m = a.Shape[0], n = a.Shape[1];
        var y = new float[m];
        for (int r = 0; r < m; r++)
        {
            float max = float.NegativeInfinity;
            for (int j = 0; j < n; j++) max = MathF.Max(max, a.Data[r * n + j]);
            double s = 0;
            for (int j = 0; j < n; j++) s += Math.Exp(a.Data[r * n + j] - max);
            y[r] = max + (float)Math.Log(s);
        }
        var o = new Tensor(y, [m], [a], "logsumexp");
        o.BackwardFn = () =>
        {
            for (int r = 0; r < m; r++)
                for (int j = 0; j < n; j++) a.Grad[r * n + j] += o.Grad[r] * MathF.Exp(a.Data[r * n + j] - y[r]);
        };
        return o;
    }
}
