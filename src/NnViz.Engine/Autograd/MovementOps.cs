namespace NnViz.Engine.Autograd;

/// <summary>Ops that move values without arithmetic.</summary>
public static class MovementOps
{
    public static Tensor Reshape(this Tensor a, params int[] shape)
    {
        var o = new Tensor((float[])a.Data.Clone(), shape, [a], "reshape");
        o.BackwardFn = () => { for (int i = 0; i < a.Length; i++) a.Grad[i] += o.Grad[i]; };
        return o;
    }

    public static Tensor Transpose(this Tensor a)
    {
        int m = a.Shape[0], n = a.Shape[1];
        var y = new float[m * n];
        Kernels.Gemm.Transpose<float>(a.Data, m, n, y);
        var o = new Tensor(y, [n, m], [a], "transpose");
        o.BackwardFn = () => { for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) a.Grad[i * n + j] += o.Grad[j * m + i]; };
        return o;
    }

    /// <summary>[m, p] and [m, q] -> [m, p + q].</summary>
    public static Tensor ConcatColumns(this Tensor a, Tensor b)
    {
        int m = a.Shape[0], p = a.Shape[1], q = b.Shape[1];
        var y = new float[m * (p + q)];
        for (int r = 0; r < m; r++)
        {
            Array.Copy(a.Data, r * p, y, r * (p + q), p);
            Array.Copy(b.Data, r * q, y, r * (p + q) + p, q);
        }
        var o = new Tensor(y, [m, p + q], [a, b], "concat");
        o.BackwardFn = () =>
        {
            for (int r = 0; r < m; r++)
            {
                for (int j = 0; j < p; j++) a.Grad[r * p + j] += o.Grad[r * (p + q) + j];
                for (int j = 0; j < q; j++) b.Grad[r * q + j] += o.Grad[r * (p + q) + p + j];
            }
        };
        return o;
    }

    /// <summary>Columns [start, start + count) of [m, n].</summary>
    public static Tensor SliceColumns(this Tensor a, int start, int count)
    {
        int m = a.Shape[0], n = a.Shape[1];
        var y = new float[m * count];
        for (int r = 0; r < m; r++) Array.Copy(a.Data, r * n + start, y, r * count, count);
        var o = new Tensor(y, [m, count], [a], "slice");
        o.BackwardFn = () => { for (int r = 0; r < m; r++) for (int j = 0; j < count; j++) a.Grad[r * n + start + j] += o.Grad[r * count + j]; };
        return o;
    }
}
